import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { type Checkpoint, CheckpointIndex, readCheckpoint, signCheckpoint } from './checkpoint.js';
import { CheckpointStore } from './checkpoint-store.js';
import { loadSigningKey, type SigningKey } from './signing-key.js';

interface Appended {
  from: number;
  seq: number;
  hash: string;
}

export interface LoadedCheckpoints {
  index: CheckpointIndex;
  count: number;
  invalid: { seq: number | null; reason: string }[];
}

// Signs the chain's head outside the database. Each transaction that appended is signed once, right after it
// commits (never per row, never before the commit: a rolled-back append leaves no checkpoint). Failed writes and the
// second party's copies are retried at an interval, when the head is also compared with the last one signed.
@Injectable()
export class AuditCheckpoints implements OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly key: SigningKey;
  private readonly store: CheckpointStore;
  private readonly pending = new WeakMap<QueryRunner, Appended>();
  private unwritten: Checkpoint[] = [];
  private unsent: Checkpoint[] = [];
  private writing: Promise<void> = Promise.resolve();
  private lastSigned: Checkpoint | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.key = loadSigningKey(config.audit);
    if (this.key.source === 'generated') {
      this.logger.log(`Generated the audit signing key ${config.audit.keyFile} (public key id ${this.key.keyId})`);
    }
    this.store = new CheckpointStore(config.audit.checkpointDir);
    dataSource.subscribers.push({
      afterTransactionCommit: (event) => this.committed(event.queryRunner),
      afterTransactionRollback: (event) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    });
    this.timer = setInterval(() => void this.tick(), config.audit.checkpointIntervalSeconds * 1000);
    this.timer.unref();
  }

  get publicKey(): { keyId: string; pem: string; object: KeyObject } {
    return { keyId: this.key.keyId, pem: this.key.publicKeyPem, object: this.key.publicKey };
  }

  get directory(): string {
    return this.store.dir;
  }

  // An append must belong to a transaction: the chain's lock is held until that transaction ends.
  assertInTransaction(manager: EntityManager): void {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('The audit chain is only appended to inside a transaction');
    }
  }

  noteAppended(manager: EntityManager, appended: Appended): void {
    const runner = manager.queryRunner!;
    const earlier = this.pending.get(runner);
    this.pending.set(runner, earlier ? { ...appended, from: earlier.from } : appended);
  }

  private async committed(runner: QueryRunner): Promise<void> {
    if (runner.isTransactionActive) return;
    const appended = this.pending.get(runner);
    if (!appended) return;
    this.pending.delete(runner);
    await this.publish(signCheckpoint(this.key.privateKey, this.key.keyId, { ...appended, at: this.clock.now() }));
  }

  // Never throws: the transaction has committed, so a failed write is kept and retried instead.
  private publish(checkpoint: Checkpoint): Promise<void> {
    if (!this.lastSigned || checkpoint.seq > this.lastSigned.seq) this.lastSigned = checkpoint;
    if (this.config.audit.checkpointUrl) {
      this.unsent.push(checkpoint);
      void this.send();
    }
    this.unwritten.push(checkpoint);
    this.writing = this.writing.then(() => this.write('not written yet'));
    return this.writing;
  }

  // Writes every checkpoint signed so far in one append: the commits that came while the last append ran are written
  // together, instead of each waiting for the file writes of all those before it.
  private async write(failure: string): Promise<void> {
    if (!this.unwritten.length) return;
    const batch = this.unwritten;
    this.unwritten = [];
    try {
      await this.store.append(batch);
    } catch (error) {
      this.unwritten = [...batch, ...this.unwritten];
      this.logger.error(`Audit checkpoint #${batch[batch.length - 1].seq} ${failure}: ${(error as Error).message}`);
    }
  }

  private sending = false;

  private async send(): Promise<void> {
    const url = this.config.audit.checkpointUrl;
    if (!url || this.sending) return;
    this.sending = true;
    try {
      while (this.unsent.length) {
        const batch = this.unsent.slice(0, 100);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ checkpoints: batch }),
          signal: AbortSignal.timeout(5000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.unsent = this.unsent.slice(batch.length);
      }
    } catch (error) {
      this.logger.warn(`Audit checkpoints not delivered to ${url} yet: ${(error as Error).message}`);
    } finally {
      this.sending = false;
    }
  }

  private async tick(): Promise<void> {
    if (this.unwritten.length) this.writing = this.writing.then(() => this.write('still not written'));
    await this.send();
    await this.checkHead();
  }

  // A cheap watch between full verifications: the row this process last signed must still be there, unchanged.
  private async checkHead(): Promise<void> {
    const signed = this.lastSigned;
    if (!signed || !this.dataSource.isInitialized) return;
    try {
      const rows: { hash: string }[] = await this.dataSource.query('SELECT hash FROM audit_log WHERE seq = $1', [
        signed.seq,
      ]);
      if (rows[0]?.hash !== signed.hash) {
        this.logger.error(
          `Audit row #${signed.seq} no longer matches the checkpoint signed at ${signed.at}: run npm run audit:verify`,
        );
      }
    } catch (error) {
      this.logger.warn(`Audit head check skipped: ${(error as Error).message}`);
    }
  }

  // Every stored checkpoint, its signature checked against this service's key.
  async load(): Promise<LoadedCheckpoints> {
    const trusted = new Map([[this.key.keyId, this.key.publicKey]]);
    const valid: Checkpoint[] = [];
    const invalid: LoadedCheckpoints['invalid'] = [];
    for (const line of await this.store.readLines()) {
      const parsed = readCheckpoint(line, trusted);
      if (parsed.ok) valid.push(parsed.checkpoint);
      else invalid.push({ seq: parsed.seq, reason: parsed.reason });
    }
    return { index: new CheckpointIndex(valid), count: valid.length, invalid };
  }

  // Signs the current head on an operator's word, for a chain written before checkpoints existed.
  async adopt(head: { seq: number; hash: string }): Promise<Checkpoint> {
    const checkpoint = signCheckpoint(this.key.privateKey, this.key.keyId, { from: 1, ...head, at: this.clock.now() });
    await this.publish(checkpoint);
    return checkpoint;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
    await this.send();
  }
}
