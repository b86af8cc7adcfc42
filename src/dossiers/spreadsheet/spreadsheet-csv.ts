import type { Writable } from 'node:stream';
import { CSV_BOM, csvLine } from '../../common/csv.js';
import { drained } from '../../common/stream-drain.js';
import { mainRow, type ExportRecord } from './spreadsheet-export-rows.js';
import { headersOf, MAIN_SPEC, READ_ONLY_HEADERS } from './spreadsheet-layout.js';
import type { UnitNames } from './spreadsheet-units.js';

// The dossier sheet as CSV: one line per dossier with the same columns, UTF-8 with a byte-order mark. The repeating
// parts (judgments, intervals …) need the workbook's other sheets and are not in a CSV.
export async function writeCsv(
  out: Writable,
  input: { units: UnitNames; batches: AsyncIterable<ExportRecord[]> },
): Promise<number> {
  let count = 0;
  out.write(CSV_BOM + csvLine([...headersOf(MAIN_SPEC), ...READ_ONLY_HEADERS]));
  for await (const batch of input.batches) {
    const text = batch.map((record) => csvLine(mainRow(record, input.units, true))).join('');
    count += batch.length;
    out.write(text);
    await drained(out);
  }
  return count;
}
