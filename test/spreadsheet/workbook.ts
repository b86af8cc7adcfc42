import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { DossierSpreadsheetRepository } from '../../src/dossiers/spreadsheet/dossier-spreadsheet.repository.js';
import type { ExportRecord } from '../../src/dossiers/spreadsheet/spreadsheet-export-rows.js';
import { UnitNames } from '../../src/dossiers/spreadsheet/spreadsheet-units.js';
import { writeWorkbook } from '../../src/dossiers/spreadsheet/spreadsheet-writer.js';

// A filled workbook written by the application's own writer, as a clerk would get it by filling the template.
export async function workbookOf(ds: DataSource, documents: DossierDocument[]): Promise<Buffer> {
  const units = new UnitNames(await new DossierSpreadsheetRepository().unitLists(ds.manager));
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* batches(): AsyncIterable<ExportRecord[]> {
    yield documents.map((document, i) => ({ position: i + 1, document }));
  }
  await writeWorkbook(out, {
    units,
    unitOptions: { rounds: [], facilities: [], teams: [] },
    batches: batches(),
    readOnlyColumns: false,
  });
  return Buffer.concat(chunks);
}

// A workbook to read or edit; its drop-downs are read only when asked (ExcelJS expands them cell by cell).
export async function load(bytes: Buffer, options: { validations?: boolean } = {}): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer, {
    ignoreNodes: options.validations ? [] : ['dataValidations'],
  });
  return book;
}

export async function save(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function headers(sheet: ExcelJS.Worksheet): string[] {
  const row = sheet.getRow(1);
  return Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? ''));
}

// The cell of a row under the column headed `header`.
export function cellAt(sheet: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell {
  const at = headers(sheet).indexOf(header);
  if (at < 0) throw new Error(`no column "${header}" on ${sheet.name}`);
  return sheet.getRow(row).getCell(at + 1);
}

export function columnOf(sheet: ExcelJS.Worksheet, header: string): string {
  return sheet.getColumn(headers(sheet).indexOf(header) + 1).letter;
}

// Every data row of a sheet as header → text.
export function rowsOf(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const names = headers(sheet);
  const out: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    out.push(Object.fromEntries(names.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  }
  return out;
}

// The data validation (drop-down) that applies to a cell; ExcelJS's types leave the property out.
export function validationAt(
  sheet: ExcelJS.Worksheet,
  address: string,
): { type: string; formulae: string[] } | undefined {
  const model = sheet as unknown as { dataValidations: { find(address: string): unknown } };
  return model.dataValidations.find(address) as { type: string; formulae: string[] } | undefined;
}
