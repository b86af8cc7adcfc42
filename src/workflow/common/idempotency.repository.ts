import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredResponse {
  scope: string;
  requestHash: string;
  statusCode: number | null;
  response: unknown;
}

@Injectable()
export class IdempotencyRepository {
  // Inserting the key first makes a concurrent retry wait on the unique index until this transaction ends.
  async claim(
    manager: EntityManager,
    input: { userId: string; key: string; scope: string; requestHash: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, scope, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [input.userId, input.key, input.scope, input.requestHash],
    );
    return rows.length === 1;
  }

  async find(manager: EntityManager, userId: string, key: string): Promise<StoredResponse | null> {
    const rows: { scope: string; request_hash: string; status_code: number | null; response: unknown }[] =
      await manager.query(
        'SELECT scope, request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
    return rows[0]
      ? {
          scope: rows[0].scope,
          requestHash: rows[0].request_hash,
          statusCode: rows[0].status_code,
          response: rows[0].response,
        }
      : null;
  }

  async complete(
    manager: EntityManager,
    input: { userId: string; key: string; statusCode: number; response: unknown },
  ): Promise<void> {
    await manager.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2', [
      input.userId,
      input.key,
      input.statusCode,
      JSON.stringify(input.response ?? null),
    ]);
  }
}
