import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { drained } from '../../common/stream-drain.js';
import { optionsOf } from '../../web/render/labels.js';
import { NO, YES, type CellValue } from './spreadsheet-cells.js';
import { childRows, mainRow, type ExportRecord } from './spreadsheet-export-rows.js';
import {
  CHILD_SPECS,
  GUIDE_SHEET,
  headersOf,
  LISTS_SHEET,
  MAIN_SPEC,
  MAX_SHEET_ROWS,
  READ_ONLY_HEADERS,
  type SheetColumn,
  type SheetSpec,
} from './spreadsheet-layout.js';
import type { UnitNames } from './spreadsheet-units.js';

export interface WorkbookInput {
  units: UnitNames;
  // The labels the drop-downs of the unit columns offer (the importer's own rounds, facilities and teams).
  unitOptions: { rounds: string[]; facilities: string[]; teams: string[] };
  // Batches of dossiers in the order they are listed; none for the empty template.
  batches: AsyncIterable<ExportRecord[]>;
  // An export adds the stage and the verdict after the dossier's fields; the template has no such columns.
  readOnlyColumns: boolean;
}

// Rows a template offers drop-downs on, and the room an export leaves for rows added by hand.
const TEMPLATE_ROWS = { main: 5000, child: 20000 };
const SPARE_ROWS = 1000;
const UNIT_LISTS = new Set(['rounds', 'facilities', 'teams']);

function width(column: SheetColumn): number {
  if (column.kind === 'quarters' || column.kind === 'stays' || column.kind === 'textarea') return 40;
  if (column.kind === 'date' || column.kind === 'birth' || column.kind === 'int' || column.kind === 'bool') return 14;
  return 24;
}

// The tables the drop-downs read, one column each on the hidden list sheet.
interface ListTable {
  title: string;
  letter: string;
  values: string[];
}

function listTables(input: WorkbookInput): Map<string, ListTable> {
  const tables = new Map<string, ListTable>();
  const columns = [MAIN_SPEC, ...CHILD_SPECS].flatMap((s) => s.columns);
  for (const column of columns) {
    const table = column.kind === 'select' || column.kind === 'codeList' ? column.options : undefined;
    if (!table || tables.has(table)) continue;
    const values = UNIT_LISTS.has(table)
      ? input.unitOptions[table as keyof WorkbookInput['unitOptions']]
      : optionsOf(table).map((o) => o.label);
    tables.set(table, { title: column.header, letter: '', values });
  }
  [...tables.values()].forEach((t, i) => (t.letter = columnLetter(i + 1)));
  return tables;
}

export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Sheet = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

// ExcelJS writes a sheet's rows into a stream the ZIP compresses at its own pace and never waits for it: a fast
// producer would pile the whole sheet up in memory. Every few hundred rows the writer waits for that stream.
const ROWS_BETWEEN_WAITS = 500;

export async function sheetDrained(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: Writable }).stream;
  if (stream) await drained(stream);
}

class SheetWriter {
  private sheet!: Sheet;
  private rows = 0;
  private part = 0;

  constructor(
    private readonly book: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly spec: SheetSpec,
    private readonly headers: string[],
    private readonly tables: Map<string, ListTable>,
    private readonly template: boolean,
  ) {
    this.open();
  }

  async add(cells: CellValue[]): Promise<void> {
    if (this.rows === MAX_SHEET_ROWS) {
      this.close();
      this.open();
    }
    this.sheet.addRow(cells).commit();
    this.rows += 1;
    if (this.rows % ROWS_BETWEEN_WAITS === 0) await sheetDrained(this.sheet);
  }

  close(): void {
    this.validate();
    this.sheet.commit();
  }

  private open(): void {
    this.part += 1;
    const name = this.part === 1 ? this.spec.name : `${this.spec.name} (${this.part})`;
    this.sheet = this.book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] }) as Sheet;
    const keys = this.keyCount;
    this.sheet.columns = this.headers.map((_, i) => ({
      width: i < keys ? 10 : i - keys < this.spec.columns.length ? width(this.spec.columns[i - keys]) : 20,
    }));
    const header = this.sheet.addRow(this.headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.commit();
    this.rows = 0;
  }

  private get isMain(): boolean {
    return this.spec.path.length === 0;
  }

  // STT, or STT hồ sơ and its check columns: the columns before the fields.
  private get keyCount(): number {
    return headersOf(this.spec).length - this.spec.columns.length;
  }

  // Drop-downs on the coded columns: a closed list stops a wrong value; unit lists only warn, since a code is read too.
  private validate(): void {
    const last =
      1 + (this.template ? (this.isMain ? TEMPLATE_ROWS.main : TEMPLATE_ROWS.child) : this.rows + SPARE_ROWS);
    const first = this.keyCount + 1;
    this.spec.columns.forEach((column, i) => {
      const letter = columnLetter(first + i);
      const range = `${letter}2:${letter}${last}`;
      if (column.kind === 'bool' || column.kind === 'optionalBool') {
        this.sheet.dataValidations.add(range, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${YES},${NO}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: column.header,
          error: `Chỉ chọn "${YES}" hoặc "${NO}".`,
        });
        return;
      }
      const table = column.kind === 'select' ? column.options && this.tables.get(column.options) : undefined;
      if (!table || !table.values.length) return;
      const unit = UNIT_LISTS.has(column.options ?? '');
      this.sheet.dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LISTS_SHEET}'!$${table.letter}$2:$${table.letter}$${table.values.length + 1}`],
        showErrorMessage: true,
        errorStyle: unit ? 'warning' : 'stop',
        errorTitle: column.header,
        error: 'Hãy chọn một giá trị trong danh sách.',
      });
    });
  }
}

class Spool {
  readonly path: string;
  private readonly out: WriteStream;
  private finished?: Promise<void>;

  constructor(dir: string, index: number) {
    this.path = join(dir, `${index}.ndjson`);
    this.out = createWriteStream(this.path);
  }

  async write(cells: CellValue[]): Promise<void> {
    if (!this.out.write(`${JSON.stringify(cells)}\n`)) await once(this.out, 'drain');
  }

  finish(): Promise<void> {
    this.finished ??= (async () => {
      this.out.end();
      await once(this.out, 'close');
    })();
    return this.finished;
  }

  async *lines(): AsyncIterable<CellValue[]> {
    const reader = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of reader) if (line) yield JSON.parse(line) as CellValue[];
  }
}

function guideRows(tables: Map<string, ListTable>): CellValue[][] {
  const rows: CellValue[][] = [
    ['Mẫu nhập hồ sơ đề nghị đặc xá'],
    [],
    [`Trang "${MAIN_SPEC.name}": mỗi dòng là một người, cột STT đánh số 1, 2, 3 … không trùng nhau.`],
    [
      'Các trang còn lại (bản án, tội danh, khoảng thời gian …): mỗi dòng là một mục, cột "STT hồ sơ" ghi STT của người đó ở trang đầu; cột "Số danh bản (để đối chiếu)" có thể để trống.',
    ],
    ['Ngày ghi dd/mm/yyyy; năm sinh có thể chỉ ghi yyyy. Số tiền ghi số đồng, không cần dấu chấm.'],
    [`Ô Có/Không: chọn "${YES}" hoặc để trống (là "${NO}"). Các cột mã: chọn trong danh sách thả xuống.`],
    [
      'Khi tải lên, hệ thống kiểm tra toàn bộ tệp; nếu có lỗi, không hồ sơ nào được nhập và lỗi được liệt kê theo trang, dòng, cột.',
    ],
    [],
    ['Trang', 'Cột', 'Bắt buộc', 'Cách ghi'],
  ];
  for (const spec of [MAIN_SPEC, ...CHILD_SPECS]) {
    for (const column of spec.columns) {
      const list = column.options ? tables.get(column.options) : undefined;
      const how =
        column.hint ??
        (column.kind === 'bool' || column.kind === 'optionalBool'
          ? `${YES} / ${NO}`
          : list
            ? 'Chọn trong danh sách'
            : column.kind === 'date'
              ? 'dd/mm/yyyy'
              : '');
      rows.push([spec.name, column.header, column.required ? YES : '', how]);
    }
  }
  return rows;
}

// Streams the workbook to `out`: the dossier sheet row by row as batches arrive, the repeating parts spooled to a
// temporary directory meanwhile (a sheet must be finished before the next one starts) and replayed after it, then
// the guide and the hidden lists the drop-downs read. Memory holds one batch at a time.
export async function writeWorkbook(out: Writable, input: WorkbookInput): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'amnesty-xlsx-'));
  const spools = CHILD_SPECS.map((_, i) => new Spool(dir, i));
  try {
    // Styles cost a lookup per cell in ExcelJS; only the empty template has its headers in bold.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: !input.readOnlyColumns,
      useSharedStrings: false,
    });
    book.creator = 'amnesty-pipeline';
    const tables = listTables(input);
    const template = !input.readOnlyColumns;
    const mainHeaders = [...headersOf(MAIN_SPEC), ...(input.readOnlyColumns ? READ_ONLY_HEADERS : [])];
    const main = new SheetWriter(book, MAIN_SPEC, mainHeaders, tables, template);
    let count = 0;
    for await (const batch of input.batches) {
      for (const record of batch) {
        await main.add(mainRow(record, input.units, input.readOnlyColumns));
        for (const row of childRows(record, input.units)) await spools[CHILD_SPECS.indexOf(row.spec)].write(row.cells);
        count += 1;
      }
      await drained(out);
    }
    main.close();
    for (const [i, spec] of CHILD_SPECS.entries()) {
      await spools[i].finish();
      const sheet = new SheetWriter(book, spec, headersOf(spec), tables, template);
      for await (const cells of spools[i].lines()) await sheet.add(cells);
      sheet.close();
    }
    const guide = book.addWorksheet(GUIDE_SHEET);
    guide.columns = [{ width: 22 }, { width: 48 }, { width: 10 }, { width: 60 }];
    for (const row of guideRows(tables)) guide.addRow(row).commit();
    guide.commit();
    const lists = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const columns = [...tables.values()];
    const height = Math.max(0, ...columns.map((t) => t.values.length));
    lists.addRow(columns.map((t) => t.title)).commit();
    for (let r = 0; r < height; r += 1) lists.addRow(columns.map((t) => t.values[r])).commit();
    lists.commit();
    await book.commit();
    return count;
  } finally {
    await Promise.all(spools.map((s) => s.finish().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}
