import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditService } from '../../src/audit/audit.service.js';
import { protectedRows } from '../../src/audit/protected-rows.js';
import { canonicalHash } from '../../src/kernel/hash.js';
import { writeDossierRows } from '../../src/dossiers/dossier-bulk-writer.repository.js';
import { toPlainDocument } from '../../src/dossiers/dossier-plain.js';
import { addDossierRows, emptyRows } from '../../src/dossiers/dossier-rows.js';
import { insertOrgUnits, insertRounds, insertUsers } from '../common/seed-writer.js';
import type { DemoData } from './demo-data.js';

export const SEED_ACTOR = { id: null, name: 'seed' };

export interface DemoCounts {
  ministries: number;
  departments: number;
  facilities: number;
  teams: number;
  accounts: number;
  rounds: number;
  dossiers: number;
}

// Writes the whole demo set inside the caller's transaction, with one audit row per thing created.
export async function writeDemoData(
  manager: EntityManager,
  data: DemoData,
  passwordHashes: string[],
  audit: AuditService,
): Promise<DemoCounts> {
  const units = new Map(data.orgUnits.map((u) => [u.code, u]));
  const rounds = new Map(data.rounds.map((r) => [r.code, r]));
  await insertOrgUnits(manager, data.orgUnits);
  const users = data.accounts.map((a, i) => ({
    id: a.id,
    username: a.username,
    passwordHash: passwordHashes[i],
    fullName: a.fullName,
    role: a.role,
    orgUnitId: units.get(a.unitCode)!.id,
    agency: a.agency,
  }));
  await insertUsers(manager, users);
  await insertRounds(manager, data.rounds);

  const rows = emptyRows();
  const entries: AuditEntry[] = [];
  for (const u of data.orgUnits) {
    entries.push({
      actor: SEED_ACTOR,
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: u.id,
      after: { code: u.code, name: u.name, kind: u.kind },
    });
  }
  for (const u of users) {
    entries.push({
      actor: SEED_ACTOR,
      action: 'user.create',
      entityType: 'user',
      entityId: u.id,
      after: { username: u.username, role: u.role, agency: u.agency },
    });
  }
  for (const r of data.rounds) {
    entries.push({
      actor: SEED_ACTOR,
      action: 'round.create',
      entityType: 'round',
      entityId: r.id,
      after: { code: r.code, rulePack: r.rulePack },
    });
  }
  for (const d of data.dossiers) {
    const document = toPlainDocument(d.document);
    const contentHash = canonicalHash(document);
    addDossierRows(rows, {
      id: d.id,
      document,
      roundId: rounds.get(d.roundCode)!.id,
      facilityId: units.get(document.facilityCode)!.id,
      teamId: document.teamCode ? units.get(document.teamCode)!.id : null,
      actorId: null,
      version: 1,
      contentHash,
    });
    entries.push({
      actor: SEED_ACTOR,
      action: 'dossier.create',
      entityType: 'dossier',
      entityId: d.id,
      after: { version: 1, contentHash, inmateNumber: document.inmateNumber, fullName: document.person.fullName },
      rows: [protectedRows.dossierVersion(d.id, 1)],
    });
  }
  await writeDossierRows(manager, rows);
  await audit.record(manager, entries);
  const count = (kind: string) => data.orgUnits.filter((u) => u.kind === kind).length;
  return {
    ministries: count('MINISTRY'),
    departments: count('DEPARTMENT'),
    facilities: count('FACILITY'),
    teams: count('TEAM'),
    accounts: users.length,
    rounds: data.rounds.length,
    dossiers: data.dossiers.length,
  };
}

export function describeCounts(c: DemoCounts): string {
  return (
    `${c.ministries} bộ, ${c.departments} cơ quan quản lý, ${c.facilities} trại, ${c.teams} đội, ${c.accounts} tài khoản, ` +
    `${c.rounds} đợt đặc xá, ${c.dossiers} hồ sơ`
  );
}
