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
import { OffsetPageQuery } from '../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = { message: '$property must be a YYYY-MM-DD date' };

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

export class ListingQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: ['LISTED', 'REPAIRED', 'REMOVED'] })
  @IsOptional()
  @IsIn(['LISTED', 'REPAIRED', 'REMOVED'])
  status?: string;
}

export class RepairQuery extends OffsetPageQuery {
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
