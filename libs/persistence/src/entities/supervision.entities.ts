import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A milestone of a supervision item as stored: its date and how it was checked. */
export interface MilestoneRecord {
  index: number;
  title: string;
  dueDate: string;
  outcome: 'MET' | 'SUMMONED' | null;
  note: string | null;
  checkedAt: string | null;
  summonsCaseId: string | null;
}

/** One round of the completion: the lead's proposal and the issuer's decision. */
export interface CompletionRecord {
  round: number;
  stage: 'PROPOSED' | 'RETURNED' | 'ACCEPTED';
  note: string | null;
  by: string;
  at: string;
}

/** 督办: one per supervision case (case_type SUPERVISION). */
@Entity('supervision_items')
export class SupervisionItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'issuer_department_id', type: 'uuid' }) issuerDepartmentId!: string;
  @Column({ name: 'lead_department_id', type: 'uuid' }) leadDepartmentId!: string;
  @Column({ name: 'co_responsible_department_ids', type: 'uuid', array: true }) coResponsibleDepartmentIds!: string[];
  @Column() title!: string;
  @Column() description!: string;
  @Column({ name: 'basis_kind' }) basisKind!: string;
  @Column({ name: 'basis_reference' }) basisReference!: string;
  @Column({ name: 'basis_case_id', type: 'uuid', nullable: true }) basisCaseId!: string | null;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) deadline!: string;
  @Column() frequency!: string;
  @Column({ type: 'jsonb' }) milestones!: MilestoneRecord[];
  @Column({ type: 'jsonb' }) completion!: CompletionRecord[];
  @Column() status!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One department's progress report of one period. */
@Entity('supervision_reports')
export class SupervisionReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'int' }) period!: number;
  @Column() progress!: string;
  @Column({ name: 'percent_complete', type: 'int' }) percentComplete!: number;
  @Column({ name: 'on_time' }) onTime!: boolean;
  @Column({ name: 'reported_by', type: 'uuid' }) reportedBy!: string;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
}

/** 约谈: one per summons case (case_type SUMMONS). The person summoned is masked in lists. */
@Entity('summonses')
export class SummonsEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'supervision_item_id', type: 'uuid', nullable: true }) supervisionItemId!: string | null;
  @Column({ name: 'milestone_index', type: 'int', nullable: true }) milestoneIndex!: number | null;
  @Column({ name: 'target_kind' }) targetKind!: string;
  @Column({ name: 'target_name' }) targetName!: string;
  @Column({ name: 'principal_name' }) principalName!: string;
  @Column() reason!: string;
  @Column() basis!: string;
  @Column({ name: 'scheduled_on', type: 'date' }) scheduledOn!: string;
  @Column({ type: 'jsonb' }) attendees!: Array<{ name: string; position: string }>;
  @Column({ name: 'held_on', type: 'date', nullable: true }) heldOn!: string | null;
  @Column({ name: 'attendees_present', type: 'jsonb', nullable: true }) attendeesPresent!: Array<{
    name: string;
    position: string;
  }> | null;
  @Column({ type: 'text', nullable: true }) minutes!: string | null;
  @Column({ type: 'jsonb', nullable: true }) publication!: Record<string, unknown> | null;
  @Column() status!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A commitment made at a summons: a tracked rectification item with its deadline and verifications. */
@Entity('summons_commitments')
export class SummonsCommitmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'summons_id', type: 'uuid' }) summonsId!: string;
  @Column({ type: 'int' }) index!: number;
  @Column() content!: string;
  @Column() responsible!: string;
  @Column({ type: 'date' }) deadline!: string;
  @Column() status!: string;
  @Column({ type: 'jsonb' }) verifications!: Array<Record<string, unknown>>;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
}

/** Per-department overrides of the supervision policy (DEFAULT_SUPERVISION_POLICY applies to the rest). */
@Entity('supervision_policies')
export class SupervisionPolicyEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'jsonb' }) overrides!: Record<string, unknown>;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const SUPERVISION_ENTITIES = [
  SupervisionItemEntity,
  SupervisionReportEntity,
  SummonsEntity,
  SummonsCommitmentEntity,
  SupervisionPolicyEntity,
];
