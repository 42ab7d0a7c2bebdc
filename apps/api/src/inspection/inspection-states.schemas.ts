import { z } from 'zod';
import type { CriminalTransferState, InspectionState, SimplePenaltyState } from '@safety/temporal';
import { isoInstant, isoInstantOrNull, localDate, uuid } from '../contract/schemas';

// The live state each workflow of the inspection area answers to its state query (libs/temporal contracts).

const history = <Status extends z.ZodType>(status: Status) =>
  z
    .array(z.object({ at: isoInstant(), status, by: uuid().nullable() }))
    .meta({ description: 'Status changes, oldest first' });

const INSPECTION_STATUSES = [
  'AWAITING_RECORD',
  'RECTIFICATION_ORDERED',
  'AWAITING_REINSPECTION',
  'RECTIFIED',
  'ESCALATED_TO_PENALTY',
  'CLOSED',
] as const satisfies ReadonlyArray<InspectionState['status']>;
const inspectionStatus = z.enum(INSPECTION_STATUSES);

export const InspectionStateSchema = z.object({
  caseId: uuid(),
  status: inspectionStatus,
  result: z
    .enum(['NO_ISSUE', 'RECTIFIED', 'NOT_RECTIFIED_PENALTY', 'PENALTY_PROPOSED', 'REFERRED_TO_PARTNERS'])
    .nullable()
    .meta({ description: "REFERRED_TO_PARTNERS: a joint inspection's findings were all for partner departments" }),
  unannounced: z.boolean(),
  outcome: z
    .enum(['NO_ISSUE', 'RECTIFY', 'IMMEDIATE_MEASURES', 'PROPOSE_PENALTY'])
    .nullable()
    .meta({ description: "The on-site record's outcome, once recorded" }),
  findings: z.array(
    z.object({
      description: z.string(),
      hazardLevel: z.enum(['GENERAL', 'MAJOR']).meta({ description: '一般 / 重大事故隐患' }),
      legalBasis: z.string(),
      evidenceAttachmentIds: z.array(uuid()),
      violationCodes: z.array(z.string()),
      competentDepartmentId: uuid()
        .optional()
        .meta({ description: '联合检查: the department competent for the finding (absent: the host)' }),
    }),
  ),
  confirmations: z
    .array(z.object({ officerId: uuid(), credentialNo: z.string() }))
    .meta({ description: 'The inspecting officers who signed the record, with their 执法证号 (安全生产法 Art.68)' }),
  rectificationDeadline: localDate().nullable(),
  suspensionOrdered: z.boolean(),
  seizure: z
    .object({
      items: z.string(),
      startedOn: localDate(),
      expiresOn: localDate().nullable(),
      extended: z.boolean(),
      overdue: z.boolean(),
      status: z.enum(['ACTIVE', 'EXTENSION_REQUESTED', 'RELEASED', 'DISPOSED']),
    })
    .nullable()
    .meta({ description: '查封/扣押 (行政强制法 Art.25)' }),
  listing: z
    .object({
      listedOn: localDate(),
      dueOn: localDate().nullable(),
      status: z.enum(['LISTED', 'LIFT_REQUESTED', 'LIFTED']),
    })
    .nullable()
    .meta({ description: '挂牌督办 of a 重大事故隐患' }),
  penalty: z
    .object({ caseId: uuid(), workflowId: z.string(), continuingDailyFineFrom: localDate().nullable() })
    .nullable()
    .meta({ description: 'The penalty case opened from the inspection' }),
  criminalReviews: z.array(
    z.object({
      step: z.string(),
      grounds: z.array(z.object({ conduct: z.string(), description: z.string(), findingIndex: z.int() })),
      decision: z.enum(['PENDING', 'PROPOSE_TRANSFER', 'NO_TRANSFER']),
      transferCaseId: uuid().nullable(),
    }),
  ),
  history: history(inspectionStatus),
  partnerCases: z
    .array(z.object({ departmentId: uuid(), caseId: uuid(), workflowId: z.string(), findings: z.int() }))
    .optional()
    .meta({
      description:
        "联合检查: each partner department's linked inspection case, ordering the rectification of its findings",
    }),
});

export const SimplePenaltyStateSchema = z.object({
  caseId: uuid(),
  status: z.enum(['DECIDED', 'CLOSED'] as const satisfies ReadonlyArray<SimplePenaltyState['status']>),
  decisionNo: z.string(),
  filed: z.boolean().meta({ description: '备案 with the agency done' }),
  cashHandedIn: z.boolean().nullable().meta({ description: 'Cash collected on the spot handed in; null without cash' }),
});

const TRANSFER_STATUSES = [
  'AWAITING_HEAD_DECISION',
  'NOT_TRANSFERRED',
  'AWAITING_HANDOVER',
  'TRANSFERRED',
  'POLICE_FILED',
  'POLICE_DECLINED',
  'RECONSIDERATION_REQUESTED',
  'RECONSIDERED_FILED',
  'RECONSIDERED_DECLINED',
  'REFERRED_TO_PROCURATORATE',
] as const satisfies ReadonlyArray<CriminalTransferState['status']>;
const transferStatus = z.enum(TRANSFER_STATUSES);

export const CriminalTransferStateSchema = z.object({
  caseId: uuid(),
  status: transferStatus,
  answered: z.boolean().meta({ description: "The police's answer is final" }),
  headDecision: z
    .object({ by: uuid(), at: isoInstant(), outcome: z.enum(['APPROVE', 'REJECT']), comment: z.string().nullable() })
    .nullable()
    .optional(),
  handoverDueAt: isoInstantOrNull()
    .optional()
    .meta({ description: 'Hand over by this instant (approval + 24 h, 国务院令第310号 Art.5)' }),
  handover: z
    .object({ at: isoInstant(), by: uuid(), policeAgency: z.string(), receiptNo: z.string().nullable() })
    .nullable()
    .optional(),
  policeAnswers: z
    .array(
      z.object({
        stage: z.enum(['INITIAL', 'RECONSIDERATION']),
        answer: z.enum(['FILED', 'DECLINED']),
        at: isoInstant(),
        by: uuid(),
        documentNo: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    )
    .optional(),
  procuratorate: z
    .object({ at: isoInstant(), by: uuid(), referred: z.boolean(), note: z.string().nullable() })
    .nullable()
    .optional(),
  history: history(transferStatus).optional(),
});
