import type { EntityManager } from 'typeorm';
import { verdictKey, type StoredVerdicts } from '../../eligibility/stored-verdicts.js';

export interface ListHeaderRow {
  id: string;
  round_id: string;
  code: string;
  kind: string;
  owner_unit_id: string;
  entry_count: number;
  posted_on: string | null;
}

export interface ListEntryRow {
  position: number;
  facility_id: string;
  facility_name: string;
  reason_code: string | null;
  reason: string | null;
  person: {
    fullName: string;
    aliases: string[];
    birthDate: string;
    sex: string;
    registeredResidence: { detail?: string; commune: string; province: string };
  };
  judgments: { offences: { name: string; article: number }[] }[];
  sentence: { kind: 'FIXED' | 'LIFE'; years?: number; months?: number; days?: number } | null;
  custody_start: string | null;
  served: { years: number; months: number; days: number } | null;
  category_label: string | null;
}

export interface ListAddressRow {
  kind: string;
  owner_unit_id: string;
  // The unit the list was addressed to; for a camp's ineligible list, addressed to no one, the camp's department; for a
  // court's, the unit its eligible list of the same posting went to (the appraisal team).
  next_level: string | null;
}

export async function findListAddress(manager: EntityManager, listId: string): Promise<ListAddressRow | null> {
  const rows: ListAddressRow[] = await manager.query(
    `SELECT l.kind, l.owner_unit_id,
            coalesce(r.name, CASE WHEN l.kind = 'CAMP_INELIGIBLE' AND o.kind = 'FACILITY' THEN p.name END,
              CASE WHEN l.kind = 'COURT_INELIGIBLE' THEN (
                SELECT cr.name FROM list_snapshots c JOIN org_units cr ON cr.id = c.recipient_unit_id
                 WHERE c.owner_unit_id = l.owner_unit_id AND c.round_id = l.round_id AND c.kind = 'COURT'
                   AND c.posted_on IS NOT DISTINCT FROM l.posted_on
                 ORDER BY c.created_at DESC LIMIT 1) END) AS next_level
       FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id
       LEFT JOIN org_units r ON r.id = l.recipient_unit_id
       LEFT JOIN org_units p ON p.id = o.parent_id
      WHERE l.id = $1`,
    [listId],
  );
  return rows[0] ?? null;
}

export async function findListHeader(manager: EntityManager, listId: string): Promise<ListHeaderRow | null> {
  const rows: ListHeaderRow[] = await manager.query(
    `SELECT id, round_id, code, kind, owner_unit_id, entry_count, to_char(posted_on, 'YYYY-MM-DD') AS posted_on
       FROM list_snapshots WHERE id = $1`,
    [listId],
  );
  return rows[0] ?? null;
}

// The entries with the pinned dossier version's print fields, and the latest engine figures for that version read
// through the eligibility feature; only the JSON paths a list prints are read, so a national list does not pull every
// full dossier.
export async function findListEntries(
  manager: EntityManager,
  verdicts: StoredVerdicts,
  listId: string,
): Promise<ListEntryRow[]> {
  const rows: (Omit<ListEntryRow, 'served' | 'category_label'> & { dossier_id: string; dossier_version: number })[] =
    await manager.query(
      `SELECT e.position, e.dossier_id, e.dossier_version, e.facility_id, f.name AS facility_name, e.reason_code, e.reason,
              v.document->'person' AS person,
              v.document->'judgments' AS judgments,
              v.document->'aggregateSentence' AS sentence,
              (SELECT min(i->>'from') FROM jsonb_array_elements(v.document->'intervals') AS i) AS custody_start
         FROM list_entries e
         JOIN dossier_versions v ON v.dossier_id = e.dossier_id AND v.version = e.dossier_version
         JOIN org_units f ON f.id = e.facility_id
        WHERE e.list_id = $1
        ORDER BY e.position`,
      [listId],
    );
  const figures = await verdicts.listFigures(
    manager,
    rows.map((r) => ({ dossierId: r.dossier_id, version: r.dossier_version })),
  );
  return rows.map(({ dossier_id, dossier_version, ...row }) => {
    const f = figures.get(verdictKey(dossier_id, dossier_version));
    return { ...row, served: f?.served ?? null, category_label: f?.categoryLabel ?? null };
  });
}

// The latest list of the given kind the same unit made in the same round (the council's ineligible list beside its
// eligible one).
export async function findSiblingList(
  manager: EntityManager,
  list: ListHeaderRow,
  kind: string,
): Promise<ListHeaderRow | null> {
  const rows: ListHeaderRow[] = await manager.query(
    `SELECT id, round_id, code, kind, owner_unit_id, entry_count, to_char(posted_on, 'YYYY-MM-DD') AS posted_on
       FROM list_snapshots WHERE round_id = $1 AND owner_unit_id = $2 AND kind = $3 ORDER BY created_at DESC LIMIT 1`,
    [list.round_id, list.owner_unit_id, kind],
  );
  return rows[0] ?? null;
}
