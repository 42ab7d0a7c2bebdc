import type { InspectionPlanKind } from '@safety/domain/inspection/draw';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type RiskGradeCode = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';

/** 年度/专项检查计划 of one department (its level): sectors covered and the 分类分级 sampling config. */
@Entity('inspection_plans')
export class InspectionPlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar' }) kind!: InspectionPlanKind;
  @Column() title!: string;
  @Column({ name: 'sector_codes', type: 'text', array: true }) sectorCodes!: string[];
  @Column({ type: 'jsonb' }) config!: Record<string, unknown>;
  @Column({ type: 'varchar' }) status!: 'DRAFT' | 'APPROVED';
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** An officer who may not inspect an enterprise (回避: kinship, prior employment, financial interest, …). */
@Entity('inspection_conflicts')
export class InspectionConflictEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'officer_id', type: 'uuid' }) officerId!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ type: 'varchar' }) reason!: 'KINSHIP' | 'PRIOR_EMPLOYMENT' | 'FINANCIAL_INTEREST' | 'OTHER';
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column() active!: boolean;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'deactivated_by', type: 'uuid', nullable: true }) deactivatedBy!: string | null;
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
}

/** One 双随机 draw: the seed, algorithm and pool snapshot it was computed from, so it can be recomputed. */
@Entity('inspection_draws')
export class InspectionDrawEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'draw_no' }) drawNo!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column() seed!: string;
  @Column() algorithm!: string;
  @Column({ type: 'jsonb' }) config!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) pool!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) quotas!: Record<string, unknown>;
  @Column({ name: 'drawn_by', type: 'uuid' }) drawnBy!: string;
  @Column({ name: 'drawn_at', type: 'timestamptz' }) drawnAt!: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}

@Entity('inspection_draw_targets')
export class InspectionDrawTargetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'draw_id', type: 'uuid' }) drawId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ name: 'risk_grade', type: 'varchar' }) riskGrade!: RiskGradeCode;
  @Column({ name: 'inspector_ids', type: 'uuid', array: true }) inspectorIds!: string[];
  @Column({ name: 'inspection_case_id', type: 'uuid', nullable: true }) inspectionCaseId!: string | null;
}

export const INSPECTION_ENTITIES = [
  InspectionPlanEntity,
  InspectionConflictEntity,
  InspectionDrawEntity,
  InspectionDrawTargetEntity,
];
