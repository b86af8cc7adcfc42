import type { MigrationInterface, QueryRunner } from 'typeorm';

// The pipeline's records: stage history, idempotency keys, team ballots, camp council decisions, frozen lists with
// their sources, submissions and dispositions, appraisal findings and opinions, explanatory reports, the President's
// decisions and certificates. Records that are evidence are append-only, enforced by the database.
const APPEND_ONLY = [
  'workflow_history',
  'team_meetings',
  'ballot_results',
  'list_snapshots',
  'list_entries',
  'list_sources',
  'list_submissions',
  'list_dispositions',
  'explanatory_reports',
  'president_decisions',
];

export class Workflow1764000200000 implements MigrationInterface {
  name = 'Workflow1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_history (
        id bigint GENERATED ALWAYS AS IDENTITY,
        dossier_id uuid NOT NULL,
        round_id uuid NOT NULL,
        event text NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        version_read integer NOT NULL,
        version_written integer NOT NULL,
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        actor_unit_id uuid NOT NULL,
        reason_code text NULL,
        reason text NULL,
        list_id uuid NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_workflow_history PRIMARY KEY (id),
        CONSTRAINT fk_workflow_history_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_workflow_history_actor FOREIGN KEY (actor_id) REFERENCES users (id),
        CONSTRAINT ck_workflow_history_versions CHECK (version_written = version_read + 1)
      )`);
    await q.query(`CREATE INDEX ix_workflow_history_dossier ON workflow_history (dossier_id, id)`);
    await q.query(`CREATE INDEX ix_workflow_history_unit_event ON workflow_history (actor_unit_id, event, dossier_id)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        scope text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NULL,
        response jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key),
        CONSTRAINT fk_idempotency_keys_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_idempotency_keys_key CHECK (length(key) BETWEEN 8 AND 200)
      )`);

    await q.query(`
      CREATE TABLE team_meetings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        team_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        meeting_date date NOT NULL,
        officer_id uuid NOT NULL,
        members_present integer NOT NULL,
        members_absent integer NOT NULL,
        absentees jsonb NOT NULL DEFAULT '[]'::jsonb,
        ballots_issued integer NOT NULL,
        ballots_returned integer NOT NULL,
        ballots_valid integer NOT NULL,
        ballots_invalid integer NOT NULL,
        threshold jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_team_meetings PRIMARY KEY (id),
        CONSTRAINT fk_team_meetings_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_team_meetings_team FOREIGN KEY (team_id) REFERENCES org_units (id),
        CONSTRAINT fk_team_meetings_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_team_meetings_officer FOREIGN KEY (officer_id) REFERENCES users (id),
        CONSTRAINT ck_team_meetings_counts CHECK (members_present >= 0 AND members_absent >= 0 AND ballots_invalid >= 0
          AND ballots_valid >= 0 AND ballots_issued <= members_present AND ballots_returned <= ballots_issued
          AND ballots_valid + ballots_invalid = ballots_returned)
      )`);
    await q.query(`CREATE INDEX ix_team_meetings_team ON team_meetings (team_id, meeting_date)`);
    // Totals only: there is deliberately no column that could name a voter.
    await q.query(`
      CREATE TABLE ballot_results (
        meeting_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        position integer NOT NULL,
        votes_for integer NOT NULL,
        votes_against integer NOT NULL,
        votes_blank integer NOT NULL,
        passed boolean NOT NULL,
        officer_opinion text NOT NULL,
        CONSTRAINT pk_ballot_results PRIMARY KEY (meeting_id, dossier_id),
        CONSTRAINT uq_ballot_results_dossier UNIQUE (dossier_id),
        CONSTRAINT fk_ballot_results_meeting FOREIGN KEY (meeting_id) REFERENCES team_meetings (id),
        CONSTRAINT fk_ballot_results_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT ck_ballot_results_votes CHECK (votes_for >= 0 AND votes_against >= 0 AND votes_blank >= 0)
      )`);

    await q.query(`
      CREATE TABLE camp_council_decisions (
        dossier_id uuid NOT NULL,
        round_id uuid NOT NULL,
        eligible boolean NOT NULL,
        reason_code text NULL,
        reason text NULL,
        engine_outcome text NULL,
        engine_result_id uuid NULL,
        departs boolean NOT NULL,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_camp_council_decisions PRIMARY KEY (dossier_id),
        CONSTRAINT fk_camp_council_decisions_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_camp_council_decisions_result FOREIGN KEY (engine_result_id) REFERENCES eligibility_results (id),
        CONSTRAINT fk_camp_council_decisions_user FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_camp_council_decisions_reason CHECK (eligible OR reason_code IS NOT NULL),
        CONSTRAINT ck_camp_council_decisions_departure CHECK (NOT departs OR length(coalesce(reason, '')) >= 5)
      )`);

    await q.query(`
      CREATE TABLE list_snapshots (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        code text NOT NULL,
        kind text NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        owner_unit_id uuid NOT NULL,
        recipient_unit_id uuid NULL,
        entry_count integer NOT NULL,
        content_hash text NOT NULL,
        posted_on date NULL,
        explanatory_report_id uuid NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_list_snapshots PRIMARY KEY (id),
        CONSTRAINT uq_list_snapshots_code UNIQUE (round_id, code),
        CONSTRAINT fk_list_snapshots_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_list_snapshots_owner FOREIGN KEY (owner_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_list_snapshots_recipient FOREIGN KEY (recipient_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_list_snapshots_creator FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_list_snapshots_kind CHECK (kind IN ('CAMP_ELIGIBLE','CAMP_INELIGIBLE','RESUBMISSION','DEPARTMENT',
          'MINISTRY','APPRAISAL','STANDING_BODY','COUNCIL_ELIGIBLE','COUNCIL_INELIGIBLE','PRESIDENT_DECISION'))
      )`);
    await q.query(`CREATE INDEX ix_list_snapshots_recipient ON list_snapshots (recipient_unit_id, to_stage)`);
    await q.query(`
      CREATE TABLE list_entries (
        list_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        position integer NOT NULL,
        dossier_version integer NOT NULL,
        content_hash text NOT NULL,
        full_name text NOT NULL,
        facility_id uuid NOT NULL,
        reason_code text NULL,
        reason text NULL,
        CONSTRAINT pk_list_entries PRIMARY KEY (list_id, dossier_id),
        CONSTRAINT uq_list_entries_position UNIQUE (list_id, position),
        CONSTRAINT fk_list_entries_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_list_entries_version FOREIGN KEY (dossier_id, dossier_version) REFERENCES dossier_versions (dossier_id, version)
      )`);
    await q.query(`CREATE INDEX ix_list_entries_dossier ON list_entries (dossier_id)`);
    await q.query(`
      CREATE TABLE list_sources (
        list_id uuid NOT NULL,
        source_list_id uuid NOT NULL,
        CONSTRAINT pk_list_sources PRIMARY KEY (list_id, source_list_id),
        CONSTRAINT fk_list_sources_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_list_sources_source FOREIGN KEY (source_list_id) REFERENCES list_snapshots (id)
      )`);
    await q.query(`
      CREATE TABLE list_submissions (
        list_id uuid NOT NULL,
        recipient_unit_id uuid NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_list_submissions PRIMARY KEY (list_id),
        CONSTRAINT fk_list_submissions_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_list_submissions_recipient FOREIGN KEY (recipient_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_list_submissions_user FOREIGN KEY (submitted_by) REFERENCES users (id)
      )`);
    await q.query(`
      CREATE TABLE list_dispositions (
        list_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        disposition text NOT NULL,
        reason_code text NULL,
        reason text NULL,
        outgoing_list_id uuid NULL,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_list_dispositions PRIMARY KEY (list_id, dossier_id),
        CONSTRAINT fk_list_dispositions_entry FOREIGN KEY (list_id, dossier_id) REFERENCES list_entries (list_id, dossier_id),
        CONSTRAINT fk_list_dispositions_outgoing FOREIGN KEY (outgoing_list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_list_dispositions_user FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_list_dispositions_kind CHECK (disposition IN ('forwarded','removed','sent_back')),
        CONSTRAINT ck_list_dispositions_forwarded CHECK ((disposition = 'forwarded') = (outgoing_list_id IS NOT NULL)),
        CONSTRAINT ck_list_dispositions_removed CHECK (disposition <> 'removed' OR reason_code IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE appraisal_flags (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        dossier_version integer NOT NULL,
        agency text NOT NULL,
        field text NOT NULL,
        kind text NOT NULL,
        message text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        resolution text NULL,
        raised_by uuid NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        resolved_by uuid NULL,
        resolved_at timestamptz NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_appraisal_flags PRIMARY KEY (id),
        CONSTRAINT fk_appraisal_flags_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_appraisal_flags_raised_by FOREIGN KEY (raised_by) REFERENCES users (id),
        CONSTRAINT fk_appraisal_flags_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id),
        CONSTRAINT ck_appraisal_flags_kind CHECK (kind IN ('content','form')),
        CONSTRAINT ck_appraisal_flags_status CHECK (status IN ('open','accepted','rejected')),
        CONSTRAINT ck_appraisal_flags_rejection CHECK (status <> 'rejected' OR length(coalesce(resolution, '')) >= 5)
      )`);
    await q.query(`CREATE INDEX ix_appraisal_flags_dossier ON appraisal_flags (dossier_id, status)`);
    await q.query(`
      CREATE TABLE appraisal_opinions (
        dossier_id uuid NOT NULL,
        agency text NOT NULL,
        round_id uuid NOT NULL,
        opinion text NOT NULL,
        note text NULL,
        given_by uuid NOT NULL,
        given_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_appraisal_opinions PRIMARY KEY (dossier_id, agency),
        CONSTRAINT fk_appraisal_opinions_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_appraisal_opinions_user FOREIGN KEY (given_by) REFERENCES users (id),
        CONSTRAINT ck_appraisal_opinions_opinion CHECK (opinion IN ('agree','disagree','needs_supplement'))
      )`);
    await q.query(`
      CREATE TABLE explanatory_reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        items jsonb NOT NULL,
        dossier_ids uuid[] NOT NULL,
        content_hash text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_explanatory_reports PRIMARY KEY (id),
        CONSTRAINT fk_explanatory_reports_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_explanatory_reports_user FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await q.query(
      `ALTER TABLE list_snapshots ADD CONSTRAINT fk_list_snapshots_report FOREIGN KEY (explanatory_report_id) REFERENCES explanatory_reports (id)`,
    );

    await q.query(`
      CREATE TABLE president_decisions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        number text NOT NULL,
        decision_date date NOT NULL,
        council_list_id uuid NOT NULL,
        list_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_president_decisions PRIMARY KEY (id),
        CONSTRAINT uq_president_decisions_number UNIQUE (round_id, number),
        CONSTRAINT fk_president_decisions_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_president_decisions_council_list FOREIGN KEY (council_list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_president_decisions_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_president_decisions_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`
      CREATE TABLE amnesty_certificates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        number text NOT NULL,
        facility_id uuid NOT NULL,
        released_on date NULL,
        issued_by uuid NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_amnesty_certificates PRIMARY KEY (id),
        CONSTRAINT uq_amnesty_certificates_dossier UNIQUE (dossier_id),
        CONSTRAINT uq_amnesty_certificates_number UNIQUE (decision_id, number),
        CONSTRAINT fk_amnesty_certificates_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_amnesty_certificates_decision FOREIGN KEY (decision_id) REFERENCES president_decisions (id),
        CONSTRAINT fk_amnesty_certificates_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_amnesty_certificates_user FOREIGN KEY (issued_by) REFERENCES users (id),
        CONSTRAINT ck_amnesty_certificates_issue CHECK ((released_on IS NULL) = (issued_by IS NULL))
      )`);

    await q.query(`
      CREATE FUNCTION workflow_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER trg_${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION workflow_refuse_change()`);
      await q.query(`CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION workflow_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'amnesty_certificates',
      'president_decisions',
      'list_dispositions',
      'list_submissions',
      'list_sources',
      'list_entries',
      'list_snapshots',
      'explanatory_reports',
      'appraisal_opinions',
      'appraisal_flags',
      'camp_council_decisions',
      'ballot_results',
      'team_meetings',
      'idempotency_keys',
      'workflow_history',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION workflow_refuse_change()`);
  }
}
