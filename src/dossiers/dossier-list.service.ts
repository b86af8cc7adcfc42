import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ValidationFailedException } from '../common/app.exception.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierQueryDto } from './dossier-query.dto.js';
import {
  DossierListRepository,
  SORT_KEYS,
  type ListCriteria,
  type ListRow,
  type SortKey,
} from './dossier-list.repository.js';

export interface DossierSummary {
  id: string;
  inmateNumber: string;
  fullName: string;
  birthDate: string;
  facilityId: string;
  facilityName: string;
  teamName: string | null;
  stage: string;
  version: number;
  outcome: string | null;
  category: string | null;
  reliesOnUnverified: boolean;
  // The day a dossier short of a condition will meet it, when the engine could tell.
  almostEligibleOn: string | null;
  roundCode: string;
}

export type DossierFilter = Omit<DossierQueryDto, 'page' | 'pageSize' | 'after' | 'before'>;

export interface DossierListPage {
  total: number;
  // Matching dossiers by latest verdict; 'NONE' for those not evaluated yet.
  counts: Record<string, number>;
  // Null when `total` and `counts` were counted for this page; else when they were last grouped (a list matching more
  // than the configured number of dossiers), which the page says beside them. The rows are always current.
  countedAt: string | null;
  page: number;
  pageSize: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  items: DossierSummary[];
  // Cursors of the next and previous pages (keyset: no OFFSET however deep the page).
  next: string | null;
  prev: string | null;
}

export interface UnitOption {
  id: string;
  label: string;
}

export interface ListFilterOptions {
  facilities: UnitOption[];
  subCamps: UnitOption[];
  // Only once a facility is chosen: a ministry has hundreds of teams, most of them named "Đội phạm nhân số n".
  teams: UnitOption[];
}

// A label that names one unit only: where two share a name, each gets its code.
function uniqueLabels<T extends { id: string; code: string }>(units: T[], label: (u: T) => string): UnitOption[] {
  const labels = units.map(label);
  const seen = new Map<string, number>();
  for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
  return units.map((u, i) => ({ id: u.id, label: seen.get(labels[i])! > 1 ? `${labels[i]} (${u.code})` : labels[i] }));
}

function encodeCursor(row: ListRow): string {
  return Buffer.from(JSON.stringify([row.sort_value, row.id])).toString('base64url');
}

function decodeCursor(raw: string, field: string): { value: string; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { value, id };
  } catch {
    // falls through to the 400 below
  }
  throw new ValidationFailedException([
    {
      path: field,
      code: 'cursor',
      message: `Trường "${field}": vị trí trang không hợp lệ, hãy mở lại danh sách từ đầu.`,
    },
  ]);
}

// How many sets of grouped counts a process keeps (the oldest kept goes first).
const GROUPED_KEPT = 500;

// The scoped candidate list at national scale: filters, any column as the sort, counts by verdict, keyset pages.
// What the caller may read is ScopeService's dossier rule, applied in the same statement as the filters.
@Injectable()
export class DossierListService {
  private readonly logger = new Logger('DossierList');
  private recounting: Promise<unknown> | null = null;
  private readonly grouped = new Map<string, Record<string, number>>();

  constructor(
    private readonly repository: DossierListRepository,
    private readonly scope: ScopeService,
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'listExactCountLimit' | 'listCountMaxAgeSeconds'>,
  ) {}

  // How old grouped counts may be before a page asks for them again (the page says it).
  get countMaxAgeSeconds(): number {
    return this.config.listCountMaxAgeSeconds;
  }

  // Exact counts when the criteria match few dossiers (as last grouped) or cannot be read from the grouped counts;
  // otherwise the grouped counts with their time. Rounds never grouped are grouped now; groups older than the
  // configured age are taken again behind this page, once at a time per process.
  private async countsOf(criteria: ListCriteria): Promise<{ counts: Record<string, number>; countedAt: Date | null }> {
    const exact = async () => ({ counts: await this.repository.counts(criteria), countedAt: null });
    if (!this.repository.groupable(criteria)) return exact();
    const rounds = await this.repository.countedRounds(criteria);
    const never = rounds.filter((r) => !r.countedAt).map((r) => r.id);
    if (never.length && !(await this.repository.recount(never))) return exact();
    const now = new Date();
    const oldest = rounds.reduce((o, r) => (r.countedAt && r.countedAt < o ? r.countedAt : o), now);
    const maxAgeMs = this.config.listCountMaxAgeSeconds * 1000;
    const stale = rounds
      .filter((r) => r.countedAt && now.getTime() - r.countedAt.getTime() > maxAgeMs)
      .map((r) => r.id);
    if (stale.length && !this.recounting)
      this.recounting = this.repository
        .recount(stale)
        .catch((error: Error) => this.logger.warn(`Grouped list counts not refreshed: ${error.message}`))
        .finally(() => (this.recounting = null));
    const grouped = await this.groupedCounts(criteria, rounds);
    const total = Object.values(grouped).reduce((s, n) => s + n, 0);
    if (total <= this.config.listExactCountLimit) return exact();
    return { counts: grouped, countedAt: oldest };
  }

  // The grouped counts change only when their rounds are grouped again, which moves the rounds' `countedAt` in the
  // same transaction: kept per process under the criteria and those times, so every process sees a new grouping on
  // its next page.
  private async groupedCounts(criteria: ListCriteria, rounds: { id: string; countedAt: Date | null }[]) {
    const key = JSON.stringify({ criteria, rounds });
    const kept = this.grouped.get(key);
    if (kept) return kept;
    const counts = await this.repository.groupedCounts(criteria);
    if (this.grouped.size >= GROUPED_KEPT) this.grouped.delete(this.grouped.keys().next().value!);
    this.grouped.set(key, counts);
    return counts;
  }

  private criteria(user: SessionUser, query: DossierFilter): ListCriteria {
    return {
      scope: this.scope.dossierFilter(user, 'd', 1),
      scopeFacilities: (alias, firstParam) => this.scope.dossierFacilityFilter(user, alias, firstParam),
      roundId: query.roundId,
      roundCode: query.roundCode,
      facilityId: query.facilityId,
      subCampId: query.subCampId,
      teamId: query.teamId,
      stage: query.stage,
      verdict: query.verdict,
      category: query.category,
      unverified: query.unverified === undefined ? undefined : query.unverified === 'yes',
      q: query.q,
    };
  }

  // The dossiers a filter selects, in the list page's order, as `FROM … WHERE … ORDER BY …` over d (dossier),
  // r (round), f (facility), t (team) and v (latest verdict): the exports of the same filter read it whole.
  filtered(user: SessionUser, query: DossierFilter): { sql: string; params: unknown[] } {
    const sort: SortKey = query.sort && query.sort in SORT_KEYS ? (query.sort as SortKey) : 'name';
    return this.repository.filtered(this.criteria(user, query), sort, query.dir === 'desc');
  }

  async list(user: SessionUser, query: DossierQueryDto): Promise<DossierListPage> {
    const criteria = this.criteria(user, query);
    const sort: SortKey = query.sort && query.sort in SORT_KEYS ? (query.sort as SortKey) : 'name';
    const dir = query.dir === 'desc' ? 'desc' : 'asc';
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const after = query.after ? decodeCursor(query.after, 'after') : undefined;
    const before = !after && query.before ? decodeCursor(query.before, 'before') : undefined;
    // One row more than the page tells whether there is a page beyond it.
    const [{ counts, countedAt }, rows] = await Promise.all([
      this.countsOf(criteria),
      this.repository.page(criteria, {
        sort,
        desc: dir === 'desc',
        limit: pageSize + 1,
        after,
        before,
        offset: after || before ? undefined : (page - 1) * pageSize,
      }),
    ]);
    const more = rows.length > pageSize;
    const items = before ? rows.slice(more ? 1 : 0) : rows.slice(0, pageSize);
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    const first = items[0];
    const last = items[items.length - 1];
    return {
      total,
      counts,
      countedAt: countedAt?.toISOString() ?? null,
      page,
      pageSize,
      sort,
      dir,
      items: items.map(toSummaryRow),
      next: last && (before || more) ? encodeCursor(last) : null,
      prev: first && (after || (before && more) || (!before && page > 1)) ? encodeCursor(first) : null,
    };
  }

  // The facilities, sub-camps and teams the caller may filter by, within the units they work in; sub-camps and teams
  // of the chosen facility only (and teams of the chosen sub-camp), each label naming one unit.
  async filterOptions(
    user: SessionUser,
    chosen: { facilityId?: string; subCampId?: string },
  ): Promise<ListFilterOptions> {
    const units = this.scope.unitFilter(user, 'o', 1);
    const facilities = uniqueLabels(await this.repository.facilities(units), (f) => f.name);
    const facilityId =
      chosen.facilityId && facilities.some((f) => f.id === chosen.facilityId) ? chosen.facilityId : null;
    if (!facilityId) return { facilities, subCamps: [], teams: [] };
    const inside = await this.repository.unitsOfFacility(units, facilityId);
    const subCamps = inside.filter((u) => u.kind === 'SUB_CAMP');
    const subCampId = subCamps.some((u) => u.id === chosen.subCampId) ? chosen.subCampId : null;
    const teams = inside.filter((u) => u.kind === 'TEAM' && (!subCampId || u.parentId === subCampId));
    return {
      facilities,
      subCamps: uniqueLabels(subCamps, (u) => u.name),
      teams: uniqueLabels(teams, (u) =>
        subCamps.some((c) => c.id === u.parentId) && !subCampId ? `${u.name} — ${u.parentName}` : u.name,
      ),
    };
  }
}

function toSummaryRow(r: ListRow): DossierSummary {
  return {
    id: r.id,
    inmateNumber: r.inmate_number,
    fullName: r.full_name,
    birthDate: r.birth_date,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    teamName: r.team_name,
    stage: r.stage,
    version: r.version,
    outcome: r.outcome,
    category: r.category,
    reliesOnUnverified: r.relies_on_unverified === true,
    almostEligibleOn: r.almost,
    roundCode: r.round_code,
  };
}
