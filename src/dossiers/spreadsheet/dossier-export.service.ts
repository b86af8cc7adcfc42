import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import type { DossierDocument } from '../dossier-format.js';
import { DossierFilter, DossierListService } from '../dossier-list.service.js';
import { DossierSpreadsheetRepository, type ExportKey } from './dossier-spreadsheet.repository.js';
import { SpreadsheetContext } from './spreadsheet-context.js';
import type { ExportRecord } from './spreadsheet-export-rows.js';
import { writeViewCsv, writeViewWorkbook } from './spreadsheet-view.js';
import { writeWorkbook } from './spreadsheet-writer.js';

// The list as people read it (.xlsx or CSV, one row per person), or every dossier in full as the workbook an import
// reads (the template's sheets, filled).
export type SpreadsheetFormat = 'xlsx' | 'csv' | 'workbook';

// Rows read from the database per fetch while exporting: one batch is in memory at a time.
const EXPORT_BATCH = 2000;

// The empty template, and the exports of a filtered dossier list or a frozen list, streamed from a cursor over what
// the caller may read.
@Injectable()
export class DossierExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DossierSpreadsheetRepository,
    private readonly lists: DossierListService,
    private readonly scope: ScopeService,
    private readonly context: SpreadsheetContext,
  ) {}

  async template(user: SessionUser, out: Writable): Promise<void> {
    const { units, options } = await this.context.of(user);
    await writeWorkbook(out, { units, unitOptions: options, batches: none(), readOnlyColumns: false });
  }

  // The dossiers the list page shows for the same filter, in its order.
  async exportDossiers(user: SessionUser, filter: DossierFilter, format: SpreadsheetFormat, out: Writable) {
    const { sql, params } = this.lists.filtered(user, filter);
    await this.export(user, out, format, this.repository.dossierKeysSql(sql), params);
  }

  // A frozen list: each person as the list pinned them (the dossier version it holds), in the list's order.
  async exportList(user: SessionUser, listId: string, format: SpreadsheetFormat, out: Writable) {
    await this.scope.assertVisible(this.dataSource.manager, user, ScopedRecord.LIST, listId);
    await this.export(user, out, format, this.repository.listKeysSql(), [listId]);
  }

  private async export(user: SessionUser, out: Writable, format: SpreadsheetFormat, sql: string, params: unknown[]) {
    // One snapshot for the whole file: the cursor and the documents read beside it see the same moment.
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.repository.readOnly(manager);
      const { units, options } = await this.context.of(user, manager);
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
}

async function* none(): AsyncIterable<ExportRecord[]> {}
