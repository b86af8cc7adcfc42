import {
  Controller,
  Get,
  HttpCode,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { DossierExportQueryDto, ImportCommitDto, ImportSummaryDto } from './dossier-spreadsheet.dto.js';
import { DossierExportService, type SpreadsheetFormat } from './dossier-export.service.js';
import { DossierImportService } from './dossier-import.service.js';
import { CONTENT_TYPES, sendFile, UPLOAD_OPTIONS } from './spreadsheet-response.js';

// Those who enter dossiers import them, as with POST /api/dossiers.
const CAMP_STAFF = [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN];
const UPLOAD_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};

// Dossiers as a workbook: the template, a two-step import (the upload answers a preview and a token; committing the
// token creates the dossiers) and exports of a filtered dossier list or a frozen list as .xlsx or CSV. Summaries and
// error codes are in src/openapi (operation-summaries.ts, operation-errors.ts).
@ApiTags('dossiers')
@Controller('api')
export class DossierSpreadsheetController {
  private readonly logger = new Logger('Spreadsheets');

  constructor(
    private readonly imports: DossierImportService,
    private readonly exports: DossierExportService,
  ) {}

  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...CAMP_STAFF)
  @Get('dossiers/excel/template')
  async template(@CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    await sendFile(response, this.logger, 'mau-nhap-ho-so', 'xlsx', (out) => this.exports.template(user, out));
  }

  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: ImportSummaryDto })
  @Roles(...CAMP_STAFF)
  @Post('dossiers/excel/imports')
  @UseInterceptors(FileInterceptor('file', UPLOAD_OPTIONS))
  preview(
    @CurrentUser() user: SessionUser,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    return this.imports.preview(user, file);
  }

  @ApiOkResponse({ type: ImportSummaryDto })
  @Roles(...CAMP_STAFF)
  @Get('dossiers/excel/imports/:id')
  getImport(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.imports.getImport(user, id);
  }

  @ApiCreatedResponse({ type: ImportCommitDto })
  @Roles(...CAMP_STAFF)
  @Post('dossiers/excel/imports/:id/commit')
  @HttpCode(201)
  commit(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.imports.commit(user, id);
  }

  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook, streamed', schema: { type: 'string', format: 'binary' } })
  @Get('dossiers/excel/export.xlsx')
  exportXlsx(@CurrentUser() user: SessionUser, @Query() query: DossierExportQueryDto, @Res() response: Response) {
    return this.exportDossiers(user, query, 'xlsx', response);
  }

  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV, streamed', schema: { type: 'string' } })
  @Get('dossiers/excel/export.csv')
  exportCsv(@CurrentUser() user: SessionUser, @Query() query: DossierExportQueryDto, @Res() response: Response) {
    return this.exportDossiers(user, query, 'csv', response);
  }

  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook, streamed', schema: { type: 'string', format: 'binary' } })
  @Get('dossiers/excel/dossiers.xlsx')
  exportWorkbook(@CurrentUser() user: SessionUser, @Query() query: DossierExportQueryDto, @Res() response: Response) {
    return this.exportDossiers(user, query, 'workbook', response);
  }

  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook, streamed', schema: { type: 'string', format: 'binary' } })
  @Get('lists/:id/export.xlsx')
  exportListXlsx(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    return this.exportList(user, id, 'xlsx', response);
  }

  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV, streamed', schema: { type: 'string' } })
  @Get('lists/:id/export.csv')
  exportListCsv(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    return this.exportList(user, id, 'csv', response);
  }

  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook, streamed', schema: { type: 'string', format: 'binary' } })
  @Get('lists/:id/dossiers.xlsx')
  exportListWorkbook(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ) {
    return this.exportList(user, id, 'workbook', response);
  }

  private exportDossiers(
    user: SessionUser,
    query: DossierExportQueryDto,
    format: SpreadsheetFormat,
    response: Response,
  ) {
    const base = format === 'workbook' ? 'ho-so-dac-xa' : 'danh-sach-ho-so';
    return sendFile(response, this.logger, base, format === 'csv' ? 'csv' : 'xlsx', (out) =>
      this.exports.exportDossiers(user, query, format, out),
    );
  }

  private exportList(user: SessionUser, id: string, format: SpreadsheetFormat, response: Response) {
    const base = format === 'workbook' ? 'ho-so-theo-danh-sach' : 'danh-sach';
    return sendFile(response, this.logger, base, format === 'csv' ? 'csv' : 'xlsx', (out) =>
      this.exports.exportList(user, id, format, out),
    );
  }
}
