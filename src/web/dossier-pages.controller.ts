import { relianceSummary } from '../eligibility/stored-result-reader.js';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { DossierListService } from '../dossiers/dossier-list.service.js';
import { OrgService } from '../org/org.service.js';
import { STAGE_LABELS } from '../workflow/core/stages.js';
import { WebCsrfGuard } from './csrf.js';
import { DossierPageView } from './dossier-view/dossier-page.view.js';
import { optionsOf } from './render/labels.js';
import { CAMP_ROLES } from './render/navigation.js';
import { PageService, type WebRequest } from './render/page.service.js';
import { WebLookupRepository } from './web-lookup.repository.js';
import { WebExceptionFilter } from './web-exception.filter.js';

const PAGE_SIZE = 50;

function pick(query: Record<string, unknown>, key: string, allowed?: string[]): string | undefined {
  const value = typeof query[key] === 'string' ? (query[key] as string).trim() : '';
  if (!value) return undefined;
  return !allowed || allowed.includes(value) ? value : undefined;
}

// The candidates a user may see, with the engine's verdict and reasons beside each, and one dossier's facts beside
// the engine's explanation.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller('dossiers')
export class DossierPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly lists: DossierListService,
    private readonly org: OrgService,
    private readonly lookups: WebLookupRepository,
    private readonly dossierPage: DossierPageView,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const units: { id: string; name: string; kind: string }[] = await this.org.listUnits(user);
    const teams = units.filter((u) => u.kind === 'TEAM' || u.kind === 'SUB_CAMP');
    const filters = {
      verdict: pick(query, 'verdict', ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE']),
      category: pick(
        query,
        'category',
        optionsOf('category').map((o) => o.value),
      ),
      teamId: pick(
        query,
        'teamId',
        teams.map((t) => t.id),
      ),
      stage: pick(query, 'stage', Object.keys(STAGE_LABELS)),
      q: pick(query, 'q')?.slice(0, 100),
    };
    const page = Math.max(1, Number(pick(query, 'page')) || 1);
    const result = await this.lists.list(user, { ...filters, page, pageSize: PAGE_SIZE });
    const details = await this.lookups.verdictDetails(result.items.map((i) => i.id));
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    return this.pages.render(request, 'dossiers/list', 'Danh sách phạm nhân được xét', {
      filters,
      total: result.total,
      reliance: relianceSummary([...details.values()].map((d) => d.stored)),
      items: result.items.map((item, i) => ({
        ...item,
        position: (page - 1) * PAGE_SIZE + i + 1,
        reasons: (details.get(item.id)?.reasons ?? []).slice(0, 3),
        almostOn: details.get(item.id)?.almostOn ?? item.almostEligibleOn,
      })),
      choices: {
        verdict: optionsOf('verdict').map((o) => ({ ...o, selected: o.value === filters.verdict })),
        category: optionsOf('category').map((o) => ({ ...o, selected: o.value === filters.category })),
        team: teams.map((t) => ({ value: t.id, label: t.name, selected: t.id === filters.teamId })),
        stage: optionsOf('stage').map((o) => ({ ...o, selected: o.value === filters.stage })),
      },
      canCreate: CAMP_ROLES.includes(user.role),
      // The downloads hold every dossier the same filters select, not only this page.
      exportQuery: params.toString(),
      pager: {
        page,
        pages,
        prev: page > 1 ? `?${withPage(params, page - 1)}` : null,
        next: page < pages ? `?${withPage(params, page + 1)}` : null,
      },
    });
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  view(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.dossierPage.render(request, user, id);
  }
}

function withPage(params: URLSearchParams, page: number): string {
  const copy = new URLSearchParams(params);
  copy.set('page', String(page));
  return copy.toString();
}
