import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 线索移交 proposed from any case (a penalty case, an inspection…): the officer's proposal, the head's
 * decision and, once approved, the referral it became. The referral itself stays in
 * `discipline_referrals` (the receiving body's inbox reads only sent referrals, never proposals).
 */
export class CaseDisciplineReferrals1765300000000 implements MigrationInterface {
  name = 'CaseDisciplineReferrals1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discipline_referral_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_case_id uuid NOT NULL REFERENCES cases(id),
        sender_department_id uuid NOT NULL REFERENCES departments(id),
        receiving_department_id uuid NOT NULL REFERENCES departments(id),
        workflow_id varchar(128) NOT NULL UNIQUE,
        subject_name varchar(200) NOT NULL,
        subject_position varchar(200) NOT NULL,
        subject_organisation varchar(200) NOT NULL,
        allegation text NOT NULL,
        attachment_ids uuid[] NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PROPOSED','APPROVED','REJECTED')),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_comment text,
        referral_id uuid UNIQUE REFERENCES discipline_referrals(id)
      )`);
    await q.query(
      `CREATE INDEX discipline_referral_proposals_case_newest_idx
         ON discipline_referral_proposals (source_case_id, proposed_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE discipline_referral_proposals`);
  }
}
