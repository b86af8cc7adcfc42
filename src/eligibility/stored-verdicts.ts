import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Ymd } from './core/index.js';
import { EligibilityRepository } from './eligibility.repository.js';
import { readStoredResult, type StoredResultView } from './stored-result-reader.js';

// A stored verdict as other features print it: the row's own columns and the stored result read through its one
// reader, so no other feature reads `eligibility_results` or knows the shape of its `result`.
export interface StoredVerdict {
  dossierId: string;
  dossierVersion: number;
  outcome: string;
  packId: string;
  packVersion: string;
  // The calendar day of the evaluation in Vietnam (YYYY-MM-DD).
  evaluatedOn: string;
  view: StoredResultView;
}

export const verdictKey = (dossierId: string, version: number): string => `${dossierId}:${version}`;

// The eligibility feature's read port for stored verdicts.
@Injectable()
export class StoredVerdicts {
  constructor(private readonly repository: EligibilityRepository) {}

  // The latest verdict stored for each given content version, keyed by `verdictKey`; versions never evaluated are
  // absent.
  async forVersions(
    manager: EntityManager,
    versions: readonly { dossierId: string; version: number }[],
  ): Promise<Map<string, StoredVerdict>> {
    const rows = await this.repository.latestForVersions(manager, versions);
    return new Map(
      rows.map((r) => [
        verdictKey(r.dossierId, r.dossierVersion),
        {
          dossierId: r.dossierId,
          dossierVersion: r.dossierVersion,
          outcome: r.outcome,
          packId: r.packId,
          packVersion: r.packVersion,
          evaluatedOn: r.evaluatedOn,
          view: readStoredResult(r.result),
        },
      ]),
    );
  }

  // What a printed list shows of each verdict (time served, category), keyed by `verdictKey`.
  async listFigures(
    manager: EntityManager,
    versions: readonly { dossierId: string; version: number }[],
  ): Promise<Map<string, ListFigures>> {
    const rows = await this.repository.listFigures(manager, versions);
    return new Map(
      rows.map((r) => [
        verdictKey(r.dossierId, r.dossierVersion),
        { served: r.served, categoryLabel: r.categoryLabel },
      ]),
    );
  }
}

export interface ListFigures {
  served: Ymd | null;
  categoryLabel: string | null;
}
