import type { Provider, Type } from '@nestjs/common';
import { DossierSpreadsheetController } from './dossier-spreadsheet.controller.js';
import { DossierSpreadsheetRepository } from './dossier-spreadsheet.repository.js';
import { DossierExportService } from './dossier-export.service.js';
import { DossierImportService } from './dossier-import.service.js';
import { SpreadsheetContext } from './spreadsheet-context.js';

// What the dossier workbook (template, import, exports) contributes to the application; its pages are the web's.
export const SPREADSHEET_CONTROLLERS: Type<unknown>[] = [DossierSpreadsheetController];
export const SPREADSHEET_PROVIDERS: Provider[] = [
  DossierSpreadsheetRepository,
  SpreadsheetContext,
  DossierImportService,
  DossierExportService,
];
