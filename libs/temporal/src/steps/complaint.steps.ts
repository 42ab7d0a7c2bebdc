import { z } from 'zod';
import { Role } from '@safety/domain/identity/roles';
import { attachments, choice, department, flag, form, label, localDate, longText, money, text, users } from './fields';
import { defineStep } from './step-definition';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD } = Role;

/** What a verification proved (the basis of the reward tier; VERIFIED_GRADES in the domain). */
const verifiedGrade = () =>
  choice(['核实情况等级', 'Verified grade'], {
    GENERAL_HAZARD: ['一般事故隐患', 'General hazard'],
    MAJOR_HAZARD: ['重大事故隐患', 'Major hazard'],
    ILLEGAL_OPERATION: ['非法违法生产经营建设行为', 'Illegal operation'],
  });

/**
 * 投诉举报 (12350): acceptance review, on-site verification, handling result, feedback to the
 * informant, the reward (proposal, the head's approval, payment) — the steps of the complaint workflow.
 */
export const ComplaintSteps = {
  ACCEPTANCE: defineStep({
    type: 'COMPLAINT_ACCEPTANCE',
    title: label('投诉举报：受理审查', 'Complaint: acceptance review'),
    roles: [OFFICER, HEAD],
    outcomes: {
      ACCEPT: {
        label: label('受理', 'Accept'),
        payload: form({
          comment: text(['受理意见', 'Comment'], 2000).optional(),
          handlerIds: users(['承办人', 'Handling officers'], { min: 0, max: 5 }).optional(),
        }),
      },
      NOT_ACCEPT: {
        label: label('不予受理', 'Not accept'),
        payload: form({
          reasons: z
            .array(
              choice(['不予受理理由', 'Reason'], {
                NOT_WORK_SAFETY: ['不属于安全生产举报事项', 'Not a work-safety matter'],
                NO_SPECIFIC_FACTS: ['无具体事实、线索', 'No specific facts'],
                ALREADY_HANDLED: ['已经依法处理', 'Already handled'],
                OTHER: ['其他', 'Other'],
              }),
            )
            .min(1)
            .max(4)
            .meta({ title: '不予受理理由', 'x-title-en': 'Reasons' }),
          explanation: longText(['说明（将反馈举报人）', 'Explanation (told to the informant)'], 2000),
        }),
      },
      MERGE: {
        label: label('重复举报，合并办理', 'Duplicate: merge into another complaint'),
        payload: form({
          intoComplaintId: z.guid().meta({
            title: '合并至（同一事项的投诉举报）',
            'x-title-en': 'Merge into (the complaint about the same matter)',
          }),
          comment: text(['说明', 'Comment'], 2000).optional(),
        }),
      },
      TRANSFER: {
        label: label('移送有权处理部门', 'Transfer to the competent department'),
        payload: form({
          departmentId: department(['有权处理部门', 'Competent department']),
          reason: text(['移送理由', 'Reason'], 2000),
        }),
      },
    },
  }),
  VERIFICATION: defineStep({
    type: 'COMPLAINT_VERIFICATION',
    title: label('投诉举报：核查', 'Complaint: verification'),
    roles: [OFFICER],
    outcomes: {
      VERIFIED_TRUE: {
        label: label('举报属实', 'Verified true'),
        payload: form({
          findings: longText(['核查情况', 'Findings'], 10_000),
          grade: verifiedGrade(),
          attachmentIds: attachments(['核查材料', 'Verification evidence']).optional(),
          openPenaltyCase: flag([
            '立案查处（对举报涉及的企业立案）',
            'Open a penalty case against the enterprise',
          ]).optional(),
        }),
      },
      VERIFIED_FALSE: {
        label: label('举报不属实', 'Not verified'),
        payload: form({
          findings: longText(['核查情况', 'Findings'], 10_000),
          attachmentIds: attachments(['核查材料', 'Verification evidence']).optional(),
        }),
      },
      OPEN_INSPECTION: {
        label: label('开展现场检查', 'Open an on-site inspection'),
        payload: form({
          inspectorIds: users(['检查人员（2名以上持证执法人员）', 'Inspectors (2 or more credentialed officers)'], {
            min: 2,
            max: 10,
          }),
          unannounced: flag(['四不两直', 'Unannounced']).optional(),
          reason: text(['检查事由', 'Reason'], 2000),
        }),
      },
    },
  }),
  RESULT: defineStep({
    type: 'COMPLAINT_RESULT',
    title: label('投诉举报：处理结果', 'Complaint: handling result'),
    roles: [OFFICER],
    outcomes: {
      RECORD: {
        label: label('登记处理结果', 'Record the result'),
        payload: form({
          result: longText(['处理结果', 'Handling result'], 10_000),
          attachmentIds: attachments(['处理材料', 'Documents']).optional(),
        }),
      },
    },
  }),
  FEEDBACK: defineStep({
    type: 'COMPLAINT_FEEDBACK',
    title: label('投诉举报：反馈举报人', 'Complaint: feedback to the informant'),
    roles: [OFFICER],
    outcomes: {
      SENT: {
        label: label('已反馈', 'Feedback given'),
        payload: form({
          feedback: longText(['反馈内容（举报人可查询）', 'Feedback (the informant can read it)'], 5000),
          method: choice(['反馈方式', 'Method'], {
            ONLINE: ['网上查询', 'Online lookup'],
            PHONE: ['电话', 'Phone'],
            LETTER: ['书面', 'Letter'],
            IN_PERSON: ['当面', 'In person'],
          }),
        }),
      },
    },
  }),
  REWARD_PROPOSAL: defineStep({
    type: 'COMPLAINT_REWARD_PROPOSAL',
    title: label('投诉举报：奖励拟定', 'Complaint: reward proposal'),
    roles: [OFFICER],
    outcomes: {
      PROPOSE: {
        label: label('拟奖励', 'Propose a reward'),
        payload: form({
          amountYuan: money(['奖励金额（元）', 'Amount (yuan)'], 10_000_000),
          basis: text(['奖励依据', 'Basis'], 2000),
        }),
      },
      NO_REWARD: {
        label: label('不予奖励', 'No reward'),
        payload: form({ reason: text(['理由', 'Reason'], 2000) }),
      },
    },
  }),
  REWARD_APPROVAL: defineStep({
    type: 'COMPLAINT_REWARD_APPROVAL',
    title: label('投诉举报：奖励审批', 'Complaint: reward approval'),
    roles: [HEAD],
    outcomes: {
      APPROVE: {
        label: label('批准', 'Approve'),
        payload: form({ comment: text(['审批意见', 'Comment'], 2000).optional() }),
      },
      RETURN: {
        label: label('退回重拟', 'Return for a new proposal'),
        payload: form({ comment: text(['退回理由', 'Reason'], 2000) }),
      },
    },
  }),
  REWARD_PAYMENT: defineStep({
    type: 'COMPLAINT_REWARD_PAYMENT',
    title: label('投诉举报：奖励发放', 'Complaint: reward payment'),
    roles: [OFFICER],
    outcomes: {
      PAID: {
        label: label('已发放', 'Paid'),
        payload: form({
          paidOn: localDate(['发放日期', 'Paid on']),
          voucherNo: text(['凭证号', 'Voucher number'], 100),
        }),
      },
    },
  }),
};
