import { z } from 'zod';
import type { TeamRole } from '@safety/domain/accident/policy';
import {
  HANDLING_BY_KIND,
  PARTY_KIND_LABELS,
  PARTY_KINDS,
  partyProblems,
  PROPOSED_HANDLING_LABELS,
} from '@safety/domain/accident/proposals';
import type { ResponsiblePartyOutcome } from '@safety/domain/accident/four-not-let-go';
import { NOTIFIED_BODY_LABELS, REPORT_MEANS_LABELS } from '@safety/domain/accident/report-notifications';
import { Role } from '@safety/domain/identity/roles';
import { OUTCOME, distinctBy } from './common';
import {
  attachments,
  choice,
  flag,
  form,
  instant,
  integer,
  label,
  list,
  localDate,
  longText,
  text,
  user,
  users,
} from './fields';
import { defineStep, outcomesSharing, PayloadOf } from './step-definition';

type Titles = [zh: string, en: string];

/** 条例 Art.22: who sits on an investigation team besides its lead. */
const MEMBER_ROLE_LABELS: Record<Exclude<TeamRole, 'LEAD'>, Titles> = {
  MEMBER: ['调查组成员', 'Member'],
  DISCIPLINE: ['纪检监察机关', 'Discipline inspection / supervision'],
  POLICE: ['公安机关', 'Police'],
  TRADE_UNION: ['工会', 'Trade union'],
  PROCURATORATE: ['人民检察院', 'Procuratorate'],
  EXPERT: ['专家', 'Expert'],
};

const OUTCOME_LABELS: Record<Exclude<ResponsiblePartyOutcome, 'PENDING'>, Titles> = {
  ADMINISTRATIVE_PENALTY_DECIDED: ['已作出行政处罚', 'Administrative penalty decided'],
  DISCIPLINARY_SANCTION_DECIDED: ['已给予处分', 'Disciplinary sanction decided'],
  INTERNAL_ACTION_TAKEN: ['单位已内部处理', 'Internal action taken'],
  TRANSFERRED_TO_JUDICIARY: ['已移送司法机关', 'Transferred to the judiciary'],
  NO_LIABILITY_FOUND: ['不予追究', 'No liability found'],
};

/** A registered enterprise (its id in the enterprise register). */
const enterprise = (titles: Titles) => z.guid().meta({ title: titles[0], 'x-title-en': titles[1] });

/** 居民身份证号码: 17 digits and a check digit or X. */
const residentId = (titles: Titles) =>
  z
    .string()
    .regex(/^\d{17}[\dXx]$/)
    .meta({ title: titles[0], 'x-title-en': titles[1] });

// ---- 组建事故调查组 (条例 Art.22) ----

const teamMember = form({
  userId: user(['成员', 'Member']),
  teamRole: choice(['成员类别', 'Role in the team'], MEMBER_ROLE_LABELS),
});

const teamPayload = form({
  leadId: user(['调查组组长', 'Team lead']),
  members: list(['调查组成员', 'Members'], teamMember, { min: 1, max: 50 }).superRefine(
    distinctBy('userId', 'names the same person twice'),
  ),
  procuratorateInvited: flag(['邀请人民检察院派人参加', 'Procuratorate invited']),
}).superRefine((team, ctx) => {
  team.members.forEach((member, index) => {
    if (member.userId === team.leadId)
      ctx.addIssue({ code: 'custom', path: ['members', index, 'userId'], message: 'is the team lead' });
  });
});

/**
 * The team roles the case's policy requires (条例 Art.22), published on the task's own form: the
 * members must include one of each (JSON Schema `contains`). The workflow checks the same list on
 * completion and names the missing roles when it refuses.
 */
function withRequiredTeamRoles(schema: Record<string, unknown>, roles: readonly string[]): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const members = properties.members;
  return {
    ...schema,
    properties: {
      ...properties,
      members: {
        ...members,
        description: `须包含以下类别的成员：${roles.join('、')}（《生产安全事故报告和调查处理条例》第二十二条）`,
        'x-description-en': `Must include a member of each of these roles: ${roles.join(', ')} (条例 Art.22)`,
        allOf: roles.map((role) => ({
          contains: { type: 'object', properties: { teamRole: { const: role } }, required: ['teamRole'] },
        })),
      },
    },
  };
}

// ---- 事故调查报告 (条例 Art.30) ----

/**
 * partyProblems' rules as JSON Schema conditionals (draft 2020-12 `if`/`then`), so a client learns
 * from the published schema which handlings fit which kind of party and which fields they need.
 */
const PARTY_RULES = [
  ...PARTY_KINDS.map((kind) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { properties: { proposedHandling: { enum: [...HANDLING_BY_KIND[kind]] } } },
  })),
  {
    if: {
      properties: {
        kind: { enum: PARTY_KINDS.filter((kind) => kind !== 'PUBLIC_OFFICIAL') },
        proposedHandling: { const: 'ADMINISTRATIVE_PENALTY' },
      },
      required: ['kind', 'proposedHandling'],
    },
    then: { required: ['enterpriseId'] },
  },
  {
    if: { properties: { kind: { const: 'PUBLIC_OFFICIAL' } }, required: ['kind'] },
    then: { required: ['organisation'] },
  },
];

const responsibleParty = form({
  kind: choice(['类型', 'Kind'], PARTY_KIND_LABELS),
  name: text(['名称或姓名', 'Name'], 200),
  enterpriseId: enterprise(['所属企业', 'Enterprise']).optional(),
  organisation: text(['工作单位', 'Organisation'], 200).optional(),
  position: text(['职务', 'Position'], 200).optional(),
  idNumber: residentId(['居民身份证号码', 'Resident ID number']).optional(),
  responsibility: longText(['责任认定', 'Responsibility'], 5000),
  proposedHandling: choice(['处理建议', 'Proposed handling'], PROPOSED_HANDLING_LABELS),
  handlingDetail: longText(['处理建议说明', 'Details of the proposed handling'], 5000).optional(),
})
  .superRefine((party, ctx) => {
    for (const found of partyProblems(party))
      ctx.addIssue({ code: 'custom', path: [found.field], message: found.message });
  })
  .meta({ allOf: PARTY_RULES });

const rectificationMeasure = form({
  description: longText(['整改措施', 'Measure'], 5000),
  owner: text(['责任单位', 'Owner'], 200),
  dueDate: localDate(['完成期限', 'Due date']),
});

const reportPayload = form({
  directCauses: longText(['直接原因', 'Direct causes']),
  indirectCauses: longText(['间接原因', 'Indirect causes']),
  summary: longText(['调查报告摘要', 'Summary']).optional(),
  findsNoResponsibleParty: flag(['未认定责任人员和责任单位', 'Finds no responsible party']).optional(),
  responsibleParties: list(['责任人员和责任单位', 'Responsible parties'], responsibleParty, { min: 0, max: 100 }),
  rectificationMeasures: list(['整改措施', 'Rectification measures'], rectificationMeasure, { min: 1, max: 100 }),
  educationMeasures: longText(['教育措施', 'Education measures']),
}).superRefine((report, ctx) => {
  const none = report.findsNoResponsibleParty === true;
  if (report.responsibleParties.length === 0 && !none) {
    ctx.addIssue({
      code: 'custom',
      path: ['responsibleParties'],
      message: 'name the responsible parties, or state findsNoResponsibleParty',
    });
  }
  if (report.responsibleParties.length > 0 && none) {
    ctx.addIssue({
      code: 'custom',
      path: ['findsNoResponsibleParty'],
      message: 'contradicts the named responsible parties',
    });
  }
});

const summaryOnly = (titles: Titles) => () => form({ summary: longText(titles, 10_000) });

export const AccidentSteps = {
  TEAM_FORMATION: defineStep({
    type: 'ACCIDENT_TEAM_FORMATION',
    title: label('组建事故调查组', 'Form the investigation team'),
    roles: [Role.AGENCY_HEAD],
    outcomes: { FORM: { label: label('组建', 'Form the team'), payload: teamPayload } },
    taskSchema: (_outcome, schema, context) =>
      Array.isArray(context.requiredTeamRoles)
        ? withRequiredTeamRoles(schema, context.requiredTeamRoles as string[])
        : schema,
  }),
  MEMBER_FINDINGS: defineStep({
    type: 'ACCIDENT_MEMBER_FINDINGS',
    title: label('调查组成员：提交调查情况', "Team member's findings"),
    roles: [Role.INVESTIGATION_MEMBER, Role.DISCIPLINE_BODY],
    outcomes: { SUBMIT: { label: OUTCOME.SUBMIT, payload: form({ findings: longText(['调查情况', 'Findings']) }) } },
  }),
  INVESTIGATION_REPORT: defineStep({
    type: 'ACCIDENT_INVESTIGATION_REPORT',
    title: label('提交事故调查报告', 'Submit the investigation report'),
    roles: [Role.INVESTIGATION_MEMBER, Role.AGENCY_HEAD],
    outcomes: { SUBMIT: { label: label('提交报告', 'Submit the report'), payload: reportPayload } },
  }),
  REPORT_APPROVAL: defineStep({
    type: 'ACCIDENT_REPORT_APPROVAL',
    title: label('事故调查报告批复', 'Approval of the report (批复)'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: {
        label: label('批复同意', 'Approve'),
        payload: form({
          comment: text(['批复意见', 'Comment'], 5000).optional(),
          transferTeamIds: users(['涉嫌犯罪案件移送小组', 'Criminal transfer team'], { min: 2, max: 10 })
            .refine((ids) => new Set(ids).size === ids.length, { message: 'names an officer twice' })
            .optional(),
        }),
      },
      RETURN: {
        label: OUTCOME.RETURN,
        payload: form({
          reason: longText(['退回理由', 'Reason for returning'], 5000),
          comment: text(['意见', 'Comment'], 5000).optional(),
        }),
      },
    },
  }),
  ACCOUNTABILITY_OUTCOME: defineStep({
    type: 'ACCIDENT_ACCOUNTABILITY_OUTCOME',
    title: label('记录责任追究结果', 'Record the accountability outcome'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: outcomesSharing(summaryOnly(['处理结果', 'Result']), OUTCOME_LABELS),
  }),
  RECTIFICATION_EVIDENCE: defineStep({
    type: 'ACCIDENT_RECTIFICATION_EVIDENCE',
    title: label('整改措施落实情况', 'Evidence of a rectification measure'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      SUBMIT: {
        label: OUTCOME.SUBMIT,
        payload: form({
          evidence: longText(['落实情况', 'What was done'], 10_000),
          attachmentIds: attachments().optional(),
        }),
      },
    },
  }),
  RECTIFICATION_VERIFICATION: defineStep({
    type: 'ACCIDENT_RECTIFICATION_VERIFICATION',
    title: label('整改措施核查', 'Verification of a rectification measure'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      VERIFIED: {
        label: label('核查通过', 'Verified'),
        payload: form({ comment: text(['核查意见', 'Comment'], 10_000).optional() }),
      },
      REJECTED: {
        label: label('未落实，退回', 'Not carried out'),
        payload: form({ comment: longText(['核查意见', 'Comment'], 10_000) }),
      },
    },
  }),
  ONE_YEAR_EVALUATION: defineStep({
    type: 'ACCIDENT_ONE_YEAR_EVALUATION',
    title: label('事故整改措施落实情况评估', 'One-year evaluation of the measures'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      COMPLETE: {
        label: OUTCOME.COMPLETE,
        payload: form({
          findings: longText(['评估情况', 'Findings']),
          teamIds: users(['评估组成员', 'Evaluation team'], { min: 1, max: 50 }),
          slippedMeasureSeqs: list(
            ['未落实的整改措施（序号）', 'Measures not carried out (numbers)'],
            integer(['序号', 'Number'], { min: 1, max: 100 }),
            { min: 0, max: 100 },
          ).optional(),
        }),
      },
    },
  }),
  SUPERVISED_LISTING: defineStep({
    type: 'ACCIDENT_SUPERVISED_LISTING',
    title: label('挂牌督办事项办结', 'Supervised listing completed'),
    roles: [Role.AGENCY_HEAD],
    outcomes: { COMPLETED: { label: label('办结', 'Completed'), payload: summaryOnly(['办结情况', 'Summary'])() } },
  }),
  SUPERVISED_LISTING_PROGRESS: defineStep({
    type: 'ACCIDENT_SUPERVISED_LISTING_PROGRESS',
    title: label('挂牌督办进展报告', 'Supervised listing progress report'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: { REPORTED: { label: OUTCOME.REPORTED, payload: summaryOnly(['进展情况', 'Progress'])() } },
  }),
  /**
   * 条例 Art.10–11: the accident reached this level of the chain (emergency management or the sector's
   * supervising department), within 2 hours of the level below receiving it. Completed in this
   * level's inbox; the completion is the reported-at instant.
   */
  UPWARD_REPORT: defineStep({
    type: 'ACCIDENT_UPWARD_REPORT',
    title: label('事故逐级上报（本级接报）', 'Accident reported up to this level'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      REPORTED: {
        label: OUTCOME.REPORTED,
        payload: form({ note: text(['接报情况', 'Note on the report received'], 2000).optional() }),
      },
    },
  }),
  /**
   * 条例 Art.10 para.2 (越级上报): a level below reported straight to this one, past the level(s) still
   * waiting; due 2 hours from that report (Art.11). Completed in this level's inbox, as the level-by-level one.
   */
  SKIP_LEVEL_REPORT: defineStep({
    type: 'ACCIDENT_SKIP_LEVEL_REPORT',
    title: label('事故越级上报（本级接报）', 'Accident reported past a level to this one'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      REPORTED: {
        label: OUTCOME.REPORTED,
        payload: form({ note: text(['接报情况', 'Note on the report received'], 2000).optional() }),
      },
    },
  }),
  /**
   * 条例 Art.10(1): a 重大/特别重大 accident goes on from the province to the State Council's departments,
   * which the installation does not hold: the province records when it reported, how and to whom.
   */
  NATIONAL_REPORT: defineStep({
    type: 'ACCIDENT_NATIONAL_REPORT',
    title: label('事故上报国务院有关部门', 'Accident reported to the State Council department'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      REPORTED: {
        label: OUTCOME.REPORTED,
        payload: form({
          reportedAt: instant(['上报时间', 'Reported at']),
          means: choice(['上报方式', 'Means'], REPORT_MEANS_LABELS),
          recipient: text(['接报单位及接报人', 'Received by (office and person)'], 200),
          note: text(['上报情况', 'Note on the report'], 2000).optional(),
        }),
      },
    },
  }),
  /**
   * 条例 Art.10(1): each department that received the report notifies 公安机关、劳动保障行政部门、工会和
   * 人民检察院; the step comes back until every body is recorded.
   */
  REPORT_NOTIFICATIONS: defineStep({
    type: 'ACCIDENT_REPORT_NOTIFICATIONS',
    title: label(
      '事故报告通知（公安、人社、工会、检察院）',
      'Accident report notifications (police, labour, union, procuratorate)',
    ),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      RECORDED: {
        label: label('已通知', 'Notified'),
        payload: form({
          notifications: list(
            ['通知记录', 'Notifications'],
            form({
              body: choice(['被通知机关', 'Body notified'], NOTIFIED_BODY_LABELS),
              notifiedAt: instant(['通知时间', 'Notified at']),
              means: choice(['通知方式', 'Means'], REPORT_MEANS_LABELS),
              recipient: text(['接收人', 'Received by'], 200).optional(),
            }),
            { min: 1, max: 4 },
          ).superRefine(distinctBy('body', 'names the same body twice')),
        }),
      },
    },
  }),
};

export type NationalReportPayload = PayloadOf<typeof AccidentSteps.NATIONAL_REPORT, 'REPORTED'>;
export type ReportNotificationsPayload = PayloadOf<typeof AccidentSteps.REPORT_NOTIFICATIONS, 'RECORDED'>;
export type TeamFormationPayload = PayloadOf<typeof AccidentSteps.TEAM_FORMATION, 'FORM'>;
export type InvestigationReportPayload = PayloadOf<typeof AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT'>;
