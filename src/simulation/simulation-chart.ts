import { STATUSES, STATUS_LABELS, type BreakdownRow, type Counts } from './simulation-figures.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ChartRow {
  label: string;
  base: number;
  draft: number;
}

const LABEL_WIDTH = 260;
const BAR_AREA = 420;
const ROW = 34;

// A grouped horizontal bar chart as inline SVG, drawn on the server: no script, prints as it shows.
export function barChartSvg(title: string, rows: ChartRow[]): string {
  const max = Math.max(1, ...rows.flatMap((r) => [r.base, r.draft]));
  const height = 40 + rows.length * ROW + 24;
  const width = LABEL_WIDTH + BAR_AREA + 80;
  const bar = (value: number, y: number, cls: string) => {
    const w = Math.round((value / max) * BAR_AREA);
    return (
      `<rect class="${cls}" x="${LABEL_WIDTH}" y="${y}" width="${w}" height="12"/>` +
      `<text x="${LABEL_WIDTH + w + 4}" y="${y + 10}" font-size="11">${value.toLocaleString('vi-VN')}</text>`
    );
  };
  const body = rows
    .map((r, i) => {
      const y = 36 + i * ROW;
      const label = r.label.length > 42 ? `${r.label.slice(0, 41)}…` : r.label;
      return (
        `<text x="${LABEL_WIDTH - 6}" y="${y + 16}" font-size="12" text-anchor="end"><title>${escape(r.label)}</title>${escape(label)}</text>` +
        bar(r.base, y, 'bar-base') +
        bar(r.draft, y + 14, 'bar-draft')
      );
    })
    .join('');
  const legendY = height - 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" aria-label="${escape(title)}">` +
    `<style>.bar-base{fill:#9aa5b1}.bar-draft{fill:#1f4e79}text{font-family:Tinos,'Times New Roman',serif;fill:#222}</style>` +
    `<text x="0" y="18" font-size="14" font-weight="bold">${escape(title)}</text>${body}` +
    `<rect class="bar-base" x="${LABEL_WIDTH}" y="${legendY - 9}" width="12" height="10"/><text x="${LABEL_WIDTH + 16}" y="${legendY}" font-size="11">Tham số gốc</text>` +
    `<rect class="bar-draft" x="${LABEL_WIDTH + 110}" y="${legendY - 9}" width="12" height="10"/><text x="${LABEL_WIDTH + 126}" y="${legendY}" font-size="11">Dự thảo</text>` +
    `</svg>`
  );
}

export function headlineChart(base: Counts, draft: Counts): string {
  return barChartSvg(
    'Số người theo kết quả xét điều kiện',
    STATUSES.map((s) => ({ label: STATUS_LABELS[s], base: base[s], draft: draft[s] })),
  );
}

// Eligible people per breakdown row, the largest first, at most `limit` rows so the chart stays readable.
export function eligibleChart(title: string, rows: BreakdownRow[], limit = 15): string {
  const sorted = [...rows]
    .map((r) => ({ label: r.label, base: r.base.ELIGIBLE, draft: r.draft.ELIGIBLE }))
    .sort((a, b) => Math.max(b.base, b.draft) - Math.max(a.base, a.draft))
    .slice(0, limit);
  return barChartSvg(title, sorted);
}
