import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  FieldError,
  NotFoundException,
  StaleWriteException,
  ValidationFailedException,
} from '../common/app.exception.js';
import { canonicalHash } from '../kernel/hash.js';
import { AuditService } from '../audit/audit.service.js';
import { protectedRows } from '../audit/protected-rows.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierDocument } from './dossier-format.js';
import { addDossierRows, emptyRows, ResolvedDossier } from './dossier-rows.js';
import { CHILD_TABLES_FOR_REPLACE, updateDossierMain, writeDossierRows } from './dossier-bulk-writer.repository.js';
import { readDossierDocuments, toDossierDocuments } from './dossier-reader.repository.js';
import { readDossierPage } from './dossier-tables.repository.js';
import { checkDossierSemantics } from './dossier-semantics.js';
import { DossierRepository } from './dossier.repository.js';
import { toPlainDocument } from './dossier-plain.js';
import { EligibilityService } from '../eligibility/eligibility.service.js';
import { DossierErrorCode, DossierException } from './dossier.exception.js';

// Stages at which the camp may still edit a dossier; later it is frozen in lists (or sent back for correction).
export const EDITABLE_STAGES = ['application', 'team_ballot', 'camp_council', 'correction'];

export interface ImportedDossier {
  id: string;
  version: number;
  stage: string;
}

@Injectable()
export class DossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DossierRepository,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly eligibility: EligibilityService,
  ) {}

  async importOne(user: SessionUser, input: DossierDocument): Promise<ImportedDossier> {
    const [created] = await this.importMany(user, [input], '');
    return created;
  }

  // All-or-nothing: every record is checked first; one bad record rejects the whole batch with every error listed.
  async importMany(user: SessionUser, inputs: DossierDocument[], pathPrefix = 'records'): Promise<ImportedDossier[]> {
    return this.dataSource.transaction((manager) => this.importManyIn(manager, user, inputs, pathPrefix));
  }

  // The same, inside the caller's transaction (a spreadsheet import marks its upload committed in it).
  async importManyIn(
    manager: EntityManager,
    user: SessionUser,
    inputs: DossierDocument[],
    pathPrefix = 'records',
  ): Promise<ImportedDossier[]> {
    const documents = inputs.map(toPlainDocument);
    const resolved = await this.resolve(manager, user, documents, pathPrefix);
    const rows = emptyRows();
    for (const r of resolved) addDossierRows(rows, r);
    await writeDossierRows(manager, rows);
    // The engine's verdict is stored with the dossier, so lists and queues show it at once.
    for (const roundId of new Set(resolved.map((r) => r.roundId))) {
      await this.eligibility.evaluateDossiers(
        manager,
        roundId,
        resolved.filter((r) => r.roundId === roundId).map((r) => r.id),
      );
    }
    // Appended last: the audit chain stays locked from the append until this transaction ends.
    await this.audit.record(
      manager,
      resolved.map((r) => ({
        actor: { id: user.id, name: user.username },
        action: 'dossier.create',
        entityType: 'dossier',
        entityId: r.id,
        after: {
          version: 1,
          contentHash: r.contentHash,
          inmateNumber: r.document.inmateNumber,
          fullName: r.document.person.fullName,
        },
        rows: [protectedRows.dossierVersion(r.id, 1)],
      })),
    );
    return resolved.map((r) => ({ id: r.id, version: 1, stage: 'application' }));
  }

  // Every check an import makes — cross-field rules, round, facility and team within the user's units, inmate numbers
  // unique in the batch and in the round — without writing anything. The records must have passed the DTOs.
  async check(user: SessionUser, inputs: DossierDocument[], pathPrefix = 'records'): Promise<FieldError[]> {
    const documents = inputs.map(toPlainDocument);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      try {
        await this.resolve(manager, user, documents, pathPrefix);
        return [];
      } catch (error) {
        if (error instanceof ValidationFailedException) return error.errors;
        throw error;
      }
    });
  }

  async update(
    user: SessionUser,
    id: string,
    expectedVersion: number,
    input: DossierDocument,
  ): Promise<ImportedDossier> {
    const document = toPlainDocument(input);
    return this.dataSource.transaction(async (manager) => {
      await this.scope.assertDossierVisible(manager, user, id);
      const head = await this.repository.lockHead(manager, id);
      if (!head) throw new NotFoundException('hồ sơ');
      if (head.version !== expectedVersion) throw new StaleWriteException('Hồ sơ', expectedVersion, head.version);
      if (!EDITABLE_STAGES.includes(head.stage)) {
        throw new DossierException(
          'Hồ sơ đã được chuyển lên cấp trên nên không thể sửa; chỉ sửa được khi hồ sơ được trả về trại để bổ sung.',
          DossierErrorCode.FROZEN,
        );
      }
      const [resolved] = await this.resolve(manager, user, [document], '', id);
      if (resolved.roundId !== head.round_id || resolved.facilityId !== head.facility_id) {
        throw new ValidationFailedException([
          {
            path: 'dossier.facilityCode',
            code: 'immutable',
            message: 'Không được đổi đợt đặc xá hoặc trại giam của một hồ sơ đã lập.',
          },
        ]);
      }
      const before = (await readDossierDocuments(manager, [id])).get(id);
      resolved.version = expectedVersion + 1;
      resolved.stage = head.stage;
      const rows = emptyRows();
      addDossierRows(rows, resolved);
      const newVersion = await updateDossierMain(manager, rows.dossiers[0], expectedVersion);
      if (newVersion === null) throw new StaleWriteException('Hồ sơ', expectedVersion);
      await this.repository.deleteChildren(manager, id, CHILD_TABLES_FOR_REPLACE);
      await writeDossierRows(manager, rows, ['dossiers']);
      await this.eligibility.evaluateDossiers(manager, head.round_id, [id]);
      await this.audit.record(manager, {
        actor: { id: user.id, name: user.username },
        action: 'dossier.update',
        entityType: 'dossier',
        entityId: id,
        before: { version: expectedVersion, document: before },
        after: { version: newVersion, document },
        rows: [protectedRows.dossierVersion(id, newVersion)],
      });
      return { id, version: newVersion, stage: head.stage };
    });
  }

  // One statement: the scope check, the header and the document read one snapshot together.
  async get(user: SessionUser, id: string) {
    const page = await readDossierPage(this.dataSource.manager, id, this.scope.dossierFilter(user, 'x', 2));
    if (!page) throw new NotFoundException('hồ sơ');
    const { header: head, tables } = page;
    const document = toDossierDocuments(tables).get(id)!;
    return {
      id: head.id,
      version: head.version,
      stage: head.stage,
      facilityName: head.facility_name,
      teamName: head.team_name,
      createdBy: head.created_by,
      updatedBy: head.updated_by,
      updatedAt: head.updated_at,
      document,
    };
  }

  async exportOne(user: SessionUser, id: string): Promise<DossierDocument> {
    return (await this.get(user, id)).document;
  }

  async exportRound(user: SessionUser, roundCode: string): Promise<DossierDocument[]> {
    const filter = this.scope.dossierFilter(user, 'd', 2);
    const ids = await this.repository.idsInRound(this.dataSource.manager, roundCode, filter);
    const docs = await readDossierDocuments(this.dataSource.manager, ids);
    return ids.map((id) => docs.get(id)!);
  }

  private async resolve(
    manager: EntityManager,
    user: SessionUser,
    documents: DossierDocument[],
    prefix: string,
    existingId?: string,
  ): Promise<ResolvedDossier[]> {
    const at = (i: number) => (prefix ? `${prefix}[${i}].` : '');
    const errors: FieldError[] = [];
    documents.forEach((d, i) => errors.push(...checkDossierSemantics(d, at(i))));
    const codes = await this.repository.lookupCodes(
      manager,
      [...new Set(documents.map((d) => d.roundCode))],
      [...new Set(documents.flatMap((d) => [d.facilityCode, d.teamCode ?? '']))],
    );
    const resolved: ResolvedDossier[] = [];
    const seen = new Set<string>();
    documents.forEach((d, i) => {
      const fail = (path: string, code: string, message: string) =>
        errors.push({ path: `${at(i)}${path}`, code, message: `Trường "${at(i)}${path}" ${message}.` });
      const roundId = codes.rounds.get(d.roundCode);
      if (!roundId) fail('roundCode', 'unknownRound', `chứa mã đợt đặc xá "${d.roundCode}" không tồn tại`);
      const facility = codes.facilities.get(d.facilityCode);
      // A unit's own subtree only: a facility outside it is reported exactly like one that does not exist.
      const visible =
        facility && (facility.path.startsWith(user.orgUnitPath) || user.orgUnitPath.startsWith(facility.path));
      if (!facility || !visible)
        fail(
          'facilityCode',
          'unknownFacility',
          `chứa mã trại "${d.facilityCode}" không tồn tại hoặc không thuộc đơn vị của bạn`,
        );
      // A court lists only persons on suspension or postponement (Luật Đặc xá 2018, Điều 15, khoản 3).
      if (facility?.court && d.status === 'SERVING')
        fail(
          'status',
          'courtStatus',
          'phải là SUSPENDED hoặc POSTPONED: Tòa án chỉ lập hồ sơ người đang được tạm đình chỉ hoặc hoãn chấp hành án phạt tù',
        );
      const team = d.teamCode ? codes.teams.get(d.teamCode) : undefined;
      if (d.teamCode && (!team || !facility || !team.path.startsWith(facility.path))) {
        fail('teamCode', 'unknownTeam', `chứa mã đội "${d.teamCode}" không thuộc trại "${d.facilityCode}"`);
      } else if (team && !team.path.startsWith(user.orgUnitPath) && !user.orgUnitPath.startsWith(team.path)) {
        fail('teamCode', 'foreignTeam', `chứa mã đội "${d.teamCode}" không thuộc đơn vị của bạn`);
      }
      const key = `${roundId}|${facility?.id}|${d.inmateNumber}`;
      if (seen.has(key))
        fail('inmateNumber', 'duplicateInBatch', `"${d.inmateNumber}" bị trùng với một hồ sơ khác trong cùng lô`);
      seen.add(key);
      if (roundId && facility) {
        resolved.push({
          id: existingId ?? randomUUID(),
          document: d,
          roundId,
          facilityId: facility.id,
          teamId: team?.id ?? null,
          actorId: user.id,
          version: 1,
          contentHash: canonicalHash(d),
        });
      }
    });
    if (!existingId && resolved.length) {
      const existing = await this.repository.existingInmates(
        manager,
        resolved.map((r) => ({ roundId: r.roundId, facilityId: r.facilityId, inmateNumber: r.document.inmateNumber })),
      );
      resolved.forEach((r) => {
        if (existing.has(`${r.roundId}|${r.facilityId}|${r.document.inmateNumber}`)) {
          const i = documents.indexOf(r.document);
          errors.push({
            path: `${at(i)}inmateNumber`,
            code: 'duplicate',
            message: `Trường "${at(i)}inmateNumber": phạm nhân số "${r.document.inmateNumber}" đã có hồ sơ trong đợt này tại trại này.`,
          });
        }
      });
    }
    if (errors.length) throw new ValidationFailedException(errors);
    return resolved;
  }
}
