import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readDossierDocuments } from '../dossiers/dossier-reader.repository.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';

export interface DossierState {
  id: string;
  fullName: string;
  stage: string;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  // From the rows the chain commits to: the latest history row and the first and latest stored versions.
  historyStage: string | null;
  historyVersion: number | null;
  contentVersion: number | null;
  contentHash: string | null;
  contentAuthor: string | null;
  firstAuthor: string | null;
  document: DossierDocument | undefined;
}

// A dossier's current row and child tables beside what its committed versions and history say they must be.
@Injectable()
export class DossierStateRepository {
  async *scan(manager: EntityManager, batchSize = 1000): AsyncGenerator<DossierState[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Omit<DossierState, 'document'>[] = await manager.query(
        `SELECT d.id, d.full_name AS "fullName", d.stage, d.version, d.created_by AS "createdBy", d.updated_by AS "updatedBy",
           h.to_stage AS "historyStage", h.version_written AS "historyVersion",
           v.version AS "contentVersion", v.content_hash AS "contentHash", v.created_by AS "contentAuthor",
           v1.created_by AS "firstAuthor"
         FROM dossiers d
         LEFT JOIN LATERAL (SELECT to_stage, version_written FROM workflow_history w WHERE w.dossier_id = d.id
                            ORDER BY w.id DESC LIMIT 1) h ON true
         LEFT JOIN LATERAL (SELECT version, content_hash, created_by FROM dossier_versions x WHERE x.dossier_id = d.id
                            ORDER BY x.version DESC LIMIT 1) v ON true
         LEFT JOIN dossier_versions v1 ON v1.dossier_id = d.id AND v1.version = 1
         WHERE d.id > $1 ORDER BY d.id LIMIT $2`,
        [after, batchSize],
      );
      if (!rows.length) return;
      const documents = await readDossierDocuments(
        manager,
        rows.map((r) => r.id),
      );
      yield rows.map((r) => ({ ...r, document: documents.get(r.id) }));
      after = rows[rows.length - 1].id;
    }
  }
}
