import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { CaseEntity } from '@safety/persistence';
import { pageOf, PageQuerySchema, text, uuid } from '../contract/schemas';
import { caseView, CaseViewSchema } from '../cases/case.view';
import { TaskViewSchema } from '../tasks/task.view';
import {
  CriminalTransferStateSchema,
  InspectionStateSchema,
  SimplePenaltyStateSchema,
} from './inspection-states.schemas';

// Inspections (现场检查), 简易程序 decisions and criminal transfers (行刑衔接): their cases over HTTP.

// ---- bodies and queries ----

export class OpenInspectionDto extends createZodDto(
  z
    .strictObject({
      enterpriseId: uuid().optional().meta({ description: 'Ad hoc: the enterprise (supervised by your department)' }),
      drawTargetId: uuid()
        .optional()
        .meta({ description: 'From a draw: the drawn target (its enterprise and inspectors)' }),
      inspectorIds: z
        .array(uuid())
        .max(10)
        .optional()
        .meta({ description: 'Ad hoc: ≥ 2 credentialed officers; from a draw: absent, or exactly the drawn ones' }),
      unannounced: z.boolean().optional().meta({ description: '四不两直 (unannounced, no escort)' }),
      mode: z
        .enum(['SINGLE', 'JOINT', 'CROSS'])
        .optional()
        .meta({
          description:
            'SINGLE (default): your department inspects; JOINT (联合检查): with partner departments, each finding to its ' +
            'competent department; CROSS (交叉检查): officers of another region inspect your enterprise under your jurisdiction',
        }),
      partnerDepartmentIds: z
        .array(uuid())
        .min(1)
        .max(10)
        .optional()
        .meta({ description: 'JOINT: the partner departments; CROSS: exactly the one visiting department' }),
    })
    .superRefine((body, ctx) => {
      const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!body.enterpriseId && !body.drawTargetId) problem('enterpriseId', 'enterpriseId or drawTargetId is required');
      const mode = body.mode ?? 'SINGLE';
      if (mode === 'SINGLE' && body.partnerDepartmentIds)
        problem('partnerDepartmentIds', 'partner departments need mode JOINT or CROSS');
      if (mode !== 'SINGLE') {
        if (!body.partnerDepartmentIds) problem('partnerDepartmentIds', `mode ${mode} names its partner departments`);
        else if (mode === 'CROSS' && body.partnerDepartmentIds.length !== 1)
          problem('partnerDepartmentIds', 'a cross inspection names exactly one visiting department');
        if (body.drawTargetId) problem('drawTargetId', 'a drawn target is inspected by its drawn inspectors alone');
        if (!body.inspectorIds) problem('inspectorIds', 'a joint or cross inspection names its team');
      }
    }),
) {}

const PARTY_TYPES = ['INDIVIDUAL', 'ORGANISATION'] as const;
const PAYMENT_METHODS = ['CASH_ON_SPOT', 'BANK_TRANSFER', 'NONE'] as const;

/**
 * 当场处罚 (行政处罚法 Art.51). The body's own rules are checked here, each at its field; the limits
 * (Art.51: 200 / 3,000 yuan) and the cash rule (Art.68) are the service's, answered 422.
 */
export class SimplePenaltyDto extends createZodDto(
  z
    .strictObject({
      partyType: z.enum(PARTY_TYPES),
      enterpriseId: uuid()
        .optional()
        .meta({ description: 'Organisation party: the enterprise (supervised by your department)' }),
      partyName: text(64)
        .optional()
        .meta({ description: 'Individual party: the name (personal data; never published)' }),
      violation: text(1000),
      legalBasis: text(500),
      warningOnly: z.boolean().optional(),
      fineYuan: z.number().min(0).multipleOf(0.01).optional().meta({ description: 'Yuan, ≤ 2 decimals' }),
      paymentMethod: z.enum(PAYMENT_METHODS),
      officerIds: z.array(uuid()).max(5).optional().meta({ description: 'Other credentialed officers present' }),
    })
    .superRefine((body, ctx) => {
      const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (body.partyType === 'ORGANISATION' && !body.enterpriseId)
        problem('enterpriseId', 'an organisation party needs enterpriseId');
      if (body.partyType === 'INDIVIDUAL' && !body.partyName)
        problem('partyName', 'an individual party needs partyName');
      if (body.partyType === 'INDIVIDUAL' && body.enterpriseId)
        problem('enterpriseId', 'an individual party takes no enterpriseId');
      if (body.warningOnly) {
        if ((body.fineYuan ?? 0) > 0) problem('fineYuan', 'a warning-only penalty cannot carry a fine');
        if (body.paymentMethod !== 'NONE') problem('paymentMethod', 'a warning takes paymentMethod NONE');
      } else {
        if (body.fineYuan === undefined) problem('fineYuan', 'fineYuan is required unless warningOnly');
        if (body.paymentMethod === 'NONE') problem('paymentMethod', 'a fine needs a payment method');
      }
    }),
) {}

export class ProposeTransferDto extends createZodDto(
  z.strictObject({
    sourceCaseId: uuid().meta({ description: 'The penalty, inspection or accident case the suspicion arose in' }),
    teamIds: z
      .array(uuid())
      .min(1)
      .max(10)
      .meta({ description: '≥ 2 credentialed officers of your department (国务院令第310号 Art.5)' }),
    suspectedOffence: text(200).meta({ example: '危险作业罪' }),
    grounds: z.array(text(1000)).min(1).max(20),
  }),
) {}

/** A list of cases of one type in your jurisdiction, newest first. */
export class CaseStatusQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.string().min(1).max(32).optional() }),
) {}

// ---- views ----

export class InspectionCasePageDto extends createZodDto(pageOf(CaseViewSchema)) {}

export class SimplePenaltyDecidedDto extends createZodDto(
  CaseViewSchema.extend({
    decisionNo: z.string().meta({ description: 'The numbered decision form (简罚〔year〕n号)' }),
  }),
) {}

const areaCaseDetail = <State extends z.ZodType>(state: State, what: string) =>
  CaseViewSchema.extend({
    data: z.record(z.string(), z.unknown()).meta({ description: `What the ${what} recorded (its events, by key)` }),
    workflow: state.nullable().meta({ description: "The workflow's live state; null when it never started" }),
    tasks: z.array(TaskViewSchema),
  });

export class InspectionDetailDto extends createZodDto(areaCaseDetail(InspectionStateSchema, 'inspection')) {}
export class SimplePenaltyDetailDto extends createZodDto(
  areaCaseDetail(SimplePenaltyStateSchema, 'decision and its follow-up'),
) {}
export class CriminalTransferDetailDto extends createZodDto(areaCaseDetail(CriminalTransferStateSchema, 'transfer')) {}

/** A case of this area with its recorded data (internal bookkeeping keys removed). */
export const areaCaseView = (found: CaseEntity) => {
  const data = { ...(found.data ?? {}) };
  delete data._applied;
  delete data.lastAction;
  return { ...caseView(found), data };
};

export { caseView };
