import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';
import { affectedRows } from '../../common/sql.js';

export interface CertificateRow {
  id: string;
  dossierId: string;
  number: string;
  fullName: string;
  facilityId: string;
  facilityName: string;
  facilityKind: string;
  // The kind of unit that holds the dossier: a court issues its persons' certificates (Điều 18, khoản 3, đoạn 4).
  unitKind: string;
  facilityPath: string;
  roundId: string;
  decisionNumber: string;
  decisionDate: string;
  releasedOn: string | null;
  presentedOn: string | null;
  presentedTo: string | null;
  // The commune or military unit the certificate names for the presentation, when it has an account.
  presentationUnitId: string | null;
  presentationUnitName: string | null;
  version: number;
  dossierVersion: number;
  // A foreigner has no duty to present the certificate (Luật Đặc xá 2018, Điều 20, khoản 3).
  nationality: string;
  // The civil-enforcement agency decided that enforcement is not yet possible: it gets a copy (Điều 18, khoản 4).
  notYetEnforceable: boolean;
}

export interface CopyRow {
  id: string;
  recipient: string;
  addressee: string;
  sentOn: string;
}

const CERTIFICATE = `SELECT c.id, c.dossier_id AS "dossierId", c.number, d.full_name AS "fullName", c.facility_id AS "facilityId",
    f.name AS "facilityName", f.facility_kind AS "facilityKind", f.kind AS "unitKind", f.path AS "facilityPath",
    p.round_id AS "roundId", d.nationality,
    EXISTS (SELECT 1 FROM dossier_enforcement_decisions e WHERE e.dossier_id = d.id AND e.kind = 'NOT_YET_ENFORCEABLE')
      AS "notYetEnforceable",
    p.number AS "decisionNumber", to_char(p.decision_date, 'YYYY-MM-DD') AS "decisionDate",
    to_char(c.released_on, 'YYYY-MM-DD') AS "releasedOn", to_char(c.presented_on, 'YYYY-MM-DD') AS "presentedOn",
    c.presented_to AS "presentedTo", c.presentation_unit_id AS "presentationUnitId", pu.name AS "presentationUnitName",
    c.version, d.version AS "dossierVersion"
  FROM amnesty_certificates c JOIN dossiers d ON d.id = c.dossier_id JOIN org_units f ON f.id = c.facility_id
  JOIN president_decisions p ON p.id = c.decision_id LEFT JOIN org_units pu ON pu.id = c.presentation_unit_id`;

// What the commune or military unit reads of a certificate naming it: what the certificate itself shows of the person
// (Luật Đặc xá 2018, Điều 18, khoản 4), and nothing of the criminal record behind it.
export interface PresentingRow {
  id: string;
  number: string;
  fullName: string;
  birthDate: string;
  nationality: string;
  issuerName: string;
  roundId: string;
  decisionNumber: string;
  decisionDate: string;
  releasedOn: string;
  presentedOn: string | null;
  version: number;
  dossierVersion: number;
}

@Injectable()
export class AfterDecisionRepository {
  async decision(manager: EntityManager, id: string) {
    const rows: { id: string; roundId: string; number: string; decisionDate: string }[] = await manager.query(
      `SELECT id, round_id AS "roundId", number, to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate"
       FROM president_decisions WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async grantedAt(manager: EntityManager, decisionId: string, facilityId: string): Promise<number> {
    const [row] = await manager.query(
      'SELECT count(*)::int AS n FROM amnesty_certificates WHERE decision_id = $1 AND facility_id = $2',
      [decisionId, facilityId],
    );
    return row.n;
  }

  async insertPosting(
    manager: EntityManager,
    p: { decisionId: string; facilityId: string; postedOn: string; recordedBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO decision_postings (decision_id, facility_id, posted_on, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (decision_id, facility_id) DO NOTHING RETURNING id`,
      [p.decisionId, p.facilityId, p.postedOn, p.recordedBy],
    );
    return rows[0]?.id ?? null;
  }

  // Every camp with granted persons under a decision of the round, with its posting day where recorded; the scope
  // filter applies to the camp's rows (alias `x`, numbered from $2). A court posts nothing: the posting of Luật Đặc xá
  // 2018, Điều 18, khoản 1 is the camp's.
  async postings(manager: EntityManager, roundId: string | null, filter: SqlFilter) {
    return manager.query(
      `SELECT x.* FROM (
         SELECT p.id AS "decisionId", p.number AS "decisionNumber", to_char(p.decision_date, 'YYYY-MM-DD') AS "decisionDate",
           c.facility_id, f.id AS "facilityId", f.name AS "facilityName", count(c.id)::int AS granted,
           to_char(dp.posted_on, 'YYYY-MM-DD') AS "postedOn", p.decision_date
         FROM president_decisions p JOIN amnesty_certificates c ON c.decision_id = p.id JOIN org_units f ON f.id = c.facility_id
         LEFT JOIN decision_postings dp ON dp.decision_id = p.id AND dp.facility_id = f.id
         WHERE ($1::uuid IS NULL OR p.round_id = $1) AND f.kind <> 'COURT'
         GROUP BY p.id, c.facility_id, f.id, dp.posted_on) x
       WHERE ${filter.sql} ORDER BY x.decision_date DESC, x."facilityName" LIMIT 1000`,
      [roundId, ...filter.params],
    );
  }

  async certificate(manager: EntityManager, id: string): Promise<CertificateRow | null> {
    const rows = await manager.query(`${CERTIFICATE} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async copies(manager: EntityManager, certificateId: string): Promise<CopyRow[]> {
    return manager.query(
      `SELECT id, recipient, addressee, to_char(sent_on, 'YYYY-MM-DD') AS "sentOn" FROM certificate_copies
       WHERE certificate_id = $1 ORDER BY sent_on, recipient`,
      [certificateId],
    );
  }

  async insertCopy(
    manager: EntityManager,
    c: { certificateId: string; recipient: string; addressee: string; sentOn: string; recordedBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO certificate_copies (certificate_id, recipient, addressee, sent_on, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (certificate_id, recipient, addressee) DO NOTHING RETURNING id`,
      [c.certificateId, c.recipient, c.addressee, c.sentOn, c.recordedBy],
    );
    return rows[0]?.id ?? null;
  }

  async recordPresentation(
    manager: EntityManager,
    p: { id: string; version: number; presentedOn: string; presentedTo: string; recordedBy: string },
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE amnesty_certificates SET presented_on = $3, presented_to = $4, presentation_recorded_by = $5, version = version + 1
       WHERE id = $1 AND version = $2 AND presented_on IS NULL AND released_on IS NOT NULL`,
      [p.id, p.version, p.presentedOn, p.presentedTo, p.recordedBy],
    );
    return affectedRows(result) === 1;
  }

  // Every certificate in the caller's scope (filter over the dossier, alias `d`, numbered from $1), newest decision first.
  async inScope(manager: EntityManager, filter: SqlFilter): Promise<(CertificateRow & { copies: CopyRow[] })[]> {
    return manager.query(
      `SELECT x.*, coalesce((SELECT json_agg(json_build_object('id', k.id, 'recipient', k.recipient, 'addressee', k.addressee,
           'sentOn', to_char(k.sent_on, 'YYYY-MM-DD')) ORDER BY k.sent_on, k.recipient)
         FROM certificate_copies k WHERE k.certificate_id = x.id), '[]') AS copies
       FROM (${CERTIFICATE} WHERE ${filter.sql}) x ORDER BY x."decisionDate" DESC, x.number LIMIT 2000`,
      filter.params,
    );
  }

  // The released persons whose certificates name a unit in the caller's scope (certificate filter, alias `c`,
  // numbered from $1), those who have not presented first, the longest released first.
  async presentingTo(manager: EntityManager, filter: SqlFilter): Promise<PresentingRow[]> {
    return manager.query(
      `SELECT c.id, c.number, d.full_name AS "fullName", d.birth_date AS "birthDate", d.nationality,
         f.name AS "issuerName", p.round_id AS "roundId", p.number AS "decisionNumber",
         to_char(p.decision_date, 'YYYY-MM-DD') AS "decisionDate", to_char(c.released_on, 'YYYY-MM-DD') AS "releasedOn",
         to_char(c.presented_on, 'YYYY-MM-DD') AS "presentedOn", c.version, d.version AS "dossierVersion"
       FROM amnesty_certificates c JOIN dossiers d ON d.id = c.dossier_id JOIN org_units f ON f.id = c.facility_id
       JOIN president_decisions p ON p.id = c.decision_id
       WHERE c.released_on IS NOT NULL AND ${filter.sql}
       ORDER BY (c.presented_on IS NULL) DESC, c.released_on, c.number LIMIT 5000`,
      filter.params,
    );
  }

  // Released persons who have not presented their certificate, in every round still open, in the caller's scope
  // (filter over the certificate, alias `c`, numbered from $1), the longest released first.
  async unpresented(manager: EntityManager, filter: SqlFilter): Promise<CertificateRow[]> {
    return manager.query(
      `${CERTIFICATE} JOIN rounds r ON r.id = p.round_id AND r.status <> 'CLOSED'
        WHERE c.released_on IS NOT NULL AND c.presented_on IS NULL AND ${filter.sql}
        ORDER BY c.released_on, c.number LIMIT 5000`,
      filter.params,
    );
  }

  // Released persons of a round in the caller's scope (filter over the dossier, alias `d`, numbered from $2), those
  // who have not presented first.
  async presentations(manager: EntityManager, roundId: string, filter: SqlFilter): Promise<CertificateRow[]> {
    return manager.query(
      `${CERTIFICATE} WHERE p.round_id = $1 AND c.released_on IS NOT NULL AND ${filter.sql}
       ORDER BY (c.presented_on IS NULL) DESC, c.released_on, c.number LIMIT 5000`,
      [roundId, ...filter.params],
    );
  }
}
