import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { COMPLAINT_STATUSES, OFFICER_CHANNELS, TRACKING_CODE_PATTERN } from '@safety/domain/complaint';
import { isoInstant, isoInstantOrNull, pageOf, PageQuerySchema, text, uuid } from '../contract/schemas';

const STATUSES = COMPLAINT_STATUSES;
const CHANNELS = ['ONLINE', ...OFFICER_CHANNELS] as const;

const ContactSchema = z
  .strictObject({
    anonymous: z.boolean().meta({ description: 'true: 匿名举报, nothing below is kept' }),
    name: text(100).optional(),
    phone: z
      .string()
      .max(30)
      .regex(/^[0-9+\- ]{5,30}$/)
      .optional(),
    address: text(300).optional(),
  })
  .meta({
    description:
      'The informant (举报人). Real-name complaints name the informant and a phone or address; only the registering and handling officers ever read it',
  });

/** A photo or video sent with the complaint: type from the bytes against the evidence allowlist, never served inline. */
const EvidenceSchema = z.strictObject({
  fileName: text(200).optional(),
  contentType: text(100).optional(),
  contentBase64: z.base64().max(2_800_000).meta({ description: 'The file, base64 (≤ 2 MiB decoded)' }),
});

const IntakeShape = {
  description: text(10_000).meta({ description: 'What happened (举报内容)' }),
  place: text(300).meta({ description: 'Where' }),
  enterpriseName: text(200).optional().meta({
    description: 'The enterprise as the informant names it; matched to the directory when exactly one fits',
  }),
  sectorCode: text(48).optional().meta({ description: 'Sector code (行业), when known' }),
  departmentId: uuid().optional().meta({
    description: 'The department addressed; required when the enterprise is not found in the directory',
  }),
  contact: ContactSchema,
  evidence: z.array(EvidenceSchema).max(4).optional().meta({ description: 'Up to 4 photos or videos' }),
};

export class PublicComplaintDto extends createZodDto(z.strictObject(IntakeShape)) {}

export class RegisterComplaintDto extends createZodDto(
  z.strictObject({
    ...IntakeShape,
    channel: z.enum(OFFICER_CHANNELS).meta({ description: '12350 hotline, letter or in person' }),
    receivedAt: isoInstant().meta({ description: 'When it was received (not in the future)' }),
  }),
) {}

export class ComplaintReceiptDto extends createZodDto(
  z.object({
    id: uuid(),
    code: z.string().meta({ description: 'Tracking code (查询码)' }),
    secret: z.string().meta({ description: 'Tracking secret: shown once, stored only as a hash' }),
  }),
) {}

export class PublicReceiptDto extends createZodDto(
  z.object({
    code: z.string().meta({ description: 'Tracking code (查询码)' }),
    secret: z.string().meta({ description: 'Tracking secret: shown once, stored only as a hash; keep it' }),
  }),
) {}

export class TrackingParams extends createZodDto(
  z.strictObject({ code: z.string().regex(TRACKING_CODE_PATTERN).meta({ description: 'Tracking code' }) }),
) {}

export class TrackingQueryDto extends createZodDto(
  z.strictObject({
    secret: z
      .string()
      .min(10)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/),
  }),
) {}

/** A department the public may address a complaint to (a public body: its name is no personal data). */
export class ComplaintDepartmentListDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        id: uuid(),
        name: z.string(),
        level: z.enum(['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'PARK']),
      }),
    ),
  }),
) {}

/** What the informant sees: the status and the feedback, nothing else. */
export class PublicComplaintStatusDto extends createZodDto(
  z.object({
    code: z.string(),
    status: z.enum(STATUSES),
    statusLabel: z.string().meta({ description: 'The status in plain Chinese words' }),
    feedback: z.string().nullable().meta({ description: 'The department’s answer once given' }),
  }),
) {}

const InformantSchema = z
  .object({
    anonymous: z.boolean(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  })
  .nullable()
  .meta({
    description: 'Only for the registering and handling officers (the read is audited); null for everyone else',
  });

export const ComplaintViewSchema = z.object({
  id: uuid(),
  caseId: uuid(),
  code: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(STATUSES),
  receivedAt: isoInstant(),
  departmentId: uuid().meta({ description: 'The department handling it now' }),
  receivedByDepartmentId: uuid(),
  description: z.string(),
  place: z.string(),
  enterpriseName: z.string().nullable(),
  enterpriseId: uuid().nullable().meta({ description: 'The directory enterprise, when matched' }),
  sectorCode: z.string().nullable(),
  anonymous: z.boolean(),
  transfers: z.array(z.object({ from: uuid(), to: uuid(), reason: z.string(), at: isoInstant() })),
  mergedIntoId: uuid().nullable().meta({ description: 'The complaint about the same matter this duplicate follows' }),
  inspectionCaseId: uuid()
    .nullable()
    .meta({ description: 'The inspection opened from 核查, which the complaint followed' }),
  penaltyCaseId: uuid()
    .nullable()
    .meta({ description: 'The penalty case opened when 核查 verified it true (立案查处)' }),
  verifiedTrue: z.boolean().nullable(),
  verifiedGrade: z.string().nullable(),
  feedbackAt: isoInstantOrNull(),
  feedbackOnTime: z.boolean().nullable(),
  reward: z.object({ status: z.string(), amountYuan: z.number().nullable(), paidAt: isoInstantOrNull() }).nullable(),
  closedAt: isoInstantOrNull(),
});

export class ComplaintPageDto extends createZodDto(pageOf(ComplaintViewSchema)) {}

export class ComplaintDetailDto extends createZodDto(
  ComplaintViewSchema.extend({
    informant: InformantSchema,
    findings: z.string().nullable(),
    result: z.string().nullable(),
    feedback: z.string().nullable(),
  }),
) {}

export class ComplaintListQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.enum(STATUSES).optional(), channel: z.enum(CHANNELS).optional() }),
) {}

export class ComplaintPolicyParams extends createZodDto(z.strictObject({ departmentId: uuid() })) {}

export class ComplaintPolicyBodyDto extends createZodDto(
  z.strictObject({
    overrides: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Overrides of the complaint policy (docs/complaints.md); unknown keys are refused' }),
  }),
) {}

const tier = z.object({ minYuan: z.number(), maxYuan: z.number() });

export class ComplaintPolicyDto extends createZodDto(
  z.object({
    departmentId: uuid(),
    overrides: z.record(z.string(), z.unknown()),
    effective: z.object({
      acceptanceWorkingDays: z.int(),
      verificationDays: z.int(),
      feedbackWorkingDays: z.int(),
      warningLeadHours: z.int(),
      rewardTiers: z.object({ GENERAL_HAZARD: tier, MAJOR_HAZARD: tier, ILLEGAL_OPERATION: tier }),
    }),
  }),
) {}

export class ComplaintStatisticsQueryDto extends createZodDto(
  z.strictObject({
    from: isoInstant(),
    to: isoInstant(),
    groupBy: z.enum(['channel', 'sector', 'region', 'none']).default('none').meta({
      description:
        'region: the matched enterprise’s region, else the handling department’s (after a transfer, the competent one)',
    }),
  }),
) {}

export class ComplaintStatisticsDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        key: z.string().nullable().meta({ description: 'channel, sector code or region id; null without grouping' }),
        label: z
          .string()
          .nullable()
          .meta({ description: 'sector or region name, the channel code; null without grouping' }),
        received: z.int(),
        accepted: z.int(),
        notAccepted: z.int(),
        merged: z.int(),
        transferred: z.int(),
        verified: z.int(),
        verifiedTrue: z.int(),
        verifiedTrueRate: z
          .number()
          .nullable()
          .meta({ description: 'verifiedTrue / verified; null with none verified' }),
        answered: z.int(),
        answeredOnTime: z.int(),
        onTimeFeedbackRate: z.number().nullable().meta({ description: 'answeredOnTime / answered' }),
        rewardsPaid: z.int(),
        rewardsPaidYuan: z.number(),
      }),
    ),
  }),
) {}
