import type {
  DenominatorKind,
  IndicatorNature,
  Measure,
  PublishedVerdict,
  TargetKind,
} from '@safety/domain/indicators';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** numeric → number (baselines, targets and denominators carry at most 6 decimals). */
const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A plan (规划) of a region with indicator targets over a period, e.g. 无锡市“十四五”安全生产规划 2021–2025. */
@Entity('indicator_plans')
export class IndicatorPlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column() title!: string;
  @Column() issuer!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'period_start_year', type: 'integer' }) periodStartYear!: number;
  @Column({ name: 'period_end_year', type: 'integer' }) periodEndYear!: number;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One row of a plan's indicator table: what is measured, baseline, target, 约束性/预期性 and 牵头单位. */
@Entity('plan_indicators')
export class PlanIndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column() name!: string;
  @Column({ type: 'text' }) definition!: string;
  @Column({ type: 'varchar' }) measure!: Measure;
  @Column() unit!: string;
  @Column({ name: 'sector_codes', type: 'text', array: true, nullable: true }) sectorCodes!: string[] | null;
  @Column({ name: 'baseline_year', type: 'integer' }) baselineYear!: number;
  @Column({ name: 'baseline_value', type: 'numeric', transformer: numeric }) baselineValue!: number;
  @Column({ name: 'target_kind', type: 'varchar' }) targetKind!: TargetKind;
  @Column({ name: 'target_value', type: 'numeric', transformer: numeric }) targetValue!: number;
  @Column({ name: 'target_year', type: 'integer' }) targetYear!: number;
  @Column({ type: 'varchar' }) nature!: IndicatorNature;
  @Column({ name: 'lead_department' }) leadDepartment!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A denominator of a region and year (GDP in 亿元, 工矿商贸 employees, registered vehicles), with its source. */
@Entity('indicator_denominators')
export class IndicatorDenominatorEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @PrimaryColumn({ type: 'varchar' }) kind!: DenominatorKind;
  @Column({ type: 'numeric', transformer: numeric }) value!: number;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A result as the agencies published it (value and verdict, e.g. a mid-term review's 未完成) of an indicator, region and year. */
@Entity('indicator_published_results')
export class IndicatorPublishedResultEntity {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' }) indicatorId!: string;
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'numeric', transformer: numeric }) value!: number;
  @Column({ type: 'varchar' }) verdict!: PublishedVerdict;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'published_on', type: 'date' }) publishedOn!: string;
  @Column({ name: 'revision_reason', type: 'text', nullable: true }) revisionReason!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const INDICATOR_ENTITIES = [
  IndicatorPlanEntity,
  PlanIndicatorEntity,
  IndicatorDenominatorEntity,
  IndicatorPublishedResultEntity,
];
