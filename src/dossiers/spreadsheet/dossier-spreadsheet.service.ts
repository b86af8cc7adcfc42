import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException, ValidationFailedException, type FieldError } from '../../common/app.exception.js';
import { OrgService } from '../../org/org.service.js';
import { RoundService } from '../../rounds/round.service.js';
import { formToDocument } from '../../web/dossier-form/form-convert.js';
import { setPath } from '../../web/dossier-form/paths.js';
import { label } from '../../web/render/labels.js';
import type { DossierDocument } from '../dossier-format.js';
import { LIST_ORDER, DossierListService } from '../dossier-list.service.js';
import type { DossierQueryDto } from '../dossier-query.dto.js';
import { validateDossierShape } from '../dossier-shape.js';
import { DossierService, type ImportedDossier } from '../dossier.service.js';
import { DossierImportStatus } from './dossier-import.entity.js';
import { DossierSpreadsheetRepository, type ExportKey, type ImportRow } from './dossier-spreadsheet.repository.js';
import { sentenceText, writeViewCsv, writeViewWorkbook } from './spreadsheet-view.js';
import { cellProblem, locateError, type SpreadsheetError, type WorkbookPlaces } from './spreadsheet-errors.js';
import type { ExportRecord } from './spreadsheet-export-rows.js';
import { SHEET_SPECS } from './spreadsheet-layout.js';
import { readWorkbook, type ReadDossier } from './spreadsheet-reader.js';
import { SpreadsheetException, SpreadsheetExceptionCode } from './spreadsheet.exception.js';
import { UnitNames } from './spreadsheet-units.js';
import { writeWorkbook } from './spreadsheet-writer.js';
import { checkZip } from './zip-guard.js';

// The list as people read it (.xlsx or CSV, one row per person), or every dossier in full as the workbook an import
// reads (the template's sheets, filled).
export type SpreadsheetFormat = 'xlsx' | 'csv' | 'workbook';
export type DossierFilter = Omit<DossierQueryDto, 'page' | 'pageSize'>;

// Rows read from the database per fetch while exporting: one batch of documents is in memory at a time.
const EXPORT_BATCH = 2000;
// A workbook of the largest import unpacks to a few tens of megabytes; far more is not a workbook of ours.
const ZIP_LIMITS = { maxUnpackedBytes: 400 * 1024 * 1024, maxEntries: 200 };

export interface PreviewRow {
  stt: number;
  row: number;
  inmateNumber: string;
  fullName: string;
  birthDate: string;
  sex: string;
  round: string;
  facility: string;
  team: string;
  aggregateSentence: string;
  offences: string;
}

export interface ImportSummary {
  id: string;
  fileName: string;
  status: DossierImportStatus;
  createdAt: Date;
  committedAt: Date | null;
  dossiers: number;
  // Rows read on each sheet.
  parts: Record<string, number>;
  rows: PreviewRow[];
}

// The workbook of one or many dossiers: the template to fill, the import (preview, then commit) and the exports of a
// filtered list or a frozen list. Records are checked by the same DTOs and the same service as the API's import.
@Injectable()
export class DossierSpreadsheetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DossierSpreadsheetRepository,
    private readonly dossiers: DossierService,
    private readonly lists: DossierListService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly org: OrgService,
    private readonly rounds: RoundService,
  ) {}

  async template(user: SessionUser, out: Writable): Promise<void> {
    const { units, options } = await this.unitContext(user);
    await writeWorkbook(out, { units, unitOptions: options, batches: none(), readOnlyColumns: false });
  }

  // The dossiers the list page shows for the same filter, in its order, each in full.
  async exportDossiers(user: SessionUser, filter: DossierFilter, format: SpreadsheetFormat, out: Writable) {
    const { sql, params } = this.lists.filtered(user, filter);
    await this.export(user, out, format, this.repository.dossierKeysSql(sql, LIST_ORDER), params);
  }

  // A frozen list: each person as the list pinned them (the dossier version it holds), in the list's order.
  async exportList(user: SessionUser, listId: string, format: SpreadsheetFormat, out: Writable) {
    await this.scope.assertVisible(this.dataSource.manager, user, ScopedRecord.LIST, listId);
    await this.export(user, out, format, this.repository.listKeysSql(), [listId]);
  }

  // Reads and checks the whole upload; nothing is written unless every row is right, and then only the upload itself,
  // waiting for its uploader to confirm. Every problem is reported at its sheet, row and column.
  async preview(
    user: SessionUser,
    file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<ImportSummary> {
    if (!file?.buffer?.length)
      throw new SpreadsheetException(
        'Chưa chọn tệp: hãy chọn tệp Excel (.xlsx) theo mẫu rồi tải lên.',
        SpreadsheetExceptionCode.NO_FILE,
      );
    const fileName = (file.originalname || 'ho-so.xlsx').slice(0, 200);
    const checked = checkZip(file.buffer, ZIP_LIMITS);
    if (!checked.ok)
      throw new SpreadsheetException(
        checked.reason === 'tooLarge'
          ? 'Tệp quá lớn sau khi giải nén: hãy chia thành nhiều tệp nhỏ hơn.'
          : `Tệp "${fileName}" không phải tệp Excel (.xlsx): hãy tải mẫu từ hệ thống, điền rồi lưu dạng .xlsx.`,
        SpreadsheetExceptionCode.UNREADABLE_FILE,
      );
    const { units } = await this.unitContext(user);
    const read = await readWorkbook(file.buffer, units).catch(() => {
      throw new SpreadsheetException(
        `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không phải Excel (.xlsx).`,
        SpreadsheetExceptionCode.UNREADABLE_FILE,
      );
    });
    const documents = read.dossiers.map(toDocument);
    const errors = [...read.problems, ...(await this.check(user, documents, read.places))];
    if (!read.dossiers.length && !errors.length)
      errors.push(cellProblem({ sheet: SHEET_SPECS[0].name }, 'empty', 'Tệp chưa có hồ sơ nào (trang trống).'));
    if (errors.length) throw invalidRows(errors);
    const summary: ImportSummary = {
      id: randomUUID(),
      fileName,
      status: DossierImportStatus.PREVIEWED,
      createdAt: new Date(),
      committedAt: null,
      dossiers: documents.length,
      parts: read.counts,
      rows: documents.map((d, i) => this.previewRow(d, read.places, i, units)),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.repository.insertImport(manager, {
        id: summary.id,
        createdBy: user.id,
        fileName,
        fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
        dossierCount: documents.length,
        documents,
        places: read.places as unknown as Record<string, unknown>,
        summary: { parts: summary.parts, rows: summary.rows },
      });
      await this.audit.record(manager, {
        actor: { id: user.id, name: user.username },
        action: 'dossier-import.preview',
        entityType: 'dossier_import',
        entityId: summary.id,
        after: { fileName, dossiers: documents.length, parts: summary.parts },
      });
    });
    return summary;
  }

  async getImport(user: SessionUser, id: string): Promise<ImportSummary> {
    const row = await this.repository.findImport(this.dataSource.manager, id, user.id);
    if (!row) throw new NotFoundException('tệp nhập hồ sơ');
    return summaryOf(row);
  }

  // Creates every dossier of a previewed upload in one transaction, through the same service as the API's import
  // (whose checks run again: the round or an inmate number may have changed since the preview).
  async commit(user: SessionUser, id: string): Promise<{ created: number; dossiers: ImportedDossier[] }> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findImport(manager, id, user.id, true);
      if (!row) throw new NotFoundException('tệp nhập hồ sơ');
      if (row.status === DossierImportStatus.COMMITTED)
        throw new SpreadsheetException(
          `Tệp "${row.fileName}" đã được nhập rồi; không nhập lại lần thứ hai.`,
          SpreadsheetExceptionCode.ALREADY_IMPORTED,
        );
      const documents = row.documents as DossierDocument[];
      let created: ImportedDossier[];
      try {
        created = await this.dossiers.importManyIn(manager, user, documents);
      } catch (error) {
        if (!(error instanceof ValidationFailedException)) throw error;
        const places = row.places as unknown as WorkbookPlaces;
        throw invalidRows(error.errors.map((e) => locateError(places, recordIndex(e), e, documentAt(documents, e))));
      }
      await this.repository.markCommitted(manager, id);
      await this.audit.record(manager, {
        actor: { id: user.id, name: user.username },
        action: 'dossier-import.commit',
        entityType: 'dossier_import',
        entityId: id,
        after: { fileName: row.fileName, fileSha256: row.fileSha256, dossiers: created.map((c) => c.id) },
      });
      return { created: created.length, dossiers: created };
    });
  }

  // The DTOs first, record by record; the records that pass them then go through the dossier service's own checks
  // (round, units within the user's, inmate numbers) in one call.
  private async check(
    user: SessionUser,
    documents: Record<string, unknown>[],
    places: WorkbookPlaces,
  ): Promise<SpreadsheetError[]> {
    const errors: SpreadsheetError[] = [];
    const shaped: number[] = [];
    for (const [i, document] of documents.entries()) {
      const shape = await validateDossierShape(document);
      errors.push(...shape.map((e) => locateError(places, i, e, document)));
      if (!shape.length) shaped.push(i);
    }
    if (shaped.length) {
      const found = await this.dossiers.check(
        user,
        shaped.map((i) => documents[i] as unknown as DossierDocument),
      );
      for (const error of found) {
        const i = shaped[recordIndex(error)];
        errors.push(locateError(places, i, error, documents[i]));
      }
    }
    return errors;
  }

  private previewRow(d: Record<string, unknown>, places: WorkbookPlaces, i: number, units: UnitNames): PreviewRow {
    const doc = d as unknown as DossierDocument;
    return {
      stt: places.dossiers[i].stt,
      row: places.dossiers[i].row,
      inmateNumber: doc.inmateNumber,
      fullName: doc.person.fullName,
      birthDate: doc.person.birthDate,
      sex: label('sex', doc.person.sex),
      round: units.label('rounds', doc.roundCode),
      facility: units.label('facilities', doc.facilityCode),
      team: doc.teamCode ? units.label('teams', doc.teamCode) : '',
      aggregateSentence: sentenceText(doc.aggregateSentence),
      offences: doc.judgments.flatMap((j) => j.offences.map((o) => o.name)).join('; '),
    };
  }

  private async export(user: SessionUser, out: Writable, format: SpreadsheetFormat, sql: string, params: unknown[]) {
    // One snapshot for the whole file: the cursor and the documents read beside it see the same moment.
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const { units, options } = await this.unitContext(user, manager);
      if (format === 'workbook') {
        const batches = this.records(manager, sql, params, async (keys) => {
          const texts = await this.repository.documents(manager, keys);
          return new Map([...texts].map(([id, text]) => [id, JSON.parse(text) as DossierDocument]));
        });
        await writeWorkbook(out, { units, unitOptions: options, batches, readOnlyColumns: true });
      } else {
        const batches = this.records(manager, sql, params, (keys) => this.repository.viewFacts(manager, keys));
        await (format === 'csv' ? writeViewCsv : writeViewWorkbook)(out, { units, batches });
      }
    });
  }

  private async *records<T>(
    manager: EntityManager,
    sql: string,
    params: unknown[],
    read: (keys: ExportKey[]) => Promise<Map<string, T>>,
  ): AsyncIterable<ExportRecord<T>[]> {
    let position = 0;
    for await (const keys of this.repository.cursor<ExportKey>(manager, sql, params, EXPORT_BATCH)) {
      const documents = await read(keys);
      yield keys.map((key) => ({
        position: (position += 1),
        document: documents.get(key.id)!,
        stage: key.stage,
        outcome: key.outcome,
        category: key.category,
      }));
    }
  }

  // Names of every unit (a workbook may mention any), and what the user's own drop-downs offer: the rounds still open
  // and the facilities and teams of the user's part of the organisation, as the nomination form offers them.
  private async unitContext(user: SessionUser, manager: EntityManager = this.dataSource.manager) {
    const units = new UnitNames(await this.repository.unitLists(manager));
    const own: { code: string; kind: string }[] = await this.org.listUnits(user);
    const rounds: { code: string; status: string }[] = await this.rounds.list();
    const codes = (kind: string) => own.filter((u) => u.kind === kind).map((u) => u.code);
    return {
      units,
      options: {
        rounds: units.labels(
          'rounds',
          rounds.filter((r) => r.status !== 'CLOSED').map((r) => r.code),
        ),
        facilities: units.labels('facilities', codes('FACILITY')),
        teams: units.labels('teams', codes('TEAM')),
      },
    };
  }
}

async function* none(): AsyncIterable<ExportRecord[]> {}

// What the nomination form's converter makes of the row, plus the fields only the workbook has.
function toDocument(read: ReadDossier): Record<string, unknown> {
  const document = formToDocument(read.values);
  for (const { path, value } of read.extras) setAt(document, path, value);
  return document;
}

// Sets `path` ('judgments[0].offences[1].criminalCode') when the item it belongs to exists; terms given in part get
// their missing parts as zero, as the form does.
function setAt(document: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const itemDepth = parts.reduce((depth, part, i) => (/^\d+$/.test(part) ? i + 1 : depth), 0);
  let item: unknown = document;
  for (const part of parts.slice(0, itemDepth)) item = (item as Record<string, unknown> | undefined)?.[part];
  if (!item || typeof item !== 'object') return;
  const rest = parts.slice(itemDepth).join('.');
  setPath(item as Record<string, unknown>, rest, value);
  const term = /^(.*)\.(years|months|days)$/.exec(rest);
  if (term) {
    let owner: unknown = item;
    for (const part of term[1].split('.')) owner = (owner as Record<string, unknown>)[part];
    for (const unit of ['years', 'months', 'days']) ((owner as Record<string, unknown>)[unit] as unknown) ??= 0;
  }
}

function recordIndex(error: FieldError): number {
  return Number(/^records\[(\d+)\]/.exec(error.path)?.[1] ?? 0);
}

function documentAt(documents: DossierDocument[], error: FieldError): Record<string, unknown> {
  return documents[recordIndex(error)] as unknown as Record<string, unknown>;
}

// The validators' codes that say what kind of value a cell needs: shown before a bound the same cell also breaks.
const KIND_CODES = new Set(['isInt', 'isEnum', 'isIn', 'isIsoCalendarDate', 'isBirthDate', 'isNotEmpty', 'matches']);

function invalidRows(all: SpreadsheetError[]): SpreadsheetException {
  const order = new Map(SHEET_SPECS.map((s, i) => [s.name, i]));
  // One problem per cell, as the form shows one thing to fix per field.
  const byCell = new Map<string, SpreadsheetError>();
  for (const error of [...all].sort((a, b) => Number(KIND_CODES.has(b.code)) - Number(KIND_CODES.has(a.code)))) {
    const key = error.column ? error.path : `${error.path}|${error.message}`;
    if (!byCell.has(key)) byCell.set(key, error);
  }
  const errors = [...byCell.values()];
  const sorted = [...errors].sort(
    (a, b) =>
      (order.get(a.sheet.replace(/ \(\d+\)$/, '')) ?? 99) - (order.get(b.sheet.replace(/ \(\d+\)$/, '')) ?? 99) ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').length - (b.column ?? '').length ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
  return new SpreadsheetException(
    `Tệp có ${sorted.length} lỗi; chưa hồ sơ nào được nhập. Sửa các ô được nêu rồi tải lên lại.`,
    SpreadsheetExceptionCode.INVALID_ROWS,
    sorted,
  );
}

function summaryOf(row: ImportRow): ImportSummary {
  const stored = row.summary as { parts: Record<string, number>; rows: PreviewRow[] };
  // jsonb keeps an object's keys in its own order: the sheets are put back in the workbook's.
  const parts = Object.fromEntries(
    SHEET_SPECS.filter((s) => stored.parts[s.name] !== undefined).map((s) => [s.name, stored.parts[s.name]]),
  );
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt,
    committedAt: row.committedAt,
    dossiers: row.dossierCount,
    parts,
    rows: stored.rows,
  };
}
