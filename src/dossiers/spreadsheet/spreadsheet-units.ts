// Rounds, facilities and teams appear in a workbook by name, as people know them; a name shared by two units gets its
// code in brackets so it still names one. On import a cell may hold the shown name, the code, or "name (CODE)".

export interface UnitRow {
  code: string;
  name: string;
  // Teams only: the code of the facility the team belongs to.
  facilityCode?: string;
}

export interface UnitLists {
  rounds: UnitRow[];
  facilities: UnitRow[];
  teams: UnitRow[];
}

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

function labelled(rows: UnitRow[], sameGroup: (a: UnitRow, b: UnitRow) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const clash = rows.some((other) => other !== row && other.name === row.name && sameGroup(row, other));
    out.set(row.code, clash || !row.name ? `${row.name} (${row.code})` : row.name);
  }
  return out;
}

// Display names of every unit a workbook may mention, and the reverse lookup for what an importer may write into.
export class UnitNames {
  private readonly roundLabels: Map<string, string>;
  private readonly facilityLabels: Map<string, string>;
  private readonly teamLabels: Map<string, string>;

  constructor(private readonly all: UnitLists) {
    // A round's name is long and may repeat across years: it is always shown with its code.
    this.roundLabels = new Map(all.rounds.map((r) => [r.code, `${r.name} (${r.code})`]));
    this.facilityLabels = labelled(all.facilities, () => true);
    this.teamLabels = labelled(all.teams, (a, b) => a.facilityCode === b.facilityCode);
  }

  label(list: keyof UnitLists, code: string): string {
    const labels = list === 'rounds' ? this.roundLabels : list === 'facilities' ? this.facilityLabels : this.teamLabels;
    return labels.get(code) ?? code;
  }

  labels(list: keyof UnitLists, codes: string[]): string[] {
    return [...new Set(codes.map((code) => this.label(list, code)))];
  }

  // The code a cell names, or undefined when it names no unit or several. Whether the importer may write into that
  // unit is the dossier service's question, asked of every record alike. A team is looked for in the row's facility.
  resolve(list: keyof UnitLists, text: string, facilityCode?: string): string | undefined {
    const wanted = fold(text);
    if (!wanted) return undefined;
    const bracket = /\(([^()]+)\)\s*$/.exec(text.trim())?.[1]?.trim();
    const candidates =
      list === 'teams' && facilityCode ? this.all.teams.filter((t) => t.facilityCode === facilityCode) : this.all[list];
    const hits = candidates.filter(
      (u) =>
        u.code === text.trim() ||
        u.code === bracket ||
        fold(this.label(list, u.code)) === wanted ||
        fold(u.name) === wanted,
    );
    const codes = [...new Set(hits.map((h) => h.code))];
    return codes.length === 1 ? codes[0] : undefined;
  }
}
