import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Per-department overrides of the penalty procedure policy (ProcedurePolicy defaults apply to the rest). */
@Entity('penalty_policies')
export class PenaltyPolicyEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'jsonb' }) overrides!: Record<string, unknown>;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * A department's 重大执法决定法制审核目录 (行政处罚法 Art.58): the decisions it always reviews. No row = the
 * default catalogue (libs/domain legal-review-catalogue.ts).
 */
@Entity('legal_review_catalogues')
export class LegalReviewCatalogueEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'jsonb' }) entries!: unknown[];
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** 行政处罚裁量基准 (行政处罚法 Art.34); department_id null = the installation-wide default. */
@Entity('discretion_benchmarks')
export class DiscretionBenchmarkEntity {
  @PrimaryColumn() id!: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId!: string | null;
  @Column() jurisdiction!: string;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column() source!: string;
  @Column({ type: 'jsonb' }) entries!: unknown[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 执法文书: numbered, rendered and fingerprinted when issued; never edited afterwards. */
@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column() kind!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) seq!: number;
  @Column() number!: string;
  @Column() title!: string;
  @Column({ type: 'text', select: false }) html!: string;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'idempotency_key', type: 'varchar', nullable: true }) idempotencyKey!: string | null;
  @Column({ name: 'issued_by', type: 'uuid', nullable: true }) issuedBy!: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
}

export type PublicationStatus = 'PUBLISHED' | 'WITHDRAWN';

/** What the public sees of a penalty decision (安全生产法 Art.78). Personal data is masked before it is stored. */
@Entity('published_penalty_decisions')
export class PublishedDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'publication_key' }) publicationKey!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'department_name' }) departmentName!: string;
  @Column({ name: 'party_name' }) partyName!: string;
  @Column({ name: 'credit_code', type: 'varchar', nullable: true }) creditCode!: string | null;
  @Column({ name: 'decision_number' }) decisionNumber!: string;
  @Column({ type: 'text' }) violation!: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ type: 'text' }) penalty!: string;
  @Column({ name: 'fine_yuan', type: 'numeric', nullable: true }) fineYuan!: string | null;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ type: 'varchar' }) status!: PublicationStatus;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason!: string | null;
}

export type DishonestStatus = 'LISTED' | 'REPAIRED' | 'REMOVED';

/** 安全生产严重失信主体名单: entities listed after a serious violation; removed by 信用修复. */
@Entity('dishonest_entities')
export class DishonestEntityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'party_name' }) partyName!: string;
  @Column({ name: 'credit_code' }) creditCode!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'decision_number' }) decisionNumber!: string;
  @Column({ name: 'listed_on', type: 'date' }) listedOn!: string;
  @Column({ type: 'varchar' }) status!: DishonestStatus;
  @Column({ name: 'removed_on', type: 'date', nullable: true }) removedOn!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export type CreditRepairStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

@Entity('credit_repair_requests')
export class CreditRepairRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dishonest_entity_id', type: 'uuid' }) dishonestEntityId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy!: string;
  @Column({ type: 'text' }) statement!: string;
  @Column({ name: 'rectification_evidence', type: 'text' }) rectificationEvidence!: string;
  @Column({ type: 'varchar' }) status!: CreditRepairStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_comment', type: 'text', nullable: true }) decisionComment!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 结案归档 (行政处罚法 Art.47): the case file as archived, with its fingerprint. */
@Entity('case_archives')
export class CaseArchiveEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'archived_at', type: 'timestamptz' }) archivedAt!: Date;
  @Column({ name: 'archived_by', type: 'uuid', nullable: true }) archivedBy!: string | null;
  @Column({ name: 'case_file', type: 'jsonb' }) caseFile!: Record<string, unknown>;
  @Column({ type: 'char', length: 64 }) sha256!: string;
}

/** 案卷评查: a reproducible draw of archived case files. */
@Entity('file_review_samples')
export class FileReviewSampleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column() seed!: string;
  @Column({ name: 'requested_size', type: 'integer' }) requestedSize!: number;
  @Column({ name: 'population_size', type: 'integer' }) populationSize!: number;
  @Column({ type: 'jsonb' }) criteria!: Record<string, unknown>;
  @Column({ name: 'case_ids', type: 'uuid', array: true }) caseIds!: string[];
  @Column({ name: 'drawn_by', type: 'uuid' }) drawnBy!: string;
  @CreateDateColumn({ name: 'drawn_at', type: 'timestamptz' }) drawnAt!: Date;
}

@Entity('file_review_scores')
export class FileReviewScoreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'sample_id', type: 'uuid' }) sampleId!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column({ type: 'integer' }) score!: number;
  @Column({ type: 'jsonb' }) items!: Array<{ criterion: string; score: number; maxScore: number; comment?: string }>;
  @Column({ type: 'text' }) findings!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const ENFORCEMENT_ENTITIES = [
  PenaltyPolicyEntity,
  LegalReviewCatalogueEntity,
  DiscretionBenchmarkEntity,
  DocumentEntity,
  PublishedDecisionEntity,
  DishonestEntityEntity,
  CreditRepairRequestEntity,
  CaseArchiveEntity,
  FileReviewSampleEntity,
  FileReviewScoreEntity,
];
