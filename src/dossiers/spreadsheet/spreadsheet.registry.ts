import type { Provider, Type } from '@nestjs/common';
import { DossierSpreadsheetController } from './dossier-spreadsheet.controller.js';
import { DossierSpreadsheetRepository } from './dossier-spreadsheet.repository.js';
import { DossierSpreadsheetService } from './dossier-spreadsheet.service.js';

// What the dossier workbook (template, import, exports) contributes to the application; its pages are the web's.
export const SPREADSHEET_CONTROLLERS: Type<unknown>[] = [DossierSpreadsheetController];
export const SPREADSHEET_PROVIDERS: Provider[] = [DossierSpreadsheetRepository, DossierSpreadsheetService];
