import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_type' }) caseType!: string;
  @Column({ name: 'reference_no', type: 'varchar', nullable: true }) referenceNo!: string | null;
  @Column() title!: string;
  @Column() status!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'workflow_id' }) workflowId!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'handler_ids', type: 'uuid', array: true }) handlerIds!: string[];
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  /** Set on a case opened by another case's workflow: the idempotency key of that opening. */
  @Column({ name: 'link_key', type: 'varchar', nullable: true }) linkKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

export type TaskStatus = 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELLED';
export type Escalation = 'NONE' | 'YELLOW' | 'RED';

@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Deterministic key (workflowId + step) that makes opening a task idempotent across activity retries. */
  @Column({ name: 'task_key' }) taskKey!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'workflow_id' }) workflowId!: string;
  @Column() type!: string;
  @Column() title!: string;
  @Column({ name: 'candidate_roles', type: 'text', array: true }) candidateRoles!: string[];
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ type: 'varchar' }) status!: TaskStatus;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'warn_at', type: 'timestamptz', nullable: true }) warnAt!: Date | null;
  @Column({ name: 'needs_manual_due_date' }) needsManualDueDate!: boolean;
  /** The year whose holiday notice was missing when the deadline could not be computed. */
  @Column({ name: 'missing_calendar_year', type: 'integer', nullable: true }) missingCalendarYear!: number | null;
  @Column({ type: 'varchar' }) escalation!: Escalation;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  /** The outcomes the task offers, when narrower than its step's; null = all of them. */
  @Column({ type: 'text', array: true, nullable: true }) outcomes!: string[] | null;
  @Column({ type: 'varchar', nullable: true }) outcome!: string | null;
  @Column({ type: 'jsonb', nullable: true }) result!: Record<string, unknown> | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column() kind!: 'FILE' | 'NOTE';
  @Column({ name: 'file_name', type: 'varchar', nullable: true }) fileName!: string | null;
  @Column({ name: 'content_type', type: 'varchar', nullable: true }) contentType!: string | null;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'bigint' }) seq!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_role', type: 'varchar', nullable: true }) actorRole!: string | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column() action!: string;
  @Column({ type: 'jsonb' }) summary!: Record<string, unknown>;
  @Column({ name: 'request_id', type: 'varchar', nullable: true }) requestId!: string | null;
  /** The chain the row belongs to (`case:<id>`, `actor:<id>`, …); written by audit_append(). */
  @Column({ type: 'varchar', insert: false, update: false }) stream!: string;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}
