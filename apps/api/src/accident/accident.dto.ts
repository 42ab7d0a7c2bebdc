import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { ACCIDENT_GRADES } from '@safety/domain/accident/grading';
import { REFERRAL_OUTCOMES } from '@safety/temporal';
import { CursorPageQuery, OffsetPageQuery } from '../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LOSS = 1e13;

export class CreateAccidentDto {
  @ApiPropertyOptional({ example: '某化工公司“11·20”爆炸事故' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;
  @ApiProperty({ description: 'Instant of the accident (ISO 8601 with offset)' })
  @IsISO8601({ strict: true })
  occurredAt!: string;
  @ApiPropertyOptional({
    description: 'When the unit head was told (条例 Art.9 clock start); the accident time when absent',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  unitNotifiedAt?: string;
  @ApiPropertyOptional({ description: 'When the unit reported to the department; now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reportedAt?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) place!: string;
  @ApiProperty({ description: '事故简要经过' }) @IsString() @IsNotEmpty() @MaxLength(20000) summary!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiProperty({ example: 'HAZARDOUS_CHEMICALS' }) @IsString() @IsNotEmpty() @MaxLength(48) sectorCode!: string;
  @ApiPropertyOptional({
    description: 'Region of the accident; the enterprise’s or your department’s region when absent',
  })
  @IsOptional()
  @IsUUID()
  regionId?: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100000) deaths!: number;
  @ApiProperty({ minimum: 0, description: '重伤 incl. acute industrial poisoning' })
  @IsInt()
  @Min(0)
  @Max(100000)
  seriousInjuries!: number;
  @ApiProperty({ minimum: 0, description: 'Direct economic loss in yuan' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_LOSS)
  directLossYuan!: number;
  @ApiPropertyOptional({
    enum: ['OMITTED', 'FALSE_REPORT', 'CONCEALED'],
    isArray: true,
    description: '漏报/谎报/瞒报 already known at intake',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(['OMITTED', 'FALSE_REPORT', 'CONCEALED'], { each: true })
  flags?: Array<'OMITTED' | 'FALSE_REPORT' | 'CONCEALED'>;
}

export class AccidentListQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) status?: string;
  @ApiPropertyOptional({ enum: ACCIDENT_GRADES })
  @IsOptional()
  @IsIn(ACCIDENT_GRADES as unknown as string[])
  grade?: string;
}

export class AccidentDetailQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: ID numbers and the referred official unmasked (head of the investigating department or team lead only; audited)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unmask?: 'true' | 'false';
}

export class ReportingFlagDto {
  @ApiProperty({ enum: ['OMITTED', 'FALSE_REPORT', 'CONCEALED'], description: '漏报 / 谎报 / 瞒报 (条例 Art.36)' })
  @IsIn(['OMITTED', 'FALSE_REPORT', 'CONCEALED'])
  flag!: 'OMITTED' | 'FALSE_REPORT' | 'CONCEALED';
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class CasualtyUpdateDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100000) deaths!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) seriousInjuries!: number;
  @ApiPropertyOptional({ description: 'Direct economic loss in yuan; unchanged when absent' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_LOSS)
  directLossYuan?: number;
}

export class TeamMemberDto {
  @ApiProperty() @IsUUID() userId!: string;
  @ApiProperty({ enum: ['MEMBER', 'DISCIPLINE', 'POLICE', 'TRADE_UNION', 'PROCURATORATE', 'EXPERT'] })
  @IsIn(['MEMBER', 'DISCIPLINE', 'POLICE', 'TRADE_UNION', 'PROCURATORATE', 'EXPERT'])
  teamRole!: string;
}

export class FormTeamDto {
  @ApiProperty() @IsUUID() leadId!: string;
  @ApiProperty({ type: [TeamMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  members!: TeamMemberDto[];
  @ApiProperty({ description: '条例 Art.22: the procuratorate is invited' })
  @IsBoolean()
  procuratorateInvited!: boolean;
}

export class AppraisalDto {
  @ApiPropertyOptional({ description: 'Local date; today when absent' }) @IsOptional() @Matches(DATE) on?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export class ExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 60 }) @IsInt() @Min(1) @Max(60) days!: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export class SupervisedListingDto {
  @ApiProperty({ example: '苏安委督〔2026〕3号' }) @IsString() @IsNotEmpty() @MaxLength(64) noticeNo!: string;
  @ApiPropertyOptional({ description: 'Calendar days (UNVERIFIED policy default 60)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  deadlineDays?: number;
}

export class ResponsiblePartyDto {
  @ApiProperty({ enum: ['ENTERPRISE', 'ENTERPRISE_STAFF', 'PUBLIC_OFFICIAL'] })
  @IsIn(['ENTERPRISE', 'ENTERPRISE_STAFF', 'PUBLIC_OFFICIAL'])
  kind!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{17}[\dXx]$/) idNumber?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) responsibility!: string;
  @ApiProperty({
    enum: [
      'ADMINISTRATIVE_PENALTY',
      'DISCIPLINE_REFERRAL',
      'CRIMINAL_TRANSFER',
      'INTERNAL_HANDLING',
      'NO_FURTHER_ACTION',
    ],
  })
  @IsIn([
    'ADMINISTRATIVE_PENALTY',
    'DISCIPLINE_REFERRAL',
    'CRIMINAL_TRANSFER',
    'INTERNAL_HANDLING',
    'NO_FURTHER_ACTION',
  ])
  proposedHandling!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) handlingDetail?: string;
}

export class RectificationMeasureDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) description!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) owner!: string;
  @ApiProperty({ example: '2027-03-31' }) @Matches(DATE) dueDate!: string;
}

export class InvestigationReportDto {
  @ApiProperty({ description: '直接原因' }) @IsString() @IsNotEmpty() @MaxLength(20000) directCauses!: string;
  @ApiProperty({ description: '间接原因' }) @IsString() @IsNotEmpty() @MaxLength(20000) indirectCauses!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() findsNoResponsibleParty?: boolean;
  @ApiProperty({ type: [ResponsiblePartyDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ResponsiblePartyDto)
  responsibleParties!: ResponsiblePartyDto[];
  @ApiProperty({ type: [RectificationMeasureDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RectificationMeasureDto)
  rectificationMeasures!: RectificationMeasureDto[];
  @ApiProperty({ description: '教育措施' }) @IsString() @IsNotEmpty() @MaxLength(20000) educationMeasures!: string;
}

export class ApprovalDto {
  @ApiProperty({ enum: ['APPROVE', 'RETURN'] }) @IsIn(['APPROVE', 'RETURN']) decision!: 'APPROVE' | 'RETURN';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
  @ApiPropertyOptional({ description: 'Required to RETURN' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Officers forming the criminal transfer team (≥ 2) when the report proposes a transfer',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  transferTeamIds?: string[];
}

export class CloseAccidentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class AttendeeDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string;
}

export class EducationSessionDto {
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) heldOn!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) topic!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
}

export class StatisticsQuery {
  @ApiProperty({ description: 'Start (inclusive), ISO 8601' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ description: 'End (exclusive), ISO 8601' }) @IsISO8601({ strict: true }) to!: string;
  @ApiProperty({ enum: ['grade', 'sector', 'region'] }) @IsIn(['grade', 'sector', 'region']) groupBy!:
    'grade' | 'sector' | 'region';
}

export class NearMissDto {
  @ApiProperty({ enum: ['NEAR_MISS', 'INJURY_ONLY'] }) @IsIn(['NEAR_MISS', 'INJURY_ONLY']) kind!:
    'NEAR_MISS' | 'INJURY_ONLY';
  @ApiProperty() @IsISO8601({ strict: true }) occurredAt!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) place!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(48) sectorCode!: string;
  @ApiProperty({
    example: 'UNSAFE_ACT',
    description: 'Cause category (configurable vocabulary, e.g. UNSAFE_ACT, UNSAFE_CONDITION, MANAGEMENT)',
  })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/)
  causeCategory!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) description!: string;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(1000) minorInjuries?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
}

export class NearMissListQuery extends OffsetPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: ['NEAR_MISS', 'INJURY_ONLY'] })
  @IsOptional()
  @IsIn(['NEAR_MISS', 'INJURY_ONLY'])
  kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) sectorCode?: string;
}

export class PeriodQuery {
  @ApiProperty() @IsISO8601({ strict: true }) from!: string;
  @ApiProperty() @IsISO8601({ strict: true }) to!: string;
}

export class ReferralListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['SENT', 'ACKNOWLEDGED', 'ANSWERED'] })
  @IsOptional()
  @IsIn(['SENT', 'ACKNOWLEDGED', 'ANSWERED'])
  status?: string;
}

export class ReferralResultDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) @IsIn(REFERRAL_OUTCOMES as unknown as string[]) outcome!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) summary!: string;
}
