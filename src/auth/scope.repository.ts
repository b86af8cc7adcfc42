import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from './scope-filters.js';

// Runs a scope condition against one table; which condition applies is decided in scope-filters.ts.
@Injectable()
export class ScopeRepository {
  // The ids among `ids` whose rows satisfy the filter (numbered from $2).
  async visibleIds(
    manager: EntityManager,
    table: string,
    ids: readonly string[],
    filter: SqlFilter,
  ): Promise<string[]> {
    if (!ids.length || filter.sql === 'false') return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT x.id FROM ${table} x WHERE x.id = ANY($1::uuid[]) AND ${filter.sql}`,
      [ids, ...filter.params],
    );
    return rows.map((r) => r.id);
  }
}
