import type { MigrationInterface, QueryRunner } from 'typeorm';
import { setCheckValues } from './check-values.js';

const KIND = { table: 'list_snapshots', constraint: 'ck_list_snapshots_kind', column: 'kind' };

// The court's list of persons on suspension it leaves off (Luật Đặc xá 2018, Điều 15, khoản 3–4): frozen beside the
// court's eligible list when the president posts it, as a camp's ineligible list is beside the camp's.
export class CourtIneligibleLists1764002000000 implements MigrationInterface {
  name = 'CourtIneligibleLists1764002000000';

  async up(q: QueryRunner): Promise<void> {
    await setCheckValues(q, { ...KIND, add: ['COURT_INELIGIBLE'] });
  }

  async down(q: QueryRunner): Promise<void> {
    await setCheckValues(q, { ...KIND, remove: ['COURT_INELIGIBLE'] });
  }
}
