import type { Citation } from '../../rule.js';

export const LAW_30_2018 = 'Luật Đặc xá số 30/2018/QH14';
export const DECREE_52_2019 = 'Nghị định số 52/2019/NĐ-CP';
export const LAW_86_2025 = 'Luật số 86/2025/QH15';

export function law(article: number, clause: number | undefined, point: string | undefined, text: string): Citation {
  return { instrument: LAW_30_2018, article, clause, point, text };
}

export function decree52(
  article: number,
  clause: number | undefined,
  point: string | undefined,
  text: string,
): Citation {
  return { instrument: DECREE_52_2019, article, clause, point, text };
}
