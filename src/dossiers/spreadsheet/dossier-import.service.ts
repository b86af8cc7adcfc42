import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException, ValidationFailedException, type FieldError } from '../../common/app.exception.js';
import { label } from '../../web/render/labels.js';
import type { DossierDocument } from '../dossier-format.js';
import { validateDossierShape } from '../dossier-shape.js';
import { DossierService, type ImportedDossier } from '../dossier.service.js';
import { DossierImportStatus } from './dossier-import.entity.js';
import { DossierSpreadsheetRepository, type ImportRow } from './dossier-spreadsheet.repository.js';
import { SpreadsheetContext } from './spreadsheet-context.js';
import { toDocument } from './spreadsheet-document.js';
import {
  cellProblem,
  invalidRows,
  locateError,
  type SpreadsheetError,
  type WorkbookPlaces,
} from './spreadsheet-errors.js';
import { SHEET_SPECS } from './spreadsheet-layout.js';
import { readWorkbook } from './spreadsheet-reader.js';
import { SpreadsheetException, SpreadsheetExceptionCode } from './spreadsheet.exception.js';
import type { UnitNames } from './spreadsheet-units.js';
import { sentenceText } from './spreadsheet-view.js';
import { checkZip } from './zip-guard.js';

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

// Dossiers from a workbook: the upload is read and checked by the same DTOs and the same service as the API's import,
// kept as a preview, and created only when its uploader commits it.
@Injectable()
export class DossierImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DossierSpreadsheetRepository,
    private readonly dossiers: DossierService,
    private readonly context: SpreadsheetContext,
    private readonly audit: AuditService,
  ) {}

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
    const { units } = await this.context.of(user);
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
}

function recordIndex(error: FieldError): number {
  return Number(/^records\[(\d+)\]/.exec(error.path)?.[1] ?? 0);
}

function documentAt(documents: DossierDocument[], error: FieldError): Record<string, unknown> {
  return documents[recordIndex(error)] as unknown as Record<string, unknown>;
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
