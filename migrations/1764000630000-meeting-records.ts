import type { MigrationInterface, QueryRunner } from 'typeorm';

// Minutes print what the meeting recorded, never a guess: the team meeting keeps its chair, secretary, place and
// starting time; the camp council's meeting (one per facility, round and day) keeps the same and who attended.
export class MeetingRecords1764000630000 implements MigrationInterface {
  name = 'MeetingRecords1764000630000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE team_meetings ADD COLUMN record jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`
      CREATE TABLE camp_council_meetings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        meeting_date date NOT NULL,
        record jsonb NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_camp_council_meetings PRIMARY KEY (id),
        CONSTRAINT uq_camp_council_meetings_day UNIQUE (round_id, facility_id, meeting_date),
        CONSTRAINT fk_camp_council_meetings_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_camp_council_meetings_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_camp_council_meetings_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE camp_council_meetings`);
    await q.query(`ALTER TABLE team_meetings DROP COLUMN record`);
  }
}
