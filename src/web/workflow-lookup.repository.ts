import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopedRecord, ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';

// Overviews the workflow and documents features answer one item at a time: findings across dossiers, the lists a
// unit holds and the documents made from a list. Every read is limited by the same scope rules as the services.
@Injectable()
export class WorkflowLookupRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async flags(user: SessionUser, input: { agency?: string | null; status?: string }) {
    const filter = this.scope.dossierFilter(user, 'd', 1);
    const params: unknown[] = [...filter.params];
    const where = [filter.sql];
    if (input.agency) {
      params.push(input.agency);
      where.push(`f.agency = $${params.length}`);
    }
    if (input.status) {
      params.push(input.status);
      where.push(`f.status = $${params.length}`);
    }
    return this.dataSource.query(
      `SELECT f.id, f.dossier_id AS "dossierId", d.full_name AS "fullName", d.inmate_number AS "inmateNumber", d.version AS "dossierVersion",
              d.stage, f.agency, f.field, f.kind, f.message, f.status, f.resolution, f.version, f.raised_at AS "raisedAt", f.resolved_at AS "resolvedAt"
       FROM appraisal_flags f JOIN dossiers d ON d.id = f.dossier_id
       WHERE ${where.join(' AND ')} ORDER BY f.status <> 'open', f.raised_at LIMIT 500`,
      params,
    );
  }

  // The latest screenings the user may read (started in their unit or below), newest first.
  async screenings(user: SessionUser) {
    const filter = this.scope.filter(ScopedRecord.SCREENING, user, 's', 1);
    return this.dataSource.query(
      `SELECT s.id, s.status, s.total, s.done, s.created_at AS "createdAt", s.finished_at AS "finishedAt",
              r.code AS "roundCode", r.name AS "roundName", u.full_name AS "requestedBy"
       FROM screenings s JOIN rounds r ON r.id = s.round_id LEFT JOIN users u ON u.id = s.requested_by
       WHERE ${filter.sql} ORDER BY s.created_at DESC LIMIT 20`,
      filter.params,
    );
  }

  // Lists the user may read, newest first.
  async lists(user: SessionUser) {
    const filter = this.scope.filter(ScopedRecord.LIST, user, 'l', 1);
    return this.dataSource.query(
      `SELECT l.id, l.code, l.kind, l.from_stage AS "fromStage", l.to_stage AS "toStage", l.entry_count AS "entryCount",
              l.created_at AS "createdAt", o.name AS "ownerName", r.name AS "recipientName", rd.code AS "roundCode",
              s.submitted_at AS "submittedAt"
       FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id LEFT JOIN org_units r ON r.id = l.recipient_unit_id
       JOIN rounds rd ON rd.id = l.round_id LEFT JOIN list_submissions s ON s.list_id = l.id
       WHERE ${filter.sql} ORDER BY l.created_at DESC LIMIT 200`,
      filter.params,
    );
  }

  // The documents made from a source that the user may read.
  async documentsOf(user: SessionUser, sourceId: string) {
    const filter = this.scope.filter(ScopedRecord.DOCUMENT, user, 'd', 2);
    return this.dataSource.query(
      `SELECT d.id, d.kind, d.number, d.title, d.pages, d.created_at AS "createdAt", d.rendered_at AS "renderedAt",
              (SELECT j.id FROM document_jobs j WHERE j.document_id = d.id ORDER BY j.created_at DESC LIMIT 1) AS "jobId",
              (SELECT j.state FROM document_jobs j WHERE j.document_id = d.id ORDER BY j.created_at DESC LIMIT 1) AS "jobState"
       FROM documents d WHERE d.source_id = $1 AND ${filter.sql} ORDER BY d.created_at DESC`,
      [sourceId, ...filter.params],
    );
  }

  async reports(user: SessionUser, roundId: string) {
    const filter = this.scope.filter(ScopedRecord.EXPLANATORY_REPORT, user, 'x', 2);
    return this.dataSource.query(
      `SELECT id, items, created_at AS "createdAt", content_hash AS "contentHash" FROM explanatory_reports x
        WHERE round_id = $1 AND ${filter.sql} ORDER BY created_at DESC`,
      [roundId, ...filter.params],
    );
  }

  // The Council's lists of people recommended to the President, and whether the decision on each is recorded.
  async councilLists(user: SessionUser) {
    const filter = this.scope.filter(ScopedRecord.LIST, user, 'l', 1);
    return this.dataSource.query(
      `SELECT l.id, l.code, l.entry_count AS "entryCount", l.created_at AS "createdAt", r.code AS "roundCode",
              p.number AS "decisionNumber", p.decision_date AS "decisionDate", p.list_id AS "decisionListId"
       FROM list_snapshots l JOIN rounds r ON r.id = l.round_id LEFT JOIN president_decisions p ON p.council_list_id = l.id
       WHERE l.kind = 'COUNCIL_ELIGIBLE' AND ${filter.sql} ORDER BY l.created_at DESC LIMIT 100`,
      filter.params,
    );
  }
}
