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
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = { message: '$property must be a YYYY-MM-DD date' };

export class EvidencePreservationDto {
  @ApiProperty({ type: [String], example: ['安全培训记录台账 1 册'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  items!: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) location!: string;
}

export class StatementDto {
  @ApiProperty({ description: "Summary of the party's statement or defence (陈述申辩)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  summary!: string;
}

export class HearingRequestDto {
  @ApiProperty({ enum: ['WRITTEN', 'ORAL'] }) @IsIn(['WRITTEN', 'ORAL']) channel!: 'WRITTEN' | 'ORAL';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DesignateHandlersDto {
  @ApiProperty({ type: [String], description: 'Credentialed enforcement officers of the case department' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  handlerIds!: string[];
}

export class WaiverDto {
  @ApiProperty({ enum: ['STATEMENT', 'HEARING'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(['STATEMENT', 'HEARING'], { each: true })
  waives!: Array<'STATEMENT' | 'HEARING'>;
  @ApiProperty({ description: "Reference to the party's signed waiver" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class DecisionExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 180 }) @IsInt() @Min(1) @Max(180) days!: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class PaymentDto {
  @ApiProperty({ example: 10000 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1e10)
  amountYuan!: number;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, DATE_MSG) paidOn!: string;
  @ApiProperty({ description: 'Bank or non-tax revenue receipt number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  receiptNo!: string;
}

export class AmountOwedQuery {
  @ApiPropertyOptional({ description: 'Local date to compute for (default: today in China)' })
  @IsOptional()
  @Matches(DATE, DATE_MSG)
  asOf?: string;
}

export class ChallengeFiledDto {
  @ApiProperty({ enum: ['RECONSIDERATION', 'LITIGATION'] }) @IsIn(['RECONSIDERATION', 'LITIGATION']) kind!:
    'RECONSIDERATION' | 'LITIGATION';
  @ApiProperty() @Matches(DATE, DATE_MSG) filedOn!: string;
  @ApiProperty({ description: 'Reconsideration body or court' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  body!: string;
}

export class ChallengeEndedDto {
  @ApiProperty() @Matches(DATE, DATE_MSG) endedOn!: string;
  @ApiProperty({ enum: ['UPHELD', 'REVOKED', 'CHANGED', 'WITHDRAWN_BY_PARTY'] })
  @IsIn(['UPHELD', 'REVOKED', 'CHANGED', 'WITHDRAWN_BY_PARTY'])
  result!: 'UPHELD' | 'REVOKED' | 'CHANGED' | 'WITHDRAWN_BY_PARTY';
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e10) newFineYuan?: number;
}

export class CriminalTransferDto {
  @ApiProperty({ example: '危险作业罪（刑法第一百三十四条之一）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  suspectedOffence!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  grounds!: string[];
  @ApiProperty({ type: [String], description: 'At least two handling officers' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  teamIds!: string[];
}

export class PolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Overrides of the procedure policy (see docs/enforcement.md)',
  })
  @IsObject()
  overrides!: Record<string, unknown>;
}

class FineRangeDto {
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e10) minYuan!: number;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e10) maxYuan!: number;
}

class RangesDto {
  @ApiProperty() @ValidateNested() @Type(() => FineRangeDto) LENIENT!: FineRangeDto;
  @ApiProperty() @ValidateNested() @Type(() => FineRangeDto) ORDINARY!: FineRangeDto;
  @ApiProperty() @ValidateNested() @Type(() => FineRangeDto) SEVERE!: FineRangeDto;
}

class BenchmarkEntryDto {
  @ApiProperty({ example: 'SPL-97-3' }) @IsString() @IsNotEmpty() @MaxLength(64) violationType!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) legalBasis!: string;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => FineRangeDto) statutoryRange?: FineRangeDto;
  @ApiProperty() @ValidateNested() @Type(() => RangesDto) ranges!: RangesDto;
}

export class BenchmarkDto {
  @ApiProperty({ example: 'JS-2026-01' }) @Matches(/^[A-Za-z0-9._-]{1,64}$/) id!: string;
  @ApiProperty() @IsUUID() departmentId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) jurisdiction!: string;
  @ApiProperty() @Matches(DATE, DATE_MSG) effectiveFrom!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) source!: string;
  @ApiProperty({ type: [BenchmarkEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BenchmarkEntryDto)
  entries!: BenchmarkEntryDto[];
}

export class ApplicableBenchmarkQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, DATE_MSG) on?: string;
}

export class ListingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['LISTED', 'REPAIRED', 'REMOVED'] })
  @IsOptional()
  @IsIn(['LISTED', 'REPAIRED', 'REMOVED'])
  status?: string;
}

export class RepairQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'REJECTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'REJECTED'])
  status?: string;
}

export class RepairRequestDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) statement!: string;
  @ApiProperty({ description: 'What the enterprise corrected, with references to evidence' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  rectificationEvidence!: string;
}

export class RepairDecisionDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) comment!: string;
}

export class SampleDto {
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) size!: number;
  @ApiProperty({ description: 'Publish it: anyone can re-draw the same sample from the seed', example: '2026-Q4-评查' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  seed!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, DATE_MSG) archivedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, DATE_MSG) archivedTo?: string;
}

class ScoreItemDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) criterion!: string;
  @ApiProperty() @IsInt() @Min(0) @Max(100) score!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(100) maxScore!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ScoreDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) score!: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000) findings!: string;
  @ApiPropertyOptional({ type: [ScoreItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScoreItemDto)
  items?: ScoreItemDto[];
}
