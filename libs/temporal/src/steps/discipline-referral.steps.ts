import { Role } from '@safety/domain/identity/roles';
import { attachments, commentOnly, form, label, longText, section, text } from './fields';
import { defineStep, outcomesSharing } from './step-definition';

/**
 * A lead an officer proposes from a case (线索移交 from a penalty case, an inspection…): the public
 * official, the suspected misconduct and the evidence chosen from the case's own attachments.
 */
export const referralLead = () =>
  form({
    official: section(['涉嫌违纪违法的公职人员', 'Public official concerned'], {
      name: text(['姓名', 'Name'], 200),
      post: text(['职务', 'Post'], 200),
      organisation: text(['所在单位', 'Organisation'], 200),
    }),
    misconduct: longText(['涉嫌违纪违法问题', 'Suspected misconduct'], 10_000),
    attachmentIds: attachments(['移交证据材料', 'Evidence handed over']).min(1),
  });

/**
 * 线索移交 to the discipline inspection / supervision body (纪委监委; 国务院令第310号 Art.18–19,
 * 监察法 Art.37): the body signs for the lead, then reports how it was handled.
 */
export const DisciplineReferralSteps = {
  /** The head of the case's department decides whether a lead proposed from the case goes out. */
  APPROVAL: defineStep({
    type: 'DISCIPLINE_REFERRAL_APPROVAL',
    title: label('纪检监察线索移交：负责人审批', 'Discipline referral: head approval'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: label('同意移交', 'Approve the referral'), payload: commentOnly() },
      REJECT: {
        label: label('不予移交', 'Refuse the referral'),
        payload: form({ reason: longText(['不予移交理由', 'Reason for refusing'], 2000) }),
      },
    },
  }),
  ACKNOWLEDGE: defineStep({
    type: 'DISCIPLINE_REFERRAL_ACK',
    title: label('纪检监察线索：签收', 'Discipline referral: acknowledge receipt'),
    roles: [Role.DISCIPLINE_BODY],
    outcomes: { ACKNOWLEDGE: { label: label('签收', 'Acknowledge'), payload: commentOnly() } },
  }),
  RESULT: defineStep({
    type: 'DISCIPLINE_REFERRAL_RESULT',
    title: label('纪检监察线索：反馈处理结果', 'Discipline referral: handling result'),
    roles: [Role.DISCIPLINE_BODY],
    outcomes: outcomesSharing(() => form({ summary: longText(['处理结果', 'Handling result'], 10_000) }), {
      SANCTIONED: ['给予处分', 'Sanctioned'],
      NO_VIOLATION_FOUND: ['未发现违纪违法', 'No violation found'],
      TRANSFERRED_FOR_PROSECUTION: ['移送检察机关依法审查起诉', 'Transferred for prosecution'],
      OTHER_HANDLING: ['其他处理', 'Other handling'],
    }),
  }),
};
