import type { SqlFilter } from '../auth/scope.service.js';

// SQL of the pieces of a list page that DossierListRepository puts together.

// The joins a page's choice needs: only those its sort and filters read (`sql` names them by alias).
export function joinsReadBy(sql: string): string {
  const uses = (alias: string) => new RegExp(`\\b${alias}\\.`).test(sql);
  return [
    uses('r') ? 'JOIN rounds r ON r.id = d.round_id' : '',
    uses('f') ? 'JOIN org_units f ON f.id = d.facility_id' : '',
    uses('t') ? 'LEFT JOIN org_units t ON t.id = d.team_id' : '',
    uses('v') ? 'LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id' : '',
  ].join(' ');
}

// A page sorted by facility: ordering by a name kept in another table read and sorted every dossier in scope (150 ms
// for a round of 150,000), so the facilities are walked in name order instead and each one's dossiers are read in id
// order through the (round, facility, id) index until the page is full. Same rows and order as sorting by
// (f.name, d.id): facilities that share a name come together in the walk, and their dossiers are merged in id order.
// Only the facilities that can hold a dossier in scope are walked (`facilities`): a ministry's page no longer reads
// every dossier of the other ministry's facilities whose names come first to find none.
export function pageByFacilityName(
  w: { sql: string },
  params: unknown[],
  o: {
    order: string;
    cursor?: { value: string; id: string };
    offset: number;
    limit: number;
    facilities?: (alias: string, firstParam: number) => SqlFilter;
  },
): string {
  let outer = '';
  let inner = '';
  const walked = o.facilities?.('o', params.length + 1) ?? { sql: 'true', params: [] };
  params.push(...walked.params);
  if (o.cursor) {
    params.push(o.cursor.value, o.cursor.id);
    const [value, id] = [`$${params.length - 1}::text`, `$${params.length}::uuid`];
    const op = o.order === 'DESC' ? '<' : '>';
    outer = ` AND o.name ${op}= ${value}`;
    inner = ` AND (fn.name, d.id) ${op} (${value}, ${id})`;
  }
  const joins = joinsReadBy(w.sql);
  return `page AS (
    SELECT x.id, fn.name AS k FROM (
      SELECT o.id, o.name FROM org_units o WHERE o.kind = 'FACILITY' AND ${walked.sql}${outer}
      ORDER BY o.name ${o.order}) fn
    CROSS JOIN LATERAL (
      SELECT d.id FROM dossiers d ${joins}
      WHERE d.facility_id = fn.id AND ${w.sql}${inner}
      ORDER BY d.id ${o.order} LIMIT ${o.offset + o.limit}) x
    ORDER BY fn.name ${o.order}, x.id ${o.order} LIMIT ${o.limit}${o.offset ? ` OFFSET ${o.offset}` : ''})`;
}
