import { relianceSummary } from '../eligibility/stored-result-reader.js';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { DossierListService } from '../dossiers/dossier-list.service.js';
import { STAGE_LABELS, type Stage } from '../workflow/core/stages.js';
import { dossierActions, REASON_CODE_CHOICES } from './dossier-view/dossier-actions.js';
import { WebCsrfGuard } from './csrf.js';
import { DossierPageView } from './dossier-view/dossier-page.view.js';
import { SORT_KEY_NAMES, type SortKey } from '../dossiers/dossier-list.repository.js';
import type { DossierQueryDto } from '../dossiers/dossier-query.dto.js';
import { label, optionsOf } from './render/labels.js';
import { CAMP_ROLES } from './render/navigation.js';
import { PageService, type WebRequest } from './render/page.service.js';
import { WebLookupRepository } from './web-lookup.repository.js';
import { WebExceptionFilter } from './web-exception.filter.js';

const PAGE_SIZE = 50;

// The list's filters as the URL carries them.
type ListFilters = Pick<
  DossierQueryDto,
  'roundId' | 'facilityId' | 'subCampId' | 'teamId' | 'stage' | 'verdict' | 'category' | 'unverified' | 'q'
>;

const VERDICT_ORDER = ['ELIGIBLE', 'NEEDS_REVIEW', 'INELIGIBLE', 'NONE'];

// The columns of the list, each sortable by its header.
const SORT_COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Họ và tên' },
  { key: 'inmate', label: 'Số danh bản' },
  { key: 'birth', label: 'Năm sinh' },
  { key: 'facility', label: 'Trại' },
  { key: 'team', label: 'Đội' },
  { key: 'round', label: 'Đợt' },
  { key: 'stage', label: 'Bước xử lý' },
  { key: 'verdict', label: 'Kết quả đánh giá' },
  { key: 'category', label: 'Diện xét' },
];

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
    const rounds = await this.lookups.rounds();
    const roundId = pick(
      query,
      'roundId',
      rounds.map((r) => r.id),
    );
    const chosen = { facilityId: pick(query, 'facilityId'), subCampId: pick(query, 'subCampId') };
    const first = await this.lists.filterOptions(user, chosen);
    // A warden's only facility is chosen for them, so their sub-camps and teams are offered at once.
    const facilityId =
      first.facilities.length === 1 && !chosen.facilityId
        ? first.facilities[0].id
        : pick(
            query,
            'facilityId',
            first.facilities.map((f) => f.id),
          );
    const units =
      facilityId && facilityId !== chosen.facilityId
        ? await this.lists.filterOptions(user, { ...chosen, facilityId })
        : first;
    const filters: ListFilters = {
      roundId,
      facilityId: first.facilities.length === 1 ? undefined : facilityId,
      subCampId: pick(
        query,
        'subCampId',
        units.subCamps.map((u) => u.id),
      ),
      teamId: pick(
        query,
        'teamId',
        units.teams.map((t) => t.id),
      ),
      stage: pick(query, 'stage', Object.keys(STAGE_LABELS)),
      verdict: pick(query, 'verdict', ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE']),
      category: pick(
        query,
        'category',
        optionsOf('category').map((o) => o.value),
      ),
      unverified: pick(query, 'unverified', ['yes', 'no']) as ListFilters['unverified'],
      q: pick(query, 'q')?.slice(0, 100),
    };
    const sort = pick(query, 'sort', SORT_KEY_NAMES) ?? 'name';
    const dir = pick(query, 'dir', ['asc', 'desc']) === 'desc' ? 'desc' : 'asc';
    const page = Math.min(100_000, Math.max(1, Number(pick(query, 'page')) || 1));
    const cursor = (key: string) => pick(query, key)?.match(/^[A-Za-z0-9_-]{1,400}$/)?.[0];
    const after = cursor('after');
    const before = after ? undefined : cursor('before');
    const result = await this.lists.list(user, {
      ...filters,
      facilityId,
      sort,
      dir,
      page,
      after,
      before,
      pageSize: PAGE_SIZE,
    });
    const details = await this.lookups.verdictDetails(result.items.map((i) => i.id));
    const state = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
    const link = (extra: Record<string, string>) => {
      const copy = new URLSearchParams(state);
      for (const [k, v] of Object.entries(extra)) copy.set(k, v);
      return `/dossiers?${copy.toString()}`;
    };
    const sorted = { sort, dir };
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    return this.pages.render(request, 'dossiers/list', 'Danh sách phạm nhân được xét', {
      filters: { ...filters, facilityId },
      total: result.total,
      countedAt: result.countedAt,
      countMaxAge: this.lists.countMaxAgeSeconds,
      counts: VERDICT_ORDER.filter((v) => result.counts[v]).map((v) => ({
        value: v,
        label: label('verdict', v),
        count: result.counts[v],
        href: link({ ...sorted, verdict: v }),
      })),
      reliance: relianceSummary([...details.values()].map((d) => d.stored)),
      items: result.items.map((item, i) => ({
        ...item,
        position: (page - 1) * PAGE_SIZE + i + 1,
        reasons: (details.get(item.id)?.reasons ?? []).slice(0, 3),
        almostOn: details.get(item.id)?.almostOn ?? item.almostEligibleOn,
      })),
      columns: SORT_COLUMNS.map((c) => ({
        ...c,
        href: link({ sort: c.key, dir: c.key === sort && dir === 'asc' ? 'desc' : 'asc' }),
        ariaSort: c.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : null,
        arrow: c.key === sort ? (dir === 'asc' ? '▲' : '▼') : '',
      })),
      sort,
      dir,
      choices: {
        round: rounds.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: r.id === roundId })),
        facility:
          units.facilities.length > 1
            ? units.facilities.map((f) => ({ value: f.id, label: f.label, selected: f.id === facilityId }))
            : [],
        subCamp: units.subCamps.map((u) => ({ value: u.id, label: u.label, selected: u.id === filters.subCampId })),
        team: units.teams.map((t) => ({ value: t.id, label: t.label, selected: t.id === filters.teamId })),
        verdict: optionsOf('verdict').map((o) => ({ ...o, selected: o.value === filters.verdict })),
        category: optionsOf('category').map((o) => ({ ...o, selected: o.value === filters.category })),
        stage: optionsOf('stage').map((o) => ({ ...o, selected: o.value === filters.stage })),
        unverified: [
          { value: 'yes', label: 'Có: dựa trên giá trị chưa đối chiếu', selected: filters.unverified === 'yes' },
          { value: 'no', label: 'Không', selected: filters.unverified === 'no' },
        ],
      },
      needsFacility: units.facilities.length > 1 && !facilityId,
      bulk: this.bulk(user, filters.stage, link(sorted), state),
      canCreate: CAMP_ROLES.includes(user.role),
      // The downloads hold every dossier the same filters select, not only this page.
      exportQuery: new URLSearchParams({
        ...Object.fromEntries(state),
        ...(facilityId ? { facilityId } : {}),
        ...sorted,
      }).toString(),
      pager: {
        page,
        pages,
        first: page > 1 ? link(sorted) : null,
        prev: result.prev && page > 1 ? link({ ...sorted, before: result.prev, page: String(page - 1) }) : null,
        next: result.next ? link({ ...sorted, after: result.next, page: String(page + 1) }) : null,
      },
    });
  }

  // With one stage chosen, the actions the table lets this role take there on many dossiers at once.
  private bulk(user: SessionUser, stage: string | undefined, back: string, state: URLSearchParams) {
    if (!stage) return null;
    const actions = dossierActions(stage as Stage, user.role).filter((a) => a.form);
    if (actions.length === 0) return null;
    return {
      actions,
      reason: actions.some((a) => a.form!.reason || a.form!.reasonCode),
      reasonCode: actions.some((a) => a.form!.reasonCode),
      reasonCodes: REASON_CODE_CHOICES,
      back,
      query: state.toString(),
    };
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
