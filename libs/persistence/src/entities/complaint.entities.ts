import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The informant's identity and contact (举报人信息): read only through ComplaintReadService, audited. */
export interface InformantRecord {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * 投诉举报 (12350): one per complaint case. The informant lives here and never on the case row, a
 * task or a document, so the generic case and task endpoints cannot carry it.
 */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'tracking_code' }) trackingCode!: string;
  /** SHA-256 of the secret given to the informant once; the secret itself is never stored. */
  @Column({ name: 'secret_hash', type: 'char', length: 64, select: false }) secretHash!: string;
  @Column() channel!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  /** The officer who registered a phone, letter or in-person complaint; null when filed online. */
  @Column({ name: 'registered_by', type: 'uuid', nullable: true }) registeredBy!: string | null;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'received_by_department_id', type: 'uuid' }) receivedByDepartmentId!: string;
  @Column() description!: string;
  @Column() place!: string;
  @Column({ name: 'enterprise_text', type: 'varchar', nullable: true }) enterpriseText!: string | null;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'sector_code', type: 'varchar', nullable: true }) sectorCode!: string | null;
  @Column() anonymous!: boolean;
  @Column({ type: 'jsonb', select: false }) informant!: InformantRecord;
  @Column({ name: 'handler_ids', type: 'uuid', array: true }) handlerIds!: string[];
  @Column() status!: string;
  @Column({ type: 'jsonb', nullable: true }) acceptance!: Record<string, unknown> | null;
  @Column({ type: 'jsonb' }) transfers!: Array<Record<string, unknown>>;
  /** The complaint about the same matter this duplicate was merged into (合并办理). */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  /** The inspection opened from 核查, which the complaint followed. */
  @Column({ name: 'inspection_case_id', type: 'uuid', nullable: true }) inspectionCaseId!: string | null;
  @Column({ name: 'penalty_case_id', type: 'uuid', nullable: true }) penaltyCaseId!: string | null;
  @Column({ name: 'verified_true', type: 'boolean', nullable: true }) verifiedTrue!: boolean | null;
  @Column({ name: 'verified_grade', type: 'varchar', nullable: true }) verifiedGrade!: string | null;
  @Column({ type: 'text', nullable: true }) findings!: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) result!: string | null;
  @Column({ name: 'result_at', type: 'timestamptz', nullable: true }) resultAt!: Date | null;
  /** What the informant reads with the tracking code and secret. */
  @Column({ type: 'text', nullable: true }) feedback!: string | null;
  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true }) feedbackAt!: Date | null;
  @Column({ name: 'feedback_on_time', type: 'boolean', nullable: true }) feedbackOnTime!: boolean | null;
  @Column({ name: 'reward_status', type: 'varchar', nullable: true }) rewardStatus!: string | null;
  @Column({ name: 'reward_amount_yuan', type: 'numeric', precision: 14, scale: 2, nullable: true })
  rewardAmountYuan!: string | null;
  @Column({ name: 'reward_paid_at', type: 'timestamptz', nullable: true }) rewardPaidAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Per-department overrides of the complaint policy (DEFAULT_COMPLAINT_POLICY applies to the rest). */
@Entity('complaint_policies')
export class ComplaintPolicyEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'jsonb' }) overrides!: Record<string, unknown>;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const COMPLAINT_ENTITIES = [ComplaintEntity, ComplaintPolicyEntity];
