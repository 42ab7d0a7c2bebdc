import type { AccidentGrade } from '@safety/domain/accident/grading';
import type { PartyKind, ProposedHandling, RectificationStatus } from '@safety/domain/accident/proposals';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** numeric → number (amounts in yuan with 2 decimals fit a double exactly enough for reporting). */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One row per accident case (cases.case_type = 'ACCIDENT'): the report as received and its current grading. */
@Entity('accidents')
export class AccidentEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'unit_notified_at', type: 'timestamptz', nullable: true }) unitNotifiedAt!: Date | null;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
  @Column() place!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'sector_code' }) sectorCode!: string;
  @Column({ name: 'sector_class' }) sectorClass!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ type: 'integer' }) deaths!: number;
  @Column({ name: 'serious_injuries', type: 'integer' }) seriousInjuries!: number;
  @Column({ name: 'direct_loss_yuan', type: 'numeric', transformer: numeric }) directLossYuan!: number;
  @Column({ type: 'varchar' }) grade!: AccidentGrade;
  @Column({ name: 'investigating_level' }) investigatingLevel!: string;
  @Column({ name: 'investigating_level_exact' }) investigatingLevelExact!: boolean;
  @Column({ name: 'reporting_department_id', type: 'uuid' }) reportingDepartmentId!: string;
  @Column({ name: 'investigating_department_id', type: 'uuid' }) investigatingDepartmentId!: string;
  @Column({ name: 'report_timeliness' }) reportTimeliness!: 'ON_TIME' | 'LATE';
  @Column({ name: 'late_by_minutes', type: 'integer' }) lateByMinutes!: number;
  @Column({ name: 'reporting_flags', type: 'text', array: true }) reportingFlags!: string[];
  @Column({ name: 'team_lead_id', type: 'uuid', nullable: true }) teamLeadId!: string | null;
  @Column({ name: 'procuratorate_invited', type: 'boolean', nullable: true }) procuratorateInvited!: boolean | null;
  @Column({ name: 'team_formed_at', type: 'timestamptz', nullable: true }) teamFormedAt!: Date | null;
  @Column({ name: 'policy', type: 'jsonb' }) policy!: Record<string, unknown>;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** 补报 (条例 Art.13): each casualty revision with the grade before and after. */
@Entity('accident_casualty_revisions')
export class AccidentCasualtyRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'revision_key' }) revisionKey!: string;
  @Column({ type: 'integer' }) deaths!: number;
  @Column({ name: 'serious_injuries', type: 'integer' }) seriousInjuries!: number;
  @Column({ name: 'direct_loss_yuan', type: 'numeric', transformer: numeric }) directLossYuan!: number;
  @Column({ name: 'previous_grade' }) previousGrade!: string;
  @Column({ name: 'new_grade' }) newGrade!: string;
  @Column({ name: 'moved_from_department_id', type: 'uuid', nullable: true }) movedFromDepartmentId!: string | null;
  @Column({ name: 'moved_to_department_id', type: 'uuid', nullable: true }) movedToDepartmentId!: string | null;
  /** The officer who entered it, and when. */
  @Column({ name: 'reported_by', type: 'uuid' }) reportedBy!: string;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
  /** The day the agency received it (China local date): the Art.13 window counts from it. */
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  /** The receipt (fax, signed receipt, envelope) of one received before the day it was entered. */
  @Column({ name: 'receipt_attachment_ids', type: 'jsonb', default: () => "'[]'" }) receiptAttachmentIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('accident_team_members')
export class AccidentTeamMemberEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'team_role' }) teamRole!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('accident_reports')
export class AccidentReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column() status!: 'SUBMITTED' | 'RETURNED' | 'APPROVED';
  @Column({ name: 'direct_causes', type: 'text' }) directCauses!: string;
  @Column({ name: 'indirect_causes', type: 'text' }) indirectCauses!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ name: 'education_measures', type: 'text' }) educationMeasures!: string;
  @Column({ name: 'finds_no_responsible_party' }) findsNoResponsibleParty!: boolean;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_comment', type: 'text', nullable: true }) decisionComment!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}

@Entity('accident_responsible_parties')
export class AccidentResponsiblePartyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'report_version', type: 'integer' }) reportVersion!: number;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar' }) kind!: PartyKind;
  @Column() name!: string;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId!: string | null;
  @Column({ type: 'varchar', nullable: true }) organisation!: string | null;
  @Column({ type: 'varchar', nullable: true }) position!: string | null;
  @Column({ name: 'id_number', type: 'varchar', nullable: true }) idNumber!: string | null;
  @Column({ type: 'text' }) responsibility!: string;
  @Column({ name: 'proposed_handling', type: 'varchar' }) proposedHandling!: ProposedHandling;
  @Column({ name: 'handling_detail', type: 'text', nullable: true }) handlingDetail!: string | null;
  @Column() outcome!: string;
  @Column({ name: 'outcome_detail', type: 'jsonb' }) outcomeDetail!: Record<string, unknown>;
  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true }) outcomeRecordedAt!: Date | null;
  @Column({ name: 'linked_case_id', type: 'uuid', nullable: true }) linkedCaseId!: string | null;
}

@Entity('accident_rectification_measures')
export class AccidentRectificationMeasureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'report_version', type: 'integer' }) reportVersion!: number;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'text' }) description!: string;
  @Column() owner!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'varchar' }) status!: RectificationStatus;
  @Column({ type: 'integer' }) round!: number;
  @Column({ type: 'jsonb' }) evidence!: Record<string, unknown>;
  @Column({ name: 'evidence_by', type: 'uuid', nullable: true }) evidenceBy!: string | null;
  @Column({ name: 'evidence_at', type: 'timestamptz', nullable: true }) evidenceAt!: Date | null;
  @Column({ name: 'verified_by', type: 'uuid', nullable: true }) verifiedBy!: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
}

/** 警示教育 sessions (四不放过: 有关人员未受到教育不放过). */
@Entity('accident_education_sessions')
export class AccidentEducationSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Column() topic!: string;
  @Column({ type: 'varchar', nullable: true }) location!: string | null;
  @Column({ type: 'jsonb' }) attendees!: Array<{ name: string; organisation?: string | null }>;
  @Column({ name: 'attendee_count', type: 'integer' }) attendeeCount!: number;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 逐级上报 (条例 Art.10–11): when a level's report was made, on the workflow's clock (one per upward-report task). */
@Entity('accident_upward_reports')
export class AccidentUpwardReportEntity {
  @PrimaryColumn({ name: 'task_key' }) taskKey!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column() chain!: string;
  @Column() level!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
  @Column({ name: 'reported_by', type: 'uuid', nullable: true }) reportedBy!: string | null;
  /** The State Council's level (条例 Art.10(1)): who received the report and how it went; null below it. */
  @Column({ type: 'varchar', nullable: true }) recipient!: string | null;
  @Column({ type: 'varchar', nullable: true }) means!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 条例 Art.10(1): a body (公安、劳动保障、工会、检察院) a department that received the report notified. */
@Entity('accident_report_notifications')
export class AccidentReportNotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column() body!: string;
  @Column({ name: 'notified_at', type: 'timestamptz' }) notifiedAt!: Date;
  @Column() means!: string;
  @Column({ type: 'varchar', nullable: true }) recipient!: string | null;
  @Column({ name: 'notified_by', type: 'uuid', nullable: true }) notifiedBy!: string | null;
  @Column({ name: 'task_key' }) taskKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Per-department overrides of the accident department policy (DEFAULT_ACCIDENT_DEPARTMENT_POLICY applies to the rest). */
@Entity('accident_department_policies')
export class AccidentDepartmentPolicyEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'jsonb' }) overrides!: Record<string, unknown>;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** What a 迟报/漏报/谎报/瞒报 flag opened (条例 Art.36): a penalty case or a discipline referral per subject. */
@Entity('accident_reporting_consequences')
export class AccidentReportingConsequenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column() flag!: string;
  @Column() target!: 'PRINCIPAL' | 'ENTERPRISE' | 'OFFICIAL';
  @Column({ name: 'subject_name' }) subjectName!: string;
  @Column({ name: 'subject_position', type: 'varchar', nullable: true }) subjectPosition!: string | null;
  @Column({ name: 'subject_organisation', type: 'varchar', nullable: true }) subjectOrganisation!: string | null;
  @Column({ name: 'legal_basis' }) legalBasis!: string;
  @Column({ name: 'link_key' }) linkKey!: string;
  @Column({ name: 'linked_case_id', type: 'uuid', nullable: true }) linkedCaseId!: string | null;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('accident_evaluations')
export class AccidentEvaluationEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @Column({ name: 'team_ids', type: 'uuid', array: true }) teamIds!: string[];
  @Column({ type: 'text', nullable: true }) findings!: string | null;
  @Column({ name: 'slipped_measure_ids', type: 'uuid', array: true }) slippedMeasureIds!: string[];
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}

/** 挂牌督办 by a higher 安委会. */
@Entity('accident_supervised_listings')
export class AccidentSupervisedListingEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'listed_by', type: 'uuid' }) listedBy!: string;
  @Column({ name: 'listed_by_department_id', type: 'uuid' }) listedByDepartmentId!: string;
  @Column({ name: 'notice_no' }) noticeNo!: string;
  @Column({ name: 'listed_on', type: 'date' }) listedOn!: string;
  @Column({ name: 'deadline_days', type: 'integer' }) deadlineDays!: number;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * A lead about a public official's misconduct handed to the discipline inspection / supervision body
 * (线索移交). Visible only to the sender department and the receiving body.
 */
@Entity('discipline_referrals')
export class DisciplineReferralEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'source_case_id', type: 'uuid' }) sourceCaseId!: string;
  @Column({ name: 'source_party_id', type: 'uuid', nullable: true }) sourcePartyId!: string | null;
  @Column({ name: 'referral_case_id', type: 'uuid' }) referralCaseId!: string;
  @Column({ name: 'workflow_id' }) workflowId!: string;
  @Column({ name: 'sender_department_id', type: 'uuid' }) senderDepartmentId!: string;
  @Column({ name: 'receiving_department_id', type: 'uuid' }) receivingDepartmentId!: string;
  @Column({ name: 'subject_name' }) subjectName!: string;
  @Column({ name: 'subject_position', type: 'varchar', nullable: true }) subjectPosition!: string | null;
  @Column({ name: 'subject_organisation', type: 'varchar', nullable: true }) subjectOrganisation!: string | null;
  @Column({ type: 'text' }) allegation!: string;
  @Column({ type: 'jsonb' }) evidence!: Record<string, unknown>;
  @Column() status!: 'SENT' | 'ACKNOWLEDGED' | 'ANSWERED';
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'result_outcome', type: 'varchar', nullable: true }) resultOutcome!: string | null;
  @Column({ name: 'result_summary', type: 'text', nullable: true }) resultSummary!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
}

/**
 * A referral proposed from any case (线索移交 from a penalty case, an inspection…): the proposing officer's
 * lead and chosen evidence, the head's decision, and the referral it became once approved.
 */
@Entity('discipline_referral_proposals')
export class DisciplineReferralProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'source_case_id', type: 'uuid' }) sourceCaseId!: string;
  @Column({ name: 'sender_department_id', type: 'uuid' }) senderDepartmentId!: string;
  @Column({ name: 'receiving_department_id', type: 'uuid' }) receivingDepartmentId!: string;
  @Column({ name: 'workflow_id' }) workflowId!: string;
  @Column({ name: 'subject_name' }) subjectName!: string;
  @Column({ name: 'subject_position' }) subjectPosition!: string;
  @Column({ name: 'subject_organisation' }) subjectOrganisation!: string;
  @Column({ type: 'text' }) allegation!: string;
  @Column({ name: 'attachment_ids', type: 'uuid', array: true }) attachmentIds!: string[];
  @Column() status!: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_comment', type: 'text', nullable: true }) decisionComment!: string | null;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId!: string | null;
}

/** Near misses and injury-only events (Lu'an plan): recorded and analysed without the investigation flow. */
@Entity('near_misses')
export class NearMissEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column() kind!: 'NEAR_MISS' | 'INJURY_ONLY';
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column() place!: string;
  @Column({ name: 'sector_code' }) sectorCode!: string;
  @Column({ name: 'cause_category' }) causeCategory!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'minor_injuries', type: 'integer' }) minorInjuries!: number;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const ACCIDENT_ENTITIES = [
  AccidentEntity,
  AccidentCasualtyRevisionEntity,
  AccidentTeamMemberEntity,
  AccidentReportEntity,
  AccidentResponsiblePartyEntity,
  AccidentRectificationMeasureEntity,
  AccidentEducationSessionEntity,
  AccidentUpwardReportEntity,
  AccidentReportNotificationEntity,
  AccidentDepartmentPolicyEntity,
  AccidentReportingConsequenceEntity,
  AccidentEvaluationEntity,
  AccidentSupervisedListingEntity,
  DisciplineReferralEntity,
  DisciplineReferralProposalEntity,
  NearMissEntity,
];
