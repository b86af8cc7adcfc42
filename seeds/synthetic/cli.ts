import { loadConfig } from '../../src/config/app-config.js';
import { openDatabase } from '../../src/database/database-target.js';
import { loadSynthetic, SyntheticOptions, SyntheticWriter } from './synthetic-loader.js';

// npm run seed:synthetic -- --dossiers 150000 [--seed 1] [--preset QD-1244-2025] [--facilities 100] [--batch 5000]
//   [--lanes 2] [--workers 2] [--writer copy|bulk] [--screen yes|no]
// Uses DATABASE_URL when set, otherwise the embedded PostgreSQL of DATA_DIR: the one `npm start` runs, or its own
// when none runs. It writes as the application's role.
function parseArgs(argv: string[]): Omit<SyntheticOptions, 'databaseUrl'> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`Tham số không hợp lệ: "${argv[i]}"`);
    args.set(argv[i].slice(2), argv[i + 1] ?? '');
    i++;
  }
  const int = (name: string, fallback: number, min = 1) => {
    const raw = args.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} phải là số nguyên từ ${min} trở lên, nhận được "${raw}"`);
    return value;
  };
  const writer = (args.get('writer') ?? 'copy') as SyntheticWriter;
  if (!['copy', 'bulk'].includes(writer)) throw new Error('--writer phải là "copy" hoặc "bulk"');
  const screen = args.get('screen') ?? 'yes';
  if (!['yes', 'no'].includes(screen)) throw new Error('--screen phải là "yes" hoặc "no"');
  const known = new Set(['dossiers', 'seed', 'preset', 'facilities', 'batch', 'lanes', 'workers', 'writer', 'screen']);
  for (const name of args.keys()) if (!known.has(name)) throw new Error(`Không có tham số --${name}`);
  return {
    dossiers: int('dossiers', 150_000),
    seed: int('seed', 1),
    presetCode: args.get('preset') ?? 'QD-1244-2025',
    facilities: int('facilities', 100, 10),
    batchSize: int('batch', 5000),
    lanes: int('lanes', 2),
    workers: int('workers', 2, 0),
    writer,
    screen: screen === 'yes',
  };
}

const OUTCOME_LABELS: Record<string, string> = {
  ELIGIBLE: 'đủ điều kiện',
  NEEDS_REVIEW: 'cần xem xét',
  INELIGIBLE: 'không đủ điều kiện',
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const db = await openDatabase(loadConfig());
  const databaseUrl = db.appUrl;
  try {
    let lastShown = 0;
    const stats = await loadSynthetic({
      ...options,
      databaseUrl,
      onProgress: (done, total) => {
        if (done - lastShown >= total / 10 || done === total) {
          lastShown = done;
          process.stdout.write(`  ${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} hồ sơ\n`);
        }
      },
    });
    const perSecond = (n: number) => Math.round(n / stats.seconds).toLocaleString('vi-VN');
    console.log(
      `Đã nạp ${stats.dossiers.toLocaleString('vi-VN')} hồ sơ tổng hợp (${stats.rows.toLocaleString('vi-VN')} dòng) vào đợt ${stats.roundCode} ` +
        `trong ${stats.seconds.toFixed(1)} giây: ${perSecond(stats.dossiers)} hồ sơ/giây, ${perSecond(stats.rows)} dòng/giây (cách ghi: ${stats.writer}).`,
    );
    if (stats.screening) {
      const outcomes = Object.entries(stats.screening.outcomes)
        .map(([outcome, n]) => `${OUTCOME_LABELS[outcome] ?? outcome} ${n.toLocaleString('vi-VN')}`)
        .join(', ');
      console.log(
        `Đã xét điều kiện ${stats.screening.dossiers.toLocaleString('vi-VN')} hồ sơ của đợt trong ${stats.screening.seconds.toFixed(1)} giây: ${outcomes}.`,
      );
    } else {
      console.log(
        `Chưa xét điều kiện các hồ sơ vừa nạp. Để xét: quản trị viên gọi POST /api/rounds/${stats.roundId}/screenings ` +
          `(theo dõi ở GET /api/screenings/<mã>), hoặc nạp bằng lệnh này với --screen yes.`,
      );
    }
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
