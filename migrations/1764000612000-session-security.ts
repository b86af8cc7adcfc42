import type { MigrationInterface, QueryRunner } from 'typeorm';

// Sessions as a bank runs them: a session also ends after a period without use (last_seen_at), and failed logins
// are counted per account name and per client address so that guessing slows down and then locks out for a while.
export class SessionSecurity1764000612000 implements MigrationInterface {
  name = 'SessionSecurity1764000612000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text NOT NULL,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz NULL,
        CONSTRAINT pk_login_throttle PRIMARY KEY (key),
        CONSTRAINT ck_login_throttle_failures CHECK (failures > 0),
        CONSTRAINT ck_login_throttle_key CHECK (key ~ '^(account|address):')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`ALTER TABLE sessions DROP COLUMN last_seen_at`);
  }
}
