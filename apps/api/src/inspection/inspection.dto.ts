import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CaseEntity,
  InspectionConflictEntity,
  InspectionDrawEntity,
  InspectionDrawTargetEntity,
  InspectionPlanEntity,
} from '@safety/persistence';
import { OffsetPageQuery } from '../common/pagination';
import { caseView } from '../cases/case.view';

export class FrequencyDto {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(365) RED?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(365) ORANGE?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(365) YELLOW?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(365) BLUE?: number;
}

export class PlanConfigDto {
  @ApiPropertyOptional({
    type: FrequencyDto,
    description: 'inspections per enterprise per year by risk grade (分类分级)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrequencyDto)
  frequencyPerYear?: FrequencyDto;
  @ApiPropertyOptional({ example: 4 }) @IsOptional() @IsInt() @Min(1) @Max(366) drawsPerYear?: number;
  @ApiPropertyOptional({ example: 2, minimum: 2 }) @IsOptional() @IsInt() @Min(2) @Max(10) inspectorsPerTarget?: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ enum: ['ANNUAL', 'SPECIAL'] }) @IsIn(['ANNUAL', 'SPECIAL']) kind!: 'ANNUAL' | 'SPECIAL';
  @ApiProperty({ example: '2026年度双随机抽查计划' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ type: [String], description: 'sectors covered; empty = all the department supervises' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  sectorCodes?: string[];
  @ApiPropertyOptional({ type: PlanConfigDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanConfigDto)
  config?: PlanConfigDto;
}

export class ApproveDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class DrawDto {
  @ApiPropertyOptional({
    description:
      'A seed fixed in public beforehand (e.g. at a notarised ceremony); otherwise the server draws one. 8–128 of [A-Za-z0-9_.:-].',
  })
  @IsOptional()
  @Matches(/^[\w.:-]{8,128}$/)
  seed?: string;
}

export class PlanListQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['DRAFT', 'APPROVED'] }) @IsOptional() @IsIn(['DRAFT', 'APPROVED']) status?: string;
}

export class DrawListQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() planId?: string;
}

export class PublicDrawQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
}

export class CreateConflictDto {
  @ApiProperty() @IsUUID() officerId!: string;
  @ApiProperty() @IsUUID() enterpriseId!: string;
  @ApiProperty({ enum: ['KINSHIP', 'PRIOR_EMPLOYMENT', 'FINANCIAL_INTEREST', 'OTHER'] })
  @IsIn(['KINSHIP', 'PRIOR_EMPLOYMENT', 'FINANCIAL_INTEREST', 'OTHER'])
  reason!: InspectionConflictEntity['reason'];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ConflictListQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}

export class OpenInspectionDto {
  @ApiPropertyOptional({ description: 'ad hoc: the enterprise (supervised by your department)' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
  @ApiPropertyOptional({ description: 'from a draw: the drawn target (its enterprise and inspectors)' })
  @IsOptional()
  @IsUUID()
  drawTargetId?: string;
  @ApiPropertyOptional({ type: [String], description: '≥ 2 credentialed officers (ad hoc)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  inspectorIds?: string[];
  @ApiPropertyOptional({ description: '四不两直 (unannounced, no escort)' })
  @IsOptional()
  @IsBoolean()
  unannounced?: boolean;
}

export class CaseStatusQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) status?: string;
}

export class SimplePenaltyDto {
  @ApiProperty({ enum: ['INDIVIDUAL', 'ORGANISATION'] }) @IsIn(['INDIVIDUAL', 'ORGANISATION']) partyType!:
    'INDIVIDUAL' | 'ORGANISATION';
  @ApiPropertyOptional({ description: 'organisation party: the enterprise (supervised by your department)' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
  @ApiPropertyOptional({ description: 'individual party: the name (personal data; never published)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  partyName?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) violation!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) legalBasis!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() warningOnly?: boolean;
  @ApiPropertyOptional({ description: 'yuan, ≤ 2 decimals' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  fineYuan?: number;
  @ApiProperty({ enum: ['CASH_ON_SPOT', 'BANK_TRANSFER', 'NONE'] })
  @IsIn(['CASH_ON_SPOT', 'BANK_TRANSFER', 'NONE'])
  paymentMethod!: 'CASH_ON_SPOT' | 'BANK_TRANSFER' | 'NONE';
  @ApiPropertyOptional({ type: [String], description: 'other credentialed officers present' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  officerIds?: string[];
}

export class ProposeTransferDto {
  @ApiProperty() @IsUUID() sourceCaseId!: string;
  @ApiProperty({ type: [String], description: '≥ 2 credentialed officers (国务院令第310号 Art.5)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  teamIds!: string[];
  @ApiProperty({ example: '危险作业罪' }) @IsString() @IsNotEmpty() @MaxLength(200) suspectedOffence!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  grounds!: string[];
}

export const planView = (p: InspectionPlanEntity) => ({
  id: p.id,
  departmentId: p.departmentId,
  year: p.year,
  kind: p.kind,
  title: p.title,
  sectorCodes: p.sectorCodes,
  config: p.config,
  status: p.status,
  createdBy: p.createdBy,
  approvedBy: p.approvedBy,
  approvedAt: p.approvedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
});

export const conflictView = (c: InspectionConflictEntity) => ({
  id: c.id,
  departmentId: c.departmentId,
  officerId: c.officerId,
  enterpriseId: c.enterpriseId,
  reason: c.reason,
  note: c.note,
  active: c.active,
  createdBy: c.createdBy,
  createdAt: c.createdAt.toISOString(),
  deactivatedAt: c.deactivatedAt?.toISOString() ?? null,
});

export const drawView = (d: InspectionDrawEntity, targets: InspectionDrawTargetEntity[]) => {
  const pool = d.pool as { enterprises?: unknown[]; officers?: unknown[]; conflicts?: unknown[]; seedSource?: string };
  return {
    id: d.id,
    drawNo: d.drawNo,
    planId: d.planId,
    departmentId: d.departmentId,
    seed: d.seed,
    seedSource: pool.seedSource ?? null,
    algorithm: d.algorithm,
    config: d.config,
    quotas: d.quotas,
    poolSizes: {
      enterprises: pool.enterprises?.length ?? 0,
      officers: pool.officers?.length ?? 0,
      conflicts: pool.conflicts?.length ?? 0,
    },
    drawnBy: d.drawnBy,
    drawnAt: d.drawnAt.toISOString(),
    publishedAt: d.publishedAt?.toISOString() ?? null,
    targets: targets.map((t) => ({
      id: t.id,
      position: t.position,
      enterpriseId: t.enterpriseId,
      riskGrade: t.riskGrade,
      inspectorIds: t.inspectorIds,
      inspectionCaseId: t.inspectionCaseId,
    })),
  };
};

/** A case of this area with its recorded data (internal bookkeeping keys removed). */
export const areaCaseView = (c: CaseEntity) => {
  const data = { ...(c.data ?? {}) };
  delete data._applied;
  delete data.lastAction;
  return { ...caseView(c), data };
};
