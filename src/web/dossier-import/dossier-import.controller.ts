import {
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { DossierImportService, type ImportSummary } from '../../dossiers/spreadsheet/dossier-import.service.js';
import { UPLOAD_OPTIONS } from '../../dossiers/spreadsheet/spreadsheet-response.js';
import { assertFormPost, WebCsrfGuard } from '../csrf.js';
import { CAMP_ROLES } from '../render/navigation.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// "Nhập từ Excel": download the template, upload the filled workbook, read the preview (or every error by sheet, row
// and column), then confirm. The page calls the same service as the API.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles(...CAMP_ROLES)
@Controller('dossiers/import')
export class DossierImportPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly imports: DossierImportService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  form(@Req() request: WebRequest): string {
    return this.renderUpload(request);
  }

  // The form token travels inside the multipart body, so it is checked here, once the upload has been read.
  @Post()
  @UseInterceptors(FileInterceptor('file', UPLOAD_OPTIONS))
  async upload(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Res() response: Response,
  ): Promise<void> {
    assertFormPost(request);
    try {
      const summary = await this.imports.preview(user, file);
      response.redirect(303, `/dossiers/import/${summary.id}`);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500 || error.status === 403) throw error;
      response
        .status(error.status)
        .type('html')
        .send(
          this.renderUpload(request, { problem: error.message, errors: error.errors, fileName: file?.originalname }),
        );
    }
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  async preview(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.renderPreview(request, await this.imports.getImport(user, id));
  }

  @Post(':id/commit')
  @UseGuards(WebCsrfGuard)
  async commit(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.imports.commit(user, id);
      response.redirect(303, `/dossiers/import/${id}`);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500 || error.status === 403 || error.status === 404)
        throw error;
      const summary = await this.imports.getImport(user, id);
      response
        .status(error.status)
        .type('html')
        .send(this.renderPreview(request, summary, { problem: error.message, errors: error.errors }));
    }
  }

  private renderUpload(
    request: WebRequest,
    state: { problem?: string; errors?: FieldError[]; fileName?: string } = {},
  ): string {
    return this.pages.render(request, 'dossiers/import', 'Nhập hồ sơ từ Excel', {
      problem: state.problem,
      errors: state.errors ?? [],
      fileName: state.fileName,
    });
  }

  private renderPreview(
    request: WebRequest,
    summary: ImportSummary,
    state: { problem?: string; errors?: FieldError[] } = {},
  ): string {
    const committed = summary.status === 'COMMITTED';
    return this.pages.render(request, 'dossiers/import-preview', 'Xem trước hồ sơ nhập từ Excel', {
      summary,
      parts: Object.entries(summary.parts).map(([sheet, rows]) => ({ sheet, rows })),
      committed,
      problem: state.problem,
      errors: state.errors ?? [],
    });
  }
}
