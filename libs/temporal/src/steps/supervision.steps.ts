import { z } from 'zod';
import { Role } from '@safety/domain/identity/roles';
import { attachments, choice, form, integer, label, list, localDate, longText, section, text } from './fields';
import { defineStep } from './step-definition';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD } = Role;

/** Whom a summons is of (SUMMONS_TARGET_KINDS in the domain). */
export const summonsTargetKind = () =>
  choice(['约谈对象类别', 'Whom'], {
    ENTERPRISE_PRINCIPAL: ['企业主要负责人', "An enterprise's principal"],
    GOVERNMENT_LEADER: ['下级人民政府负责人', "A lower government's leader"],
    DEPARTMENT_LEADER: ['部门负责人', "A department's leader"],
  });

/** A person at a summons (约谈参加人员). */
const attendee = () =>
  section(['参加人员', 'Attendee'], {
    name: text(['姓名', 'Name'], 100),
    position: text(['单位职务', 'Organisation and position'], 200),
  });

/** What a summons is about, as the issuer opens it (from an overdue item or directly). */
export const summonsOpening = () =>
  section(['约谈事项', 'Summons'], {
    targetKind: summonsTargetKind(),
    targetName: text(['被约谈单位', 'Summoned organisation'], 200),
    principalName: text(['被约谈人', 'Person summoned'], 100),
    reason: longText(['约谈事由', 'Reason'], 5000),
    basis: text(['约谈依据', 'Basis'], 2000),
    scheduledOn: localDate(['约谈日期', 'Date']),
    attendees: list(['参加人员', 'Attendees'], attendee(), { min: 1, max: 30 }),
  });

/** One commitment made at a summons: each becomes a tracked rectification item (整改事项). */
const commitment = () =>
  section(['整改承诺', 'Commitment'], {
    content: text(['承诺内容', 'What is committed'], 2000),
    deadline: localDate(['完成时限', 'Deadline']),
    responsible: text(['责任人', 'Responsible person'], 100),
  });

/**
 * 督办 and 约谈: each responsible department's progress report per period, the milestone check on
 * the issuer's board, the lead department's consolidation, the issuer's acceptance; the summons's
 * minutes and commitments, each commitment's verification and the publication of the record.
 */
export const SupervisionSteps = {
  PROGRESS_REPORT: defineStep({
    type: 'SUPERVISION_PROGRESS_REPORT',
    title: label('督办：进展报告', 'Supervision: progress report'),
    roles: [OFFICER, HEAD],
    outcomes: {
      REPORT: {
        label: label('报送进展', 'Report progress'),
        payload: form({
          progress: longText(['工作进展', 'Progress'], 10_000),
          percentComplete: integer(['完成比例（%）', 'Complete (%)'], { min: 0, max: 100 }),
          problems: text(['存在问题', 'Problems'], 5000).optional(),
          attachmentIds: attachments(['佐证材料', 'Evidence']).optional(),
        }),
      },
    },
  }),
  MILESTONE: defineStep({
    type: 'SUPERVISION_MILESTONE',
    title: label('督办：节点核查', 'Supervision: milestone check'),
    roles: [OFFICER, HEAD],
    outcomes: {
      MET: {
        label: label('节点已完成', 'Milestone met'),
        payload: form({
          note: text(['核查情况', 'Findings'], 5000),
          attachmentIds: attachments(['佐证材料', 'Evidence']).optional(),
        }),
      },
      OPEN_SUMMONS: {
        label: label('逾期未完成，启动约谈', 'Overdue: open a summons'),
        payload: form({ summons: summonsOpening() }),
      },
    },
  }),
  CONSOLIDATION: defineStep({
    type: 'SUPERVISION_CONSOLIDATION',
    title: label('督办：牵头单位汇总', 'Supervision: lead department consolidation'),
    roles: [OFFICER, HEAD],
    outcomes: {
      PROPOSE_COMPLETION: {
        label: label('汇总并申请办结', 'Consolidate and propose completion'),
        payload: form({
          summary: longText(['完成情况汇总', 'Consolidated report'], 20_000),
          attachmentIds: attachments(['佐证材料', 'Evidence']).optional(),
        }),
      },
    },
  }),
  ACCEPTANCE: defineStep({
    type: 'SUPERVISION_ACCEPTANCE',
    title: label('督办：验收销号', 'Supervision: issuer acceptance'),
    roles: [HEAD],
    outcomes: {
      ACCEPT: {
        label: label('同意办结', 'Accept'),
        payload: form({ comment: text(['验收意见', 'Comment'], 2000).optional() }),
      },
      RETURN: {
        label: label('退回继续办理', 'Return'),
        payload: form({ reason: text(['退回理由', 'Reason'], 2000) }),
      },
    },
  }),
};

export const SummonsSteps = {
  MINUTES: defineStep({
    type: 'SUMMONS_MINUTES',
    title: label('约谈：约谈记录', 'Summons: minutes and commitments'),
    roles: [OFFICER, HEAD],
    outcomes: {
      HELD: {
        label: label('约谈已进行', 'Held'),
        payload: form({
          heldOn: localDate(['约谈日期', 'Held on']),
          attendees: list(['实际参加人员', 'Attendees'], attendee(), { min: 1, max: 30 }),
          minutes: longText(['约谈纪要', 'Minutes'], 20_000),
          commitments: list(['整改承诺', 'Commitments'], commitment(), { min: 1, max: 20 }),
          attachmentIds: attachments(['约谈材料', 'Documents']).optional(),
        }),
      },
    },
  }),
  COMMITMENT_VERIFICATION: defineStep({
    type: 'SUMMONS_COMMITMENT_VERIFICATION',
    title: label('约谈：整改承诺核查', 'Summons: commitment verification'),
    roles: [OFFICER, HEAD],
    outcomes: {
      VERIFIED: {
        label: label('已整改到位', 'Verified'),
        payload: form({
          findings: longText(['核查情况', 'Findings'], 10_000),
          attachmentIds: attachments(['核查材料', 'Evidence']).optional(),
        }),
      },
      NOT_MET: {
        label: label('未整改到位，限期再查', 'Not met: verify again'),
        payload: form({
          findings: longText(['核查情况', 'Findings'], 10_000),
          newDeadline: localDate(['新的完成时限', 'New deadline']),
        }),
      },
    },
  }),
  PUBLICATION: defineStep({
    type: 'SUMMONS_PUBLICATION',
    title: label('约谈：公开约谈情况', 'Summons: publication'),
    roles: [OFFICER, HEAD],
    outcomes: {
      PUBLISHED: {
        label: label('已公开', 'Published'),
        payload: form({
          publishedOn: localDate(['公开日期', 'Published on']),
          channel: choice(['公开方式', 'Where'], {
            WEBSITE: ['政府网站', 'Government website'],
            MEDIA: ['新闻媒体', 'News media'],
            BULLETIN: ['通报', 'Bulletin'],
          }),
          summary: longText(['公开内容', 'What is published'], 10_000),
        }),
      },
    },
  }),
};

/** A summons's opening as the milestone step carries it. */
export type SummonsOpening = z.output<ReturnType<typeof summonsOpening>>;
