import type { Citation } from '../../rule.js';

export const LAW_07_2007 = 'Luật Đặc xá số 07/2007/QH12';
export const DECREE_76_2008 = 'Nghị định số 76/2008/NĐ-CP';

export function law07(article: number, clause: number | undefined, point: string | undefined, text: string): Citation {
  return { instrument: LAW_07_2007, article, clause, point, text };
}

export function decree76(
  article: number,
  clause: number | undefined,
  point: string | undefined,
  text: string,
): Citation {
  return { instrument: DECREE_76_2008, article, clause, point, text };
}
