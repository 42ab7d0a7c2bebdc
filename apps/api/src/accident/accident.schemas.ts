import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { SETTABLE_REPORTING_FLAGS } from '@safety/application';
import { ACCIDENT_GRADES } from '@safety/domain/accident/grading';
import {
  AppraisalSchema,
  CasualtyRevisionSchema,
  CloseAccidentSchema,
  ExtensionSchema,
  ReportingConsequencesSchema,
  SkipLevelReportSchema,
  SupervisedListingSchema,
} from '@safety/temporal';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import type { ErrorStatus } from '../contract/endpoint.decorator';
import { isoInstant, localDate, PageQuerySchema, text, uuid } from '../contract/schemas';

/** The largest direct economic loss accepted, in yuan. */
const MAX_LOSS_YUAN = 1e13;

const count = () => z.int().min(0).max(100_000);

/** 事故报告 (条例 Art.9, 12): what the reporting unit or department knows at intake. */
export class CreateAccidentDto extends createZodDto(
  z.strictObject({
    title: text(200).optional().meta({
      example: '某化工公司“11·20”爆炸事故',
      description: 'The date and place when absent',
    }),
    occurredAt: isoInstant().meta({ description: 'Instant of the accident (ISO 8601 with offset)' }),
    unitNotifiedAt: isoInstant()
      .optional()
      .meta({ description: 'When the unit head was told (条例 Art.9 clock start); the accident time when absent' }),
    reportedAt: isoInstant()
      .optional()
      .meta({ description: 'When the unit reported to the department; now when absent' }),
    place: text(300),
    summary: text(20_000).meta({ description: '事故简要经过' }),
    enterpriseId: uuid().optional().meta({ description: 'The enterprise where it happened (enterprise register)' }),
    sectorCode: text(48).meta({ example: 'HAZARDOUS_CHEMICALS', description: 'Sector code (行业)' }),
    regionId: uuid()
      .optional()
      .meta({ description: 'Region of the accident; the enterprise’s or your department’s region when absent' }),
    deaths: count(),
    seriousInjuries: count().meta({ description: '重伤 incl. acute industrial poisoning' }),
    directLossYuan: z
      .number()
      .min(0)
      .max(MAX_LOSS_YUAN)
      .multipleOf(0.01)
      .meta({ description: 'Direct economic loss in yuan (at most 2 decimals)' }),
    flags: z
      .array(z.enum(SETTABLE_REPORTING_FLAGS))
      .max(3)
      .optional()
      .meta({ description: '漏报 / 谎报 / 瞒报 already known at intake' }),
  }),
) {}

export class AccidentListQueryDto extends createZodDto(
  PageQuerySchema.extend({
    status: z.string().max(32).optional().meta({ description: 'The case status, exactly' }),
    grade: z.enum(ACCIDENT_GRADES as [string, ...string[]]).optional(),
  }),
) {}

export class AccidentDetailQueryDto extends createZodDto(
  z.strictObject({
    unmask: z.enum(['true', 'false']).optional().meta({
      description:
        'true: ID numbers and the referred official unmasked (head of the investigating department or team lead only; audited)',
    }),
  }),
) {}

export class ReportingFlagDto extends createZodDto(
  z.strictObject({
    flag: z.enum(SETTABLE_REPORTING_FLAGS).meta({ description: '漏报 / 谎报 / 瞒报 (条例 Art.36)' }),
    reason: text(2000),
    officials: ReportingConsequencesSchema.shape.officials.meta({
      description: 'Public officials the finding names: each is referred to the discipline body (条例 Art.39)',
    }),
  }),
) {}

// The bodies of the workflow messages are the contracts the accident workflow itself checks
// (libs/temporal accident.contract.ts); the step bodies are the step contracts' payloads.
export class CasualtyUpdateDto extends createZodDto(CasualtyRevisionSchema) {}
export class AppraisalDto extends createZodDto(AppraisalSchema) {}
export class ExtensionDto extends createZodDto(ExtensionSchema) {}
export class SupervisedListingDto extends createZodDto(SupervisedListingSchema) {}
export class SkipLevelReportDto extends createZodDto(SkipLevelReportSchema) {}
export class CloseAccidentDto extends createZodDto(CloseAccidentSchema) {}
export class FormTeamDto extends createZodDto(AccidentSteps.TEAM_FORMATION.outcomes.FORM.payload) {}
export class InvestigationReportDto extends createZodDto(AccidentSteps.INVESTIGATION_REPORT.outcomes.SUBMIT.payload) {}

const { APPROVE, RETURN } = AccidentSteps.REPORT_APPROVAL.outcomes;

const ApprovalSchema = z.discriminatedUnion('decision', [
  APPROVE.payload.extend({ decision: z.literal('APPROVE') }),
  RETURN.payload.extend({ decision: z.literal('RETURN') }),
]);
/** The approval body as one object type: a class cannot extend a union (the schema stays the union). */
type ApprovalBody = { decision: 'APPROVE' | 'RETURN' } & z.output<typeof APPROVE.payload> &
  Partial<z.output<typeof RETURN.payload>>;

/** 批复: the decision and the payload of that outcome of the approval step. */
export class ApprovalDto extends createZodDto(ApprovalSchema as z.ZodType<ApprovalBody>) {}

/** 警示教育 (四不放过: 有关人员未受到教育不放过). */
export class EducationSessionDto extends createZodDto(
  z.strictObject({
    heldOn: localDate().meta({ example: '2026-12-01', description: 'Between the accident day and today' }),
    topic: text(300),
    location: z.string().max(300).optional(),
    attendees: z
      .array(z.strictObject({ name: text(64), organisation: z.string().max(200).optional() }))
      .min(1)
      .max(2000)
      .meta({ description: 'Each person once' }),
  }),
) {}

/** What a step or a message to the accident workflow can answer besides success. */
export const ACTION_ERRORS: ErrorStatus[] = [400, 403, 404, 409, 413, 415, 422];
