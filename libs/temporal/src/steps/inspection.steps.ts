import { z } from 'zod';
import { Role } from '@safety/domain/identity/roles';
import {
  attachments,
  choice,
  commentOnly,
  department,
  flag,
  form,
  integer,
  label,
  list,
  localDate,
  longText,
  section,
  text,
  user,
} from './fields';
import { distinctBy, OUTCOME } from './common';
import { defineStep, outcomesSharing } from './step-definition';

/**
 * The inspecting officers' signatures (安全生产法 Art.68: the record is written and signed; 行政处罚法
 * Art.42: at least two credentialed officers). Whether they are on the team with these 执法证号 is
 * checked against the case.
 */
export const confirmationList = () =>
  list(
    ['签名确认的执法人员', 'Confirming officers'],
    form({
      officerId: user(['执法人员', 'Officer']),
      credentialNo: text(['执法证号', 'Credential number'], 64),
    }),
    { min: 2, max: 10 },
  ).superRefine(distinctBy('officerId', 'names the same officer twice: two distinct officers sign the record'));

export const HAZARD_LEVEL = choice(['隐患等级', 'Hazard level'], {
  GENERAL: ['一般事故隐患', 'General hazard'],
  MAJOR: ['重大事故隐患', 'Major hazard'],
});

/** One finding: the hazard, the provision breached, its evidence and structured conduct codes. */
const finding = form({
  description: text(['隐患或违法行为', 'Finding'], 2000),
  hazardLevel: HAZARD_LEVEL,
  legalBasis: text(['违反的规定', 'Provision breached'], 500),
  evidenceAttachmentIds: attachments(['证据材料', 'Evidence']).optional(),
  violationCodes: list(['违法行为代码', 'Conduct codes'], text(['代码', 'Code'], 64), { min: 0, max: 10 }).optional(),
  // 联合检查: the department competent for the finding (default: the host); checked against the case.
  competentDepartmentId: department(['主管部门', 'Competent department']).optional(),
});

export const findingList = (min: number) => list(['检查发现', 'Findings'], finding, { min, max: 50 });

const rectificationDeadline = () => localDate(['整改期限', 'Rectification deadline']);
const supervisedListing = () => flag(['挂牌督办（重大事故隐患）', 'Supervised listing (major hazard)']).optional();
const comment = () => text(['备注', 'Comment'], 2000).optional();
const reason = (titles: [string, string] = ['理由', 'Reason']) => text(titles, 2000);

/** 行政强制法 Art.25: 查封、扣押的期限不得超过三十日. */
const seizure = section(['查封、扣押', 'Seizure'], {
  items: text(['查封扣押的场所、设施或财物', 'Sealed or seized items'], 500),
  days: integer(['期限（日）', 'Term (days)'], { min: 1, max: 30 }),
});

const measures = section(['现场处理措施', 'Immediate measures'], {
  suspension: flag(['责令暂时停产停业、停止使用', 'Suspension of production or use']).optional(),
  seizure: seizure.optional(),
}).refine((given) => given.suspension === true || given.seizure !== undefined, {
  message: 'names no measure: order a suspension, a seizure or both',
});

/** 复查 (and 现场检查) observations. */
const reinspectionFields = {
  confirmations: confirmationList(),
  opinion: longText(['复查意见', 'Opinion'], 2000),
  findings: findingList(0).optional(),
};

export const InspectionSteps = {
  INSPECTION_RECORD: defineStep({
    type: 'INSPECTION_RECORD',
    title: label('现场检查记录', 'On-site inspection record'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: {
      NO_ISSUE: {
        label: label('未发现问题', 'No issue found'),
        payload: form({ confirmations: confirmationList(), comment: comment() }),
      },
      RECTIFY: {
        label: label('责令限期整改', 'Order rectification'),
        payload: form({
          confirmations: confirmationList(),
          findings: findingList(1),
          rectificationDeadline: rectificationDeadline(),
          supervisedListing: supervisedListing(),
          comment: comment(),
        }),
      },
      IMMEDIATE_MEASURES: {
        label: label('现场处理措施并责令整改', 'Immediate measures and rectification'),
        payload: form({
          confirmations: confirmationList(),
          findings: findingList(1),
          rectificationDeadline: rectificationDeadline(),
          measures,
          supervisedListing: supervisedListing(),
          comment: comment(),
        }),
      },
      PROPOSE_PENALTY: {
        label: label('建议立案处罚', 'Propose a penalty case'),
        payload: form({
          confirmations: confirmationList(),
          findings: findingList(1),
          penaltyReason: longText(['立案处罚理由', 'Reason for a penalty case'], 2000),
          comment: comment(),
        }),
      },
    },
  }),
  REINSPECTION: defineStep({
    type: 'REINSPECTION',
    title: label('整改复查', 'Re-inspection'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: {
      RECTIFIED: { label: label('已整改', 'Rectified'), payload: form(reinspectionFields) },
      NOT_RECTIFIED: {
        label: label('逾期未整改', 'Not rectified'),
        payload: form({
          ...reinspectionFields,
          refusedStopOrder: flag(['拒不执行停产停业指令', 'Refused the stop order']).optional(),
        }),
      },
    },
  }),
  SEIZURE_DECISION: defineStep({
    type: 'SEIZURE_DECISION',
    title: label('查封扣押期限届满前处理', 'Seizure decision before the term ends'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      RELEASE: { label: label('解除查封扣押', 'Release'), payload: form({ reason: reason() }) },
      DISPOSE: { label: label('依法处理', 'Dispose by law'), payload: form({ reason: reason() }) },
      EXTEND: {
        label: label('申请延长期限', 'Request an extension'),
        payload: form({
          days: integer(['延长日数', 'Extension (days)'], { min: 1, max: 30 }),
          reason: reason(['延长理由', 'Reason for the extension']),
        }),
      },
    },
  }),
  SEIZURE_EXTENSION_APPROVAL: defineStep({
    type: 'SEIZURE_EXTENSION_APPROVAL',
    title: label('查封扣押延期审批', 'Seizure extension approval'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: OUTCOME.APPROVE, payload: commentOnly() },
      REJECT: { label: OUTCOME.REJECT, payload: form({ reason: reason() }) },
    },
  }),
  LISTING_REVIEW: defineStep({
    type: 'LISTING_REVIEW',
    title: label('挂牌督办隐患整改核查', 'Supervised hazard review'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: outcomesSharing(() => form({ opinion: longText(['核查意见', 'Opinion'], 2000) }), {
      REMOVED: ['隐患已消除', 'Hazard removed'],
      NOT_REMOVED: ['隐患未消除', 'Hazard not removed'],
    }),
  }),
  LISTING_LIFT_APPROVAL: defineStep({
    type: 'LISTING_LIFT_APPROVAL',
    title: label('挂牌督办销号审批', 'Lifting the supervised listing'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: label('同意销号', 'Approve lifting'), payload: commentOnly() },
      REJECT: { label: OUTCOME.REJECT, payload: form({ reason: reason() }) },
    },
  }),
  CRIMINAL_TRANSFER_REVIEW: defineStep({
    type: 'CRIMINAL_TRANSFER_REVIEW',
    title: label('涉嫌危险作业罪移送审查', 'Criminal transfer review'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: outcomesSharing(() => form({ reason: reason() }), {
      PROPOSE_TRANSFER: ['建议移送公安机关', 'Propose a transfer'],
      NO_TRANSFER: ['不移送', 'No transfer'],
    }),
  }),
};

export type InspectionRecordPayload = z.output<
  (typeof InspectionSteps.INSPECTION_RECORD.outcomes)[keyof typeof InspectionSteps.INSPECTION_RECORD.outcomes]['payload']
>;
