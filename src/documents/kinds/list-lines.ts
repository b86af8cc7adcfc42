import type { ListFacilityGroup, ListPersonRow } from '../view-models/proposal-list.js';

// A table line of a consolidated list: either a facility's heading with its count, or a person. Both members are
// always present (one null) because the templates are compiled in strict mode.
export interface ListLine {
  group: { numeral: string; facilityName: string; count: number } | null;
  person: ListPersonRow | null;
}

export function listLines(groups: ListFacilityGroup[], withGroupHeadings: boolean): ListLine[] {
  const lines: ListLine[] = [];
  for (const group of groups) {
    if (withGroupHeadings) {
      lines.push({
        group: { numeral: group.numeral, facilityName: group.facilityName, count: group.count },
        person: null,
      });
    }
    for (const person of group.rows) lines.push({ group: null, person });
  }
  return lines;
}
