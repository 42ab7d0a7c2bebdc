import { z } from 'zod';
import { Role } from '@safety/domain/identity/roles';
import {
  commentOnly,
  choice,
  flag,
  form,
  label,
  list,
  localDate,
  longText,
  money,
  text,
  user,
  attachments,
} from './fields';
import { distinctBy, OUTCOME, serviceRecord } from './common';
import { defineStep, outcomesSharing } from './step-definition';

/** Penalty measures (行政处罚法 Art.9). */
export const PENALTY_MEASURE = choice(['处罚种类', 'Penalty measure'], {
  WARNING: ['警告', 'Warning'],
  CRITICISM: ['通报批评', 'Public criticism'],
  FINE: ['罚款', 'Fine'],
  CONFISCATION: ['没收违法所得、没收非法财物', 'Confiscation'],
  QUALIFICATION_DOWNGRADE: ['降低资质等级', 'Qualification downgrade'],
  LICENCE_REVOCATION: ['吊销许可证件', 'Licence revocation'],
  LICENCE_SUSPENSION: ['暂扣许可证件', 'Licence suspension'],
  SUSPEND_PRODUCTION: ['责令停产停业', 'Suspension of production'],
  CLOSURE: ['责令关闭', 'Closure'],
  PRACTICE_RESTRICTION: ['限制从业', 'Restriction from practice'],
});

export const CIRCUMSTANCE = choice(['裁量情节', 'Circumstance'], {
  LENIENT: ['从轻', 'Lenient'],
  ORDINARY: ['一般', 'Ordinary'],
  SEVERE: ['从重', 'Severe'],
});

const PARTY_TYPE = choice(['当事人类型', 'Party type'], {
  INDIVIDUAL: ['个人', 'Individual'],
  ORGANISATION: ['单位', 'Organisation'],
});

const measureList = () =>
  list(['处罚种类', 'Penalty measures'], PENALTY_MEASURE, { min: 1, max: 10 }).refine(
    (measures) => new Set(measures).size === measures.length,
    { message: 'lists a measure twice' },
  );

/** 调查取证: each piece of evidence is collected by at least two credentialed officers (行政处罚法 Art.42, 55). */
const evidenceItem = form({
  kind: choice(['证据种类', 'Kind of evidence'], {
    INSPECTION_RECORD: ['现场检查笔录', 'Inspection record'],
    INQUIRY_RECORD: ['询问笔录', 'Inquiry record'],
    PHOTO: ['照片', 'Photo'],
    VIDEO: ['视听资料', 'Audio-visual record'],
    DOCUMENT: ['书证', 'Documentary evidence'],
    EXPERT_OPINION: ['鉴定意见', 'Expert opinion'],
    OTHER: ['其他', 'Other'],
  }),
  description: text(['证据说明', 'Description'], 2000),
  attachmentIds: attachments().optional(),
  officers: list(
    ['取证执法人员', 'Collecting officers'],
    form({
      officerId: user(['执法人员', 'Officer']),
      credentialNo: text(['执法证号', 'Credential number'], 64),
    }),
    { min: 2, max: 10 },
  ).superRefine(distinctBy('officerId', 'names the same officer twice: two distinct officers collect evidence')),
});

/** Flags of the proposal that decide the 集体讨论 (Art.57) and 法制审核 (Art.58) gates. */
const proposalFields = {
  violationType: text(['违法行为（裁量基准条目）', 'Violation (benchmark entry)'], 64),
  facts: longText(['违法事实', 'Facts']),
  circumstance: CIRCUMSTANCE.optional(),
  partyType: PARTY_TYPE.optional(),
  measures: measureList().optional(),
  fineYuan: money(['罚款金额（元）', 'Fine (yuan)']).optional(),
  confiscationYuan: money(['没收金额（元）', 'Confiscation (yuan)']).optional(),
  reasons: longText(['理由', 'Reasons'], 5000).optional(),
  complex: flag(['案情复杂', 'Complex case']).optional(),
  serious: flag(['重大违法行为', 'Serious violation']).optional(),
  involvesMajorPublicInterest: flag(['涉及重大公共利益', 'Major public interest']).optional(),
  affectsMajorRights: flag(['直接关系当事人或第三人重大权益', 'Affects major rights']).optional(),
  multipleLegalRelationships: flag(['案件情况疑难复杂、涉及多个法律关系', 'Several legal relationships']).optional(),
  requiredByOtherRule: flag(['法律、法规规定应当进行法制审核', 'Review required by another rule']).optional(),
  // Ids of the OTHER lines of the department's 法制审核目录 this case falls under (Art.58(1)(4)).
  legalReviewCatalogueEntries: list(
    ['属于法制审核目录中的其他事项', 'Other catalogue entries that apply'],
    text(['目录条目编号', 'Catalogue entry id'], 48),
    { min: 0, max: 20 },
  ).optional(),
};

/**
 * The task's form names the OTHER lines of the department's 法制审核目录 (行政处罚法 Art.58) the officer may
 * flag, so an id outside them is visibly not an option before the submission is refused.
 */
function withOtherCatalogueEntries(
  schema: Record<string, unknown>,
  entries: ReadonlyArray<{ id: string; title: string }>,
): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const field = properties.legalReviewCatalogueEntries;
  const items = entries.length
    ? {
        type: 'string',
        enum: entries.map((entry) => entry.id),
        oneOf: entries.map((entry) => ({ const: entry.id, title: entry.title, 'x-title-en': entry.id })),
      }
    : field.items;
  return {
    ...schema,
    properties: { ...properties, legalReviewCatalogueEntries: { ...field, items, maxItems: entries.length } },
  };
}

/** A fine is proposed with its amount, and an amount only with a fine. */
const fineMatchesMeasures = (payload: { measures?: string[]; fineYuan?: number }, ctx: z.RefinementCtx) => {
  const fines = payload.measures?.includes('FINE') ?? false;
  if (fines && !(payload.fineYuan && payload.fineYuan > 0)) {
    ctx.addIssue({ code: 'custom', path: ['fineYuan'], message: 'is required (> 0) when the measures include FINE' });
  }
  if (!fines && payload.measures && payload.fineYuan) {
    ctx.addIssue({ code: 'custom', path: ['fineYuan'], message: 'is given but the measures do not include FINE' });
  }
};

const decisionFields = {
  reasons: longText(['决定理由', 'Reasons']),
  seriousViolation: flag(['严重违法失信行为', 'Serious dishonest violation']).optional(),
};

export const PenaltySteps = {
  FILING_APPROVAL: defineStep({
    type: 'FILING_APPROVAL',
    title: label('立案审批', 'Filing approval'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: label('同意立案', 'Approve filing'), payload: commentOnly() },
      REJECT: { label: label('不予立案', 'Refuse filing'), payload: commentOnly() },
    },
  }),
  INVESTIGATION: defineStep({
    type: 'INVESTIGATION',
    title: label('调查取证', 'Investigation'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: {
      SUBMIT: {
        label: label('提交调查结果', 'Submit the investigation'),
        payload: form({
          findings: longText(['调查发现', 'Findings']),
          evidence: list(['证据', 'Evidence'], evidenceItem, { min: 1, max: 200 }),
        }),
      },
    },
  }),
  EVIDENCE_PRESERVATION_APPROVAL: defineStep({
    type: 'EVIDENCE_PRESERVATION_APPROVAL',
    title: label('先行登记保存审批', 'Evidence preservation approval'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: OUTCOME.APPROVE, payload: commentOnly() },
      REJECT: { label: OUTCOME.REJECT, payload: commentOnly() },
    },
  }),
  EVIDENCE_PRESERVATION_DISPOSAL: defineStep({
    type: 'EVIDENCE_PRESERVATION_DISPOSAL',
    title: label('先行登记保存物品处理决定', 'Disposal of preserved evidence'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: outcomesSharing(() => form({ decision: text(['处理决定', 'Decision'], 2000) }), {
      RELEASE: ['解除登记保存', 'Release'],
      SEIZE_OR_SEAL: ['查封、扣押', 'Seize or seal'],
      TRANSFER: ['移送有关机关', 'Transfer to the competent body'],
      KEEP_AS_EVIDENCE: ['作为证据保存', 'Keep as evidence'],
    }),
  }),
  PENALTY_PROPOSAL: defineStep({
    type: 'PENALTY_PROPOSAL',
    title: label('案件审查与处罚建议', 'Case review and proposal'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: {
      PROPOSE_PENALTY: {
        label: label('建议给予行政处罚', 'Propose a penalty'),
        payload: form({ ...proposalFields, measures: measureList() }).superRefine(fineMatchesMeasures),
      },
      PROPOSE_NO_PENALTY: { label: label('建议不予行政处罚', 'Propose no penalty'), payload: form(proposalFields) },
      PROPOSE_WITHDRAWAL: { label: label('建议撤销案件', 'Propose withdrawal'), payload: form(proposalFields) },
    },
    taskSchema: (_outcome, schema, context) =>
      Array.isArray(context.otherCatalogueEntries)
        ? withOtherCatalogueEntries(schema, context.otherCatalogueEntries as Array<{ id: string; title: string }>)
        : schema,
  }),
  LEGAL_REVIEW: defineStep({
    type: 'LEGAL_REVIEW',
    title: label('法制审核', 'Legal review'),
    roles: [Role.LEGAL_REVIEWER],
    outcomes: {
      APPROVE: {
        label: label('审核通过', 'Pass'),
        payload: form({ opinion: longText(['审核意见', 'Opinion']) }),
      },
      RETURN: {
        label: label('退回补正', 'Return for correction'),
        payload: form({ opinion: longText(['审核意见', 'Opinion']) }),
      },
    },
  }),
  PENALTY_NOTICE_SERVICE: defineStep({
    type: 'PENALTY_NOTICE_SERVICE',
    title: label('送达行政处罚告知书', 'Serve the penalty notice'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: { SERVED: { label: OUTCOME.SERVED, payload: serviceRecord() } },
  }),
  HEARING_SCHEDULING: defineStep({
    type: 'HEARING_SCHEDULING',
    title: label('听证通知', 'Hearing notice'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      SCHEDULED: {
        label: label('确定听证', 'Schedule'),
        payload: form({
          hearingDate: localDate(['听证日期', 'Hearing date']),
          location: text(['听证地点', 'Location'], 500),
          chairId: user(['听证主持人', 'Chair']),
        }),
      },
    },
  }),
  HEARING: defineStep({
    type: 'HEARING',
    title: label('听证', 'Hearing'),
    roles: [Role.AGENCY_HEAD, Role.LEGAL_REVIEWER, Role.ENFORCEMENT_OFFICER],
    outcomes: {
      HELD: {
        label: label('已举行听证', 'Held'),
        payload: form({ record: longText(['听证笔录', 'Hearing record'], 50_000) }),
      },
      PARTY_ABSENT: {
        label: label('当事人无正当理由未到场', 'Party absent'),
        payload: form({ record: longText(['听证笔录', 'Hearing record'], 50_000) }),
      },
    },
  }),
  COLLECTIVE_DISCUSSION: defineStep({
    type: 'COLLECTIVE_DISCUSSION',
    title: label('重大案件集体讨论', 'Collective discussion'),
    roles: [Role.AGENCY_HEAD],
    outcomes: outcomesSharing(collectiveDiscussionPayload, {
      DECIDE_PENALTY: ['决定给予行政处罚', 'Decide a penalty'],
      NO_PENALTY: ['决定不予行政处罚', 'Decide no penalty'],
      WITHDRAW: ['决定撤销案件', 'Withdraw the case'],
      RETURN: ['退回补充调查', 'Return for more investigation'],
    }),
  }),
  PENALTY_DECISION: defineStep({
    type: 'PENALTY_DECISION',
    title: label('行政处罚决定审批', 'Penalty decision'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      DECIDE_PENALTY: {
        label: label('决定给予行政处罚', 'Decide a penalty'),
        payload: form({
          ...decisionFields,
          measures: measureList().optional(),
          fineYuan: money(['罚款金额（元）', 'Fine (yuan)']).optional(),
          circumstance: CIRCUMSTANCE.optional(),
        }).superRefine((payload, ctx) => {
          if (payload.measures && !payload.measures.includes('FINE') && payload.fineYuan) {
            ctx.addIssue({
              code: 'custom',
              path: ['fineYuan'],
              message: 'is given but the measures do not include FINE',
            });
          }
        }),
      },
      NO_PENALTY: { label: label('决定不予行政处罚', 'Decide no penalty'), payload: form(decisionFields) },
      WITHDRAW: { label: label('决定撤销案件', 'Withdraw the case'), payload: form(decisionFields) },
      RETURN: { label: label('退回补充调查', 'Return for more investigation'), payload: form(decisionFields) },
    },
  }),
  DECISION_SERVICE: defineStep({
    type: 'DECISION_SERVICE',
    title: label('送达处罚决定书', 'Serve the decision'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: { SERVED: { label: OUTCOME.SERVED, payload: serviceRecord() } },
  }),
  PAYMENT_DEMAND_SERVICE: defineStep({
    type: 'PAYMENT_DEMAND_SERVICE',
    title: label('送达催告书', 'Serve the payment demand'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: { SERVED: { label: OUTCOME.SERVED, payload: serviceRecord() } },
  }),
  COURT_ENFORCEMENT_APPLICATION: defineStep({
    type: 'COURT_ENFORCEMENT_APPLICATION',
    title: label('申请人民法院强制执行', 'Apply to the court for enforcement'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      FILED: {
        label: label('已申请强制执行', 'Application filed'),
        payload: form({
          court: text(['受理法院', 'Court'], 200),
          filedOn: localDate(['申请日期', 'Filed on']),
        }),
      },
      PAID_MEANWHILE: { label: label('当事人已缴清', 'Paid meanwhile'), payload: commentOnly() },
    },
  }),
  DECISION_PUBLICATION: defineStep({
    type: 'DECISION_PUBLICATION',
    title: label('行政处罚决定公示', 'Publish the decision'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      PUBLISH: {
        label: label('公示', 'Publish'),
        payload: form({ violationSummary: text(['公示的违法行为摘要', 'Published summary'], 2000).optional() }),
      },
      CANCEL: {
        label: label('决定已撤销，不予公示', 'Cancel (decision revoked)'),
        payload: form({ violationSummary: text(['公示的违法行为摘要', 'Published summary'], 2000).optional() }),
      },
    },
  }),
  PUBLICATION_WITHDRAWAL: defineStep({
    type: 'PUBLICATION_WITHDRAWAL',
    title: label('撤回已公示的处罚决定', 'Withdraw the publication'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: { WITHDRAWN: { label: label('已撤回', 'Withdrawn'), payload: commentOnly() } },
  }),
  CASE_ARCHIVE: defineStep({
    type: 'CASE_ARCHIVE',
    title: label('结案审批与归档', 'Close and archive'),
    roles: [Role.AGENCY_HEAD],
    outcomes: { ARCHIVE: { label: label('结案归档', 'Archive'), payload: commentOnly() } },
  }),
};

function collectiveDiscussionPayload() {
  return form({
    participants: list(['参加讨论的负责人', 'Participating heads'], text(['姓名', 'Name'], 100), { min: 3, max: 50 }),
    minutes: longText(['讨论记录', 'Minutes'], 50_000),
  });
}
