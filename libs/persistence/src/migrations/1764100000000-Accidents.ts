import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accident investigation (生产安全事故报告和调查处理条例) and discipline referrals (线索移交):
 * the accident record and its 补报 history, the investigation team, reports, responsible parties,
 * rectification measures, warning education, the one-year evaluation, 挂牌督办, referrals to the
 * discipline body, and near misses.
 */
export class Accidents1764100000000 implements MigrationInterface {
  name = 'Accidents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accidents (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        occurred_at timestamptz NOT NULL,
        unit_notified_at timestamptz,
        reported_at timestamptz NOT NULL,
        place varchar(300) NOT NULL,
        summary text NOT NULL,
        enterprise_id uuid REFERENCES enterprises(id),
        sector_code varchar(48) NOT NULL REFERENCES sectors(code),
        sector_class varchar(16) NOT NULL CHECK (sector_class IN ('ROAD_TRAFFIC','FIRE','OTHER')),
        region_id uuid NOT NULL REFERENCES regions(id),
        deaths integer NOT NULL CHECK (deaths >= 0),
        serious_injuries integer NOT NULL CHECK (serious_injuries >= 0),
        direct_loss_yuan numeric(16,2) NOT NULL CHECK (direct_loss_yuan >= 0),
        grade varchar(16) NOT NULL CHECK (grade IN ('GENERAL','LARGER','MAJOR','EXTRAORDINARY')),
        investigating_level varchar(16) NOT NULL CHECK (investigating_level IN ('COUNTY','CITY','PROVINCE','STATE_COUNCIL')),
        investigating_level_exact boolean NOT NULL,
        reporting_department_id uuid NOT NULL REFERENCES departments(id),
        investigating_department_id uuid NOT NULL REFERENCES departments(id),
        report_timeliness varchar(8) NOT NULL CHECK (report_timeliness IN ('ON_TIME','LATE')),
        late_by_minutes integer NOT NULL DEFAULT 0,
        reporting_flags text[] NOT NULL DEFAULT '{}',
        team_lead_id uuid REFERENCES users(id),
        procuratorate_invited boolean,
        team_formed_at timestamptz,
        policy jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accidents_occurred_idx ON accidents(occurred_at)`);
    await q.query(`CREATE INDEX accidents_investigating_idx ON accidents(investigating_department_id)`);
    await q.query(`CREATE INDEX accidents_reporting_idx ON accidents(reporting_department_id)`);
    await q.query(`
      CREATE TABLE accident_casualty_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        revision_key varchar(64) NOT NULL UNIQUE,
        deaths integer NOT NULL CHECK (deaths >= 0),
        serious_injuries integer NOT NULL CHECK (serious_injuries >= 0),
        direct_loss_yuan numeric(16,2) NOT NULL CHECK (direct_loss_yuan >= 0),
        previous_grade varchar(16) NOT NULL,
        new_grade varchar(16) NOT NULL,
        moved_from_department_id uuid REFERENCES departments(id),
        moved_to_department_id uuid REFERENCES departments(id),
        reported_by uuid NOT NULL REFERENCES users(id),
        reported_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accident_revisions_case_idx ON accident_casualty_revisions(case_id, created_at)`);
    await q.query(`
      CREATE TABLE accident_team_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        user_id uuid NOT NULL REFERENCES users(id),
        team_role varchar(16) NOT NULL CHECK (team_role IN ('LEAD','MEMBER','DISCIPLINE','POLICE','TRADE_UNION','PROCURATORATE','EXPERT')),
        department_id uuid NOT NULL REFERENCES departments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE accident_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        version integer NOT NULL CHECK (version >= 1),
        status varchar(16) NOT NULL CHECK (status IN ('SUBMITTED','RETURNED','APPROVED')),
        direct_causes text NOT NULL,
        indirect_causes text NOT NULL,
        summary text,
        education_measures text NOT NULL,
        finds_no_responsible_party boolean NOT NULL DEFAULT false,
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_comment text,
        published_at timestamptz,
        UNIQUE (case_id, version)
      )`);
    await q.query(
      `CREATE INDEX accident_reports_published_idx ON accident_reports(published_at DESC) WHERE published_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE accident_responsible_parties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        report_version integer NOT NULL,
        seq integer NOT NULL,
        kind varchar(24) NOT NULL CHECK (kind IN ('ENTERPRISE','ENTERPRISE_STAFF','PUBLIC_OFFICIAL')),
        name varchar(200) NOT NULL,
        enterprise_id uuid REFERENCES enterprises(id),
        organisation varchar(200),
        position varchar(200),
        id_number varchar(18),
        responsibility text NOT NULL,
        proposed_handling varchar(32) NOT NULL,
        handling_detail text,
        outcome varchar(40) NOT NULL DEFAULT 'PENDING',
        outcome_detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        outcome_recorded_at timestamptz,
        linked_case_id uuid REFERENCES cases(id),
        UNIQUE (case_id, report_version, seq)
      )`);
    await q.query(`
      CREATE TABLE accident_rectification_measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        report_version integer NOT NULL,
        seq integer NOT NULL,
        description text NOT NULL,
        owner varchar(200) NOT NULL,
        due_date date NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('OPEN','EVIDENCE_SUBMITTED','VERIFIED','REOPENED')),
        round integer NOT NULL DEFAULT 1,
        evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
        evidence_by uuid REFERENCES users(id),
        evidence_at timestamptz,
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        UNIQUE (case_id, report_version, seq)
      )`);
    await q.query(`
      CREATE TABLE accident_education_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES accidents(case_id),
        held_on date NOT NULL,
        topic varchar(300) NOT NULL,
        location varchar(300),
        attendees jsonb NOT NULL,
        attendee_count integer NOT NULL CHECK (attendee_count > 0),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accident_education_case_idx ON accident_education_sessions(case_id)`);
    await q.query(`
      CREATE TABLE accident_evaluations (
        case_id uuid PRIMARY KEY REFERENCES accidents(case_id),
        opened_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        team_ids uuid[] NOT NULL DEFAULT '{}',
        findings text,
        slipped_measure_ids uuid[] NOT NULL DEFAULT '{}',
        published_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE accident_supervised_listings (
        case_id uuid PRIMARY KEY REFERENCES accidents(case_id),
        listed_by uuid NOT NULL REFERENCES users(id),
        listed_by_department_id uuid NOT NULL REFERENCES departments(id),
        notice_no varchar(64) NOT NULL,
        listed_on date NOT NULL,
        deadline_days integer NOT NULL,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE discipline_referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_case_id uuid NOT NULL REFERENCES cases(id),
        source_party_id uuid REFERENCES accident_responsible_parties(id),
        referral_case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        workflow_id varchar(128) NOT NULL UNIQUE,
        sender_department_id uuid NOT NULL REFERENCES departments(id),
        receiving_department_id uuid NOT NULL REFERENCES departments(id),
        subject_name varchar(200) NOT NULL,
        subject_position varchar(200),
        subject_organisation varchar(200),
        allegation text NOT NULL,
        evidence jsonb NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('SENT','ACKNOWLEDGED','ANSWERED')),
        sent_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id),
        result_outcome varchar(40),
        result_summary text,
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id),
        created_by uuid NOT NULL REFERENCES users(id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX discipline_referrals_party_idx ON discipline_referrals(source_case_id, source_party_id) WHERE source_party_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX discipline_referrals_receiver_idx ON discipline_referrals(receiving_department_id, sent_at DESC)`,
    );
    await q.query(
      `CREATE INDEX discipline_referrals_sender_idx ON discipline_referrals(sender_department_id, sent_at DESC)`,
    );
    await q.query(`
      CREATE TABLE near_misses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('NEAR_MISS','INJURY_ONLY')),
        occurred_at timestamptz NOT NULL,
        place varchar(300) NOT NULL,
        sector_code varchar(48) NOT NULL REFERENCES sectors(code),
        cause_category varchar(64) NOT NULL,
        description text NOT NULL,
        minor_injuries integer NOT NULL DEFAULT 0 CHECK (minor_injuries >= 0),
        enterprise_id uuid REFERENCES enterprises(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX near_misses_department_idx ON near_misses(department_id, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'near_misses',
      'discipline_referrals',
      'accident_supervised_listings',
      'accident_evaluations',
      'accident_education_sessions',
      'accident_rectification_measures',
      'accident_responsible_parties',
      'accident_reports',
      'accident_team_members',
      'accident_casualty_revisions',
      'accidents',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
