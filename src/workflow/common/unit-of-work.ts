import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalHash } from '../../kernel/hash.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception.js';

export interface Idempotency {
  userId: string;
  key?: string;
  scope: string;
  request: unknown;
}

// One transaction per state change. With an Idempotency-Key, the key is claimed inside the same transaction and
// the response stored with it, so a retry after success replays the answer and a retry after failure runs afresh.
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyRepository,
  ) {}

  // Reads run in one transaction too, so a page never mixes two states.
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager));
  }

  async run<T>(idempotency: Idempotency, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { key } = idempotency;
    if (!key) return this.dataSource.transaction((manager) => work(manager));
    const requestHash = canonicalHash({ scope: idempotency.scope, request: idempotency.request });
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.keys.claim(manager, {
        userId: idempotency.userId,
        key,
        scope: idempotency.scope,
        requestHash,
      });
      if (!claimed) {
        const stored = await this.keys.find(manager, idempotency.userId, key);
        if (!stored || stored.requestHash !== requestHash) {
          throw new WorkflowException(
            'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
            WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED,
          );
        }
        return stored.response as T;
      }
      const result = await work(manager);
      await this.keys.complete(manager, { userId: idempotency.userId, key, statusCode: 200, response: result });
      return result;
    });
  }
}
