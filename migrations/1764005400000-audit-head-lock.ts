import type { MigrationInterface, QueryRunner } from 'typeorm';

// An append to the audit chain takes the chain's lock and then reads its head. As two statements, the lock was held
// across a round trip to a busy API process and back before the append could even be hashed. One call does both:
// in a volatile function each statement takes its own snapshot (under READ COMMITTED), so the head is read after the
// lock is granted and sees every append committed while it waited. Other isolation levels get only the lock, and the
// caller reads the committed head on a connection of its own, as before.
export class AuditHeadLock1764005400000 implements MigrationInterface {
  name = 'AuditHeadLock1764005400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_chain_lock_head(lock_key bigint, OUT isolation text, OUT seq bigint, OUT hash text)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        isolation := current_setting('transaction_isolation');
        IF isolation = 'read committed' THEN
          SELECT a.seq, a.hash INTO seq, hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_chain_lock_head(bigint)`);
  }
}
