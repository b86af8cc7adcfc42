import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { SessionUser } from '../../auth/session-user.js';
import { ValidationFailedException } from '../../common/app.exception.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { DossierQueryDto } from '../../dossiers/dossier-query.dto.js';

export { DossierListService as SelectionSource };

// How many dossiers one bulk action may cover: a page of a national list is fifty; a facility's round is a few
// thousand.
export const SELECTION_LIMIT = 5_000;
const BATCH = 500;

const FILTER_KEYS = [
  'roundId',
  'facilityId',
  'subCampId',
  'teamId',
  'stage',
  'verdict',
  'category',
  'unverified',
  'q',
] as const;

function refuse(message: string): never {
  throw new ValidationFailedException([{ path: 'pick', code: 'selection', message }], message);
}

// The dossiers a bulk form chose: the boxes ticked (`pick[i]` = id:version, the version the page showed), or with
// `all` every dossier the list's filters (`query`, as the page's URL carries them) select, at their current version.
export async function readSelection(
  lists: DossierListService,
  user: SessionUser,
  body: Record<string, unknown>,
): Promise<{ dossierId: string; version: number }[]> {
  if (String(body.all ?? '') === '1') return allMatching(lists, user, String(body.query ?? ''));
  return pickedItems(body);
}

// The raw values of the ticked boxes, as the form posted them.
export function pickedValues(body: Record<string, unknown>): string[] {
  const picked = body.pick;
  const values =
    typeof picked === 'string'
      ? [picked]
      : Array.isArray(picked)
        ? picked
        : picked && typeof picked === 'object'
          ? Object.values(picked)
          : [];
  return values.map(String);
}

// The ticked boxes (`pick[i]` = id:version), each dossier once.
export function pickedItems(body: Record<string, unknown>): { dossierId: string; version: number }[] {
  const items = pickedValues(body).map((v) => {
    const match = /^([0-9a-f-]{36}):(\d{1,9})$/i.exec(String(v));
    if (!match) refuse('Danh sách hồ sơ được chọn không hợp lệ; hãy tải lại trang và chọn lại.');
    return { dossierId: match[1].toLowerCase(), version: Number(match[2]) };
  });
  if (items.length === 0) refuse('Chưa chọn hồ sơ nào: hãy đánh dấu ít nhất một hồ sơ.');
  if (items.length > SELECTION_LIMIT) refuse(`Mỗi lần chỉ xử lý tối đa ${SELECTION_LIMIT} hồ sơ.`);
  return [...new Map(items.map((i) => [i.dossierId, i])).values()];
}

async function allMatching(lists: DossierListService, user: SessionUser, query: string) {
  const params = new URLSearchParams(query);
  const filter = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k)?.trim() || undefined]).filter(([, v]) => v),
  );
  const dto = plainToInstance(DossierQueryDto, filter);
  if ((await validate(dto)).length) refuse('Bộ lọc của danh sách không hợp lệ; hãy tải lại trang.');
  if (!dto.stage) refuse('Hãy lọc theo một bước xử lý trước khi chọn tất cả hồ sơ khớp bộ lọc.');
  const items: { dossierId: string; version: number }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await lists.list(user, { ...dto, sort: 'name', dir: 'asc', after, pageSize: BATCH });
    if (page.total > SELECTION_LIMIT)
      refuse(`Bộ lọc chọn ${page.total} hồ sơ; mỗi lần chỉ xử lý tối đa ${SELECTION_LIMIT} hồ sơ. Hãy lọc hẹp hơn.`);
    items.push(...page.items.map((i) => ({ dossierId: i.id, version: i.version })));
    if (!page.next) break;
    after = page.next;
  }
  if (items.length === 0) refuse('Bộ lọc không chọn hồ sơ nào.');
  return items;
}
