import type { MigrationInterface, QueryRunner } from 'typeorm';

// Organisation, accounts, rounds, dossiers with their child rows, immutable dossier versions, eligibility results
// and the hash-chained audit log. Hand-written so every constraint and index has a stable name.
export class CoreSchema1764000000000 implements MigrationInterface {
  name = 'CoreSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        parent_id uuid NULL,
        path text NOT NULL,
        ministry text NULL,
        department_kind text NULL,
        facility_kind text NULL,
        body_kind text NULL,
        place text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_org_units PRIMARY KEY (id),
        CONSTRAINT uq_org_units_code UNIQUE (code),
        CONSTRAINT fk_org_units_parent FOREIGN KEY (parent_id) REFERENCES org_units (id),
        CONSTRAINT ck_org_units_kind CHECK (kind IN ('MINISTRY','DEPARTMENT','FACILITY','SUB_CAMP','TEAM','NATIONAL_BODY')),
        CONSTRAINT ck_org_units_ministry CHECK (ministry IS NULL OR ministry IN ('CONG_AN','QUOC_PHONG')),
        CONSTRAINT ck_org_units_department_kind CHECK (department_kind IS NULL OR department_kind IN
          ('C10','C01','A09','PROVINCIAL_POLICE','MOD_CID','MILITARY_REGION')),
        CONSTRAINT ck_org_units_facility_kind CHECK (facility_kind IS NULL OR facility_kind IN
          ('MPS_PRISON','MPS_DETENTION_C01','MPS_DETENTION_A09','PROVINCIAL_DETENTION','MOD_PRISON','MILITARY_REGION_CAMP')),
        CONSTRAINT ck_org_units_facility_has_kind CHECK ((kind = 'FACILITY') = (facility_kind IS NOT NULL)),
        CONSTRAINT ck_org_units_body_kind CHECK (body_kind IS NULL OR body_kind IN
          ('APPRAISAL_TEAM','COUNCIL_STANDING','COUNCIL','PRESIDENT_OFFICE','ADMINISTRATION'))
      )`);
    await q.query(`CREATE INDEX ix_org_units_parent ON org_units (parent_id)`);
    await q.query(`CREATE INDEX ix_org_units_path ON org_units (path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL,
        org_unit_id uuid NOT NULL,
        agency text NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT fk_users_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id),
        CONSTRAINT ck_users_role CHECK (role IN ('TEAM_OFFICER','CAMP_COUNCIL_MEMBER','WARDEN','DEPARTMENT_OFFICER',
          'MINISTRY_OFFICER','APPRAISER','COUNCIL_STANDING_OFFICER','COUNCIL_MEMBER','ADMIN')),
        CONSTRAINT ck_users_agency CHECK (agency IS NULL OR agency IN ('CONG_AN','QUOC_PHONG','TAND_TOI_CAO',
          'VKSND_TOI_CAO','MTTQ','VAN_PHONG_CTN','VAN_PHONG_CP','BO_TU_PHAP','BO_NGOAI_GIAO')),
        CONSTRAINT ck_users_appraiser_agency CHECK (role <> 'APPRAISER' OR agency IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_users_org_unit ON users (org_unit_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        CONSTRAINT pk_sessions PRIMARY KEY (id),
        CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE rounds (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        rule_pack text NOT NULL,
        decision_number text NOT NULL,
        decision_date date NOT NULL,
        guidance_ref text NULL,
        cutoff_date date NOT NULL,
        parameters jsonb NOT NULL,
        deadlines jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'OPEN',
        posted_at date NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rounds PRIMARY KEY (id),
        CONSTRAINT uq_rounds_code UNIQUE (code),
        CONSTRAINT ck_rounds_rule_pack CHECK (rule_pack IN ('decree-76-2008','law-30-2018')),
        CONSTRAINT ck_rounds_status CHECK (status IN ('DRAFT','OPEN','CLOSED'))
      )`);

    await q.query(`
      CREATE TABLE dossiers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        team_id uuid NULL,
        inmate_number text NOT NULL,
        status text NOT NULL,
        full_name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        birth_date text NOT NULL,
        sex text NOT NULL,
        ethnicity text NOT NULL,
        nationality text NOT NULL,
        id_number text NULL,
        registered_residence jsonb NOT NULL,
        residence_after_release jsonb NOT NULL,
        sentence_kind text NOT NULL,
        sentence_years integer NULL,
        sentence_months integer NULL,
        sentence_days integer NULL,
        commutation jsonb NULL,
        drug_use_evidence boolean NOT NULL DEFAULT false,
        earlier_amnesty jsonb NULL,
        pending_prosecution boolean NOT NULL DEFAULT false,
        pending_protest jsonb NULL,
        post_quarter_evaluation jsonb NULL,
        application jsonb NULL,
        commitment jsonb NULL,
        security_concern text NULL,
        stage text NOT NULL DEFAULT 'application',
        version integer NOT NULL DEFAULT 1,
        created_by uuid NULL,
        updated_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossiers PRIMARY KEY (id),
        CONSTRAINT fk_dossiers_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_dossiers_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_dossiers_team FOREIGN KEY (team_id) REFERENCES org_units (id),
        CONSTRAINT fk_dossiers_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_dossiers_updated_by FOREIGN KEY (updated_by) REFERENCES users (id),
        CONSTRAINT uq_dossiers_round_facility_inmate UNIQUE (round_id, facility_id, inmate_number),
        CONSTRAINT ck_dossiers_status CHECK (status IN ('SERVING','SUSPENDED','POSTPONED')),
        CONSTRAINT ck_dossiers_sex CHECK (sex IN ('MALE','FEMALE')),
        CONSTRAINT ck_dossiers_birth_date CHECK (birth_date ~ '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$'),
        CONSTRAINT ck_dossiers_sentence CHECK ((sentence_kind = 'LIFE' AND sentence_years IS NULL)
          OR (sentence_kind = 'FIXED' AND sentence_years >= 0 AND sentence_months BETWEEN 0 AND 11 AND sentence_days BETWEEN 0 AND 30)),
        CONSTRAINT ck_dossiers_version CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX ix_dossiers_round_stage ON dossiers (round_id, stage)`);
    await q.query(`CREATE INDEX ix_dossiers_facility ON dossiers (facility_id)`);
    await q.query(`CREATE INDEX ix_dossiers_team ON dossiers (team_id)`);
    await q.query(`CREATE INDEX ix_dossiers_full_name ON dossiers (lower(full_name))`);

    const child = (name: string, columns: string, extra = '') => `
      CREATE TABLE ${name} (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        ordinal integer NOT NULL,
        ${columns},
        CONSTRAINT pk_${name} PRIMARY KEY (id),
        CONSTRAINT fk_${name}_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE
        ${extra}
      )`;
    await q.query(
      child(
        'dossier_judgments',
        `
        number text NOT NULL, judgment_date date NOT NULL, court text NOT NULL, final_date date NULL,
        sentence jsonb NOT NULL`,
      ),
    );
    await q.query(
      child(
        'dossier_offences',
        `
        judgment_id uuid NOT NULL, article integer NOT NULL, clause integer NULL, point text NULL, chapter integer NOT NULL,
        name text NOT NULL, offence_date date NULL, intentional boolean NOT NULL, drug boolean NOT NULL,
        corruption boolean NOT NULL, national_security boolean NOT NULL, grade text NULL,
        aggravations text[] NOT NULL DEFAULT '{}', victims integer NULL, sentence jsonb NOT NULL`,
        `, CONSTRAINT fk_dossier_offences_judgment FOREIGN KEY (judgment_id) REFERENCES dossier_judgments (id) ON DELETE CASCADE,
         CONSTRAINT ck_dossier_offences_grade CHECK (grade IS NULL OR grade IN ('LESS_SERIOUS','SERIOUS','VERY_SERIOUS','ESPECIALLY_SERIOUS'))`,
      ),
    );
    await q.query(
      child(
        'dossier_intervals',
        `kind text NOT NULL, date_from date NOT NULL, date_to date NULL`,
        `, CONSTRAINT ck_dossier_intervals_kind CHECK (kind IN ('POLICE_CUSTODY','PRE_TRIAL_DETENTION','CAMP',
           'COMPULSORY_TREATMENT','BAIL','POSTPONEMENT','SUSPENSION')),
         CONSTRAINT ck_dossier_intervals_order CHECK (date_to IS NULL OR date_to >= date_from)`,
      ),
    );
    await q.query(
      child(
        'dossier_reductions',
        `
        decision_number text NOT NULL, decision_date date NOT NULL, issuer text NOT NULL,
        years integer NOT NULL, months integer NOT NULL, days integer NOT NULL`,
        `, CONSTRAINT ck_dossier_reductions_term CHECK (years >= 0 AND months >= 0 AND days >= 0)`,
      ),
    );
    await q.query(
      child(
        'dossier_conduct_ratings',
        `period text NOT NULL, rating text NOT NULL`,
        `, CONSTRAINT uq_dossier_conduct_ratings_period UNIQUE (dossier_id, period),
         CONSTRAINT ck_dossier_conduct_ratings_period CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
         CONSTRAINT ck_dossier_conduct_ratings_rating CHECK (rating IN ('TOT','KHA','TRUNG_BINH','KEM'))`,
      ),
    );
    await q.query(
      child('dossier_discipline', `record_date date NOT NULL, kind text NOT NULL, description text NOT NULL`),
    );
    await q.query(
      child(
        'dossier_prior_convictions',
        `
        judgment_number text NOT NULL, judgment_date date NOT NULL, court text NOT NULL, offence text NOT NULL,
        expunged boolean NOT NULL`,
      ),
    );
    await q.query(
      child(
        'dossier_obligations',
        `
        kind text NOT NULL, creditor text NOT NULL, amount_due bigint NOT NULL, amount_paid bigint NOT NULL, status text NOT NULL`,
        `, CONSTRAINT ck_dossier_obligations_kind CHECK (kind IN ('FINE','COURT_FEE','RESTITUTION','COMPENSATION','OTHER_CIVIL')),
         CONSTRAINT ck_dossier_obligations_creditor CHECK (creditor IN ('STATE','NON_STATE')),
         CONSTRAINT ck_dossier_obligations_status CHECK (status IN ('UNPAID','PARTIAL','PAID','EXEMPTED','WAIVED','ENFORCEMENT_TERMINATED')),
         CONSTRAINT ck_dossier_obligations_amounts CHECK (amount_due >= 0 AND amount_paid >= 0)`,
      ),
    );
    await q.query(
      child(
        'dossier_enforcement_decisions',
        `
        obligation_id uuid NOT NULL, kind text NOT NULL, number text NULL, decision_date date NOT NULL, issuer text NOT NULL`,
        `, CONSTRAINT fk_dossier_enforcement_decisions_obligation FOREIGN KEY (obligation_id) REFERENCES dossier_obligations (id) ON DELETE CASCADE,
         CONSTRAINT ck_dossier_enforcement_decisions_kind CHECK (kind IN ('RECEIPT','EXEMPTION','TERMINATION',
           'NOT_YET_ENFORCEABLE','CREDITOR_WAIVER','POSTPONEMENT_AGREEMENT'))`,
      ),
    );
    await q.query(
      child(
        'dossier_special_circumstances',
        `category text NOT NULL, details jsonb NOT NULL DEFAULT '{}'::jsonb`,
        `, CONSTRAINT ck_dossier_special_circumstances_category CHECK (category IN ('MAJOR_MERIT','WAR_INVALID_OR_DECORATED',
           'SERIOUS_ILLNESS','FREQUENT_ILLNESS','SEVERE_DISABILITY','AGE_70_PLUS','UNDER_18_AT_OFFENCE',
           'FAMILY_HARDSHIP_SOLE_BREADWINNER','PREGNANT_OR_CHILD_UNDER_36_MONTHS'))`,
      ),
    );
    await q.query(
      child(
        'dossier_evidence_documents',
        `
        owner_type text NOT NULL, owner_id uuid NULL, kind text NOT NULL, number text NULL, document_date date NULL,
        issuer text NOT NULL, issuer_level text NOT NULL, readable boolean NOT NULL, note text NULL`,
        `, CONSTRAINT ck_dossier_evidence_documents_owner CHECK (owner_type IN ('CIRCUMSTANCE','PRIOR_CONVICTION','SUSPENSION')),
         CONSTRAINT ck_dossier_evidence_documents_level CHECK (issuer_level IN ('COMMUNE','DISTRICT','PROVINCE','MILITARY_REGION','CENTRAL'))`,
      ),
    );
    for (const t of [
      'judgments',
      'offences',
      'intervals',
      'reductions',
      'discipline',
      'prior_convictions',
      'obligations',
      'enforcement_decisions',
      'special_circumstances',
      'evidence_documents',
    ]) {
      await q.query(`CREATE INDEX ix_dossier_${t}_dossier ON dossier_${t} (dossier_id, ordinal)`);
    }

    await q.query(`
      CREATE TABLE dossier_versions (
        dossier_id uuid NOT NULL,
        version integer NOT NULL,
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossier_versions PRIMARY KEY (dossier_id, version),
        CONSTRAINT fk_dossier_versions_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_dossier_versions_created_by FOREIGN KEY (created_by) REFERENCES users (id)
      )`);

    await q.query(`
      CREATE TABLE screenings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED',
        total integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        error text NULL,
        requested_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        CONSTRAINT pk_screenings PRIMARY KEY (id),
        CONSTRAINT fk_screenings_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_screenings_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT ck_screenings_status CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED'))
      )`);
    await q.query(`
      CREATE TABLE eligibility_results (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        dossier_version integer NOT NULL,
        round_id uuid NOT NULL,
        screening_id uuid NULL,
        pack_id text NOT NULL,
        pack_version text NOT NULL,
        facts_hash text NOT NULL,
        outcome text NOT NULL,
        category text NULL,
        result jsonb NOT NULL,
        evaluated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_eligibility_results PRIMARY KEY (id),
        CONSTRAINT fk_eligibility_results_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_eligibility_results_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_eligibility_results_screening FOREIGN KEY (screening_id) REFERENCES screenings (id),
        CONSTRAINT ck_eligibility_results_outcome CHECK (outcome IN ('ELIGIBLE','INELIGIBLE','NEEDS_REVIEW'))
      )`);
    await q.query(
      `CREATE INDEX ix_eligibility_results_dossier_latest ON eligibility_results (dossier_id, evaluated_at DESC)`,
    );

    await q.query(`
      CREATE TABLE audit_log (
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb NULL,
        after jsonb NULL,
        reason text NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT pk_audit_log PRIMARY KEY (seq),
        CONSTRAINT uq_audit_log_hash UNIQUE (hash)
      )`);
    await q.query(`CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id)`);
    // The history is append-only: the database itself refuses to rewrite or remove it.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER trg_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    for (const t of [
      'eligibility_results',
      'screenings',
      'dossier_versions',
      'dossier_evidence_documents',
      'dossier_special_circumstances',
      'dossier_enforcement_decisions',
      'dossier_obligations',
      'dossier_prior_convictions',
      'dossier_discipline',
      'dossier_conduct_ratings',
      'dossier_reductions',
      'dossier_intervals',
      'dossier_offences',
      'dossier_judgments',
      'dossiers',
      'rounds',
      'sessions',
      'users',
      'org_units',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
