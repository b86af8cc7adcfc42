import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { AppException, type FieldError } from '../common/app.exception.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import { DossierService } from '../dossiers/dossier.service.js';
import { CSRF_FIELD, WebCsrfGuard } from './csrf.js';
import { validateDossierShape } from '../dossiers/dossier-shape.js';
import { DossierFormService } from './dossier-form/dossier-form.service.js';
import { documentToForm, formToDocument } from './dossier-form/form-convert.js';
import { blankDossierValues, buildDossierForm } from './dossier-form/form-view.js';
import { CAMP_ROLES } from './render/navigation.js';
import { PageService, type WebRequest } from './render/page.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';

interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
  problem?: string;
  id?: string;
  version?: number;
}

// The nomination form: a whole dossier in one page, judged by the API's own DTOs and service, each message shown
// beside the field it concerns.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...CAMP_ROLES)
@Controller('dossiers')
export class DossierFormController {
  constructor(
    private readonly pages: PageService,
    private readonly forms: DossierFormService,
    private readonly dossiers: DossierService,
  ) {}

  @Get('new')
  @Header('content-type', 'text/html; charset=utf-8')
  async newForm(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const choices = await this.forms.choices(user);
    return this.render(request, user, { values: blankDossierValues(choices.defaults), errors: [] });
  }

  @Post()
  async create(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const values = withoutToken(body);
    await this.save(request, user, response, { values, errors: [] }, async (document) => {
      const created = await this.dossiers.importOne(user, document);
      return `/dossiers/${created.id}?msg=created`;
    });
  }

  @Get(':id/edit')
  @Header('content-type', 'text/html; charset=utf-8')
  async editForm(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const dossier = await this.dossiers.get(user, id);
    return this.render(request, user, {
      values: documentToForm(dossier.document),
      errors: [],
      id,
      version: dossier.version,
    });
  }

  @Post(':id')
  async update(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    // Outside the caller's scope the dossier does not exist, whatever the form holds: 404 before the form is judged.
    await this.dossiers.get(user, id);
    const { expectedVersion, ...values } = withoutToken(body);
    const version = Number(expectedVersion);
    await this.save(request, user, response, { values, errors: [], id, version }, async (document) => {
      await this.dossiers.update(user, id, version, document);
      return `/dossiers/${id}?msg=saved`;
    });
  }

  private async save(
    request: WebRequest,
    user: SessionUser,
    response: Response,
    state: FormState,
    write: (d: DossierDocument) => Promise<string>,
  ): Promise<void> {
    const document = formToDocument(state.values);
    const errors = await validateDossierShape(document);
    if (errors.length === 0) {
      try {
        response.redirect(303, await write(document as unknown as DossierDocument));
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500 || error.status === 404 || error.status === 403)
          throw error;
        errors.push(...error.errors);
        if (!error.errors.length) state.problem = error.message;
      }
    }
    const html = await this.render(request, user, { ...state, errors });
    response
      .status(errors.length ? 400 : 409)
      .type('html')
      .send(html);
  }

  private async render(request: WebRequest, user: SessionUser, state: FormState): Promise<string> {
    const choices = await this.forms.choices(user);
    const form = buildDossierForm(state.values, state.errors, choices);
    const title = state.id ? 'Sửa hồ sơ đề nghị đặc xá' : 'Lập hồ sơ đề nghị đặc xá';
    return this.pages.render(request, 'dossiers/form', title, {
      form,
      problem: state.problem,
      action: state.id ? `/dossiers/${state.id}` : '/dossiers',
      id: state.id,
      version: state.version,
    });
  }
}

function withoutToken(body: Record<string, unknown>): Record<string, unknown> {
  const { [CSRF_FIELD]: _token, ...rest } = body ?? {};
  return rest;
}
