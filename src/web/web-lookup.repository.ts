import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoundService } from '../rounds/round.service.js';
import { readStoredResult, withStoredResult, type StoredResultView } from '../eligibility/stored-result-reader.js';
import { almostEligibleOn } from '../eligibility/almost-eligible.js';

export interface RoundChoice {
  id: string;
  code: string;
  name: string;
  status: string;
  cutoffDate: string;
}

// Reads the pages need that no feature service offers yet, and the rounds through their service. Callers check
// visibility first (a dossier's evaluation is read only after DossierService.get has answered for the same user).
export interface VerdictDetails {
  reasons: { outcome: string; reason: string }[];
  almostOn: string | null;
  // The stored result as its reader gives it (only the round values it relied on are read here).
  stored: StoredResultView;
}

@Injectable()
export class WebLookupRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roundService: RoundService,
  ) {}

  // The rounds service's list, open rounds first so a form starts on the round being worked.
  async rounds(): Promise<RoundChoice[]> {
    const rows: RoundChoice[] = await this.roundService.list();
    return [...rows].sort((a, b) => Number(b.status === 'OPEN') - Number(a.status === 'OPEN'));
  }

  // The latest evaluation and the dossier's latest content version: a workflow step bumps the dossier's version but
  // not its content, so only a content version newer than the evaluated one makes the result stale.
  async latestEvaluation(dossierId: string): Promise<{
    outcome: string;
    category: string | null;
    result: Record<string, any>;
    evaluatedAt: Date;
    dossierVersion: number;
    contentVersion: number;
  } | null> {
    const rows = await this.dataSource.query(
      `SELECT outcome, category, result, evaluated_at AS "evaluatedAt", dossier_version AS "dossierVersion",
              (SELECT max(v.version) FROM dossier_versions v WHERE v.dossier_id = $1) AS "contentVersion",
              eligibility_relies_on(result) AS "reliesOn"
       FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at DESC, id DESC LIMIT 1`,
      [dossierId],
    );
    return rows.length ? (withStoredResult(rows[0]) as (typeof rows)[0]) : null;
  }

  // Beside each listed dossier: the reasons behind its latest verdict (failed and open rules, failures first) and the
  // day it will qualify when it is almost eligible.
  async verdictDetails(dossierIds: string[]): Promise<Map<string, VerdictDetails>> {
    const out = new Map<string, VerdictDetails>();
    if (dossierIds.length === 0) return out;
    const rows: {
      dossier_id: string;
      failing: unknown;
      almost: unknown;
      reasons: { outcome: string; reason: string }[] | null;
      relies: unknown;
    }[] = await this.dataSource.query(
      `SELECT l.dossier_id, l.result->'failingRuleIds' AS failing, l.result->'almostEligible' AS almost,
              eligibility_relies_on(l.result) AS relies,
              (SELECT json_agg(json_build_object('outcome', x->>'outcome', 'reason', x->>'reason') ORDER BY (x->>'outcome') <> 'FAIL')
               FROM json_array_elements(COALESCE(l.result->'results', '[]'::json)) x
               WHERE x->>'outcome' IN ('FAIL', 'NEEDS_EVIDENCE', 'NEEDS_REVIEW')) AS reasons
       FROM (SELECT DISTINCT ON (dossier_id) dossier_id, result FROM eligibility_results
             WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id, evaluated_at DESC, id DESC) l`,
      [dossierIds],
    );
    for (const row of rows) {
      out.set(row.dossier_id, {
        reasons: row.reasons ?? [],
        almostOn: almostEligibleOn({ failingRuleIds: row.failing, almostEligible: row.almost }),
        stored: readStoredResult({ reliesOn: row.relies }),
      });
    }
    return out;
  }

  // The dossier's content version: what lists pin and pages call "phiên bản hồ sơ" (a workflow step does not change
  // it; the record's own counter, used for stale-write checks, is never shown).
  async contentVersion(dossierId: string): Promise<number | null> {
    const rows: { version: number | null }[] = await this.dataSource.query(
      'SELECT max(version) AS version FROM dossier_versions WHERE dossier_id = $1',
      [dossierId],
    );
    return rows[0]?.version ?? null;
  }

  // Why a dossier was sent back to the camp: the reason written on the latest send-back.
  async sendBackReason(dossierId: string): Promise<string | null> {
    const rows: { reason: string | null }[] = await this.dataSource.query(
      `SELECT reason FROM workflow_history WHERE dossier_id = $1 AND event = 'send_back' ORDER BY id DESC LIMIT 1`,
      [dossierId],
    );
    return rows[0]?.reason ?? null;
  }
}
