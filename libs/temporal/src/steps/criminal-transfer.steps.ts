import { Role } from '@safety/domain/identity/roles';
import { commentOnly, form, label, text } from './fields';
import { OUTCOME } from './common';
import { defineStep } from './step-definition';

const reason = (titles: [string, string] = ['理由', 'Reason']) => text(titles, 2000);
const comment = () => text(['备注', 'Comment'], 2000).optional();
const documentNo = () => text(['文书编号', 'Document number'], 64).optional();

/** The police's answer as the officer enters it from their notice (立案通知书 / 不予立案通知书). */
const policeAnswerOutcomes = () => ({
  FILED: {
    label: label('公安机关决定立案', 'The police filed the case'),
    payload: form({ documentNo: documentNo(), comment: comment() }),
  },
  DECLINED: {
    label: label('公安机关不予立案', 'The police declined'),
    payload: form({
      reason: reason(['公安机关说明的理由', "The police's stated reason"]),
      documentNo: documentNo(),
      comment: comment(),
    }),
  },
});

/** 行刑衔接 (国务院令第310号, 行政执法机关移送涉嫌犯罪案件的规定). */
export const CriminalTransferSteps = {
  CRIMINAL_TRANSFER_APPROVAL: defineStep({
    type: 'CRIMINAL_TRANSFER_APPROVAL',
    title: label('涉嫌犯罪案件移送审批', 'Criminal transfer approval'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      APPROVE: { label: label('批准移送', 'Approve the transfer'), payload: commentOnly() },
      // Art.5: 不批准的，应当说明理由.
      REJECT: { label: OUTCOME.REJECT, payload: form({ reason: reason() }) },
    },
  }),
  CRIMINAL_TRANSFER_HANDOVER: defineStep({
    type: 'CRIMINAL_TRANSFER_HANDOVER',
    title: label('移送公安机关', 'Hand over to the police'),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: {
      HANDED_OVER: {
        label: label('已移送', 'Handed over'),
        payload: form({
          policeAgency: text(['接收的公安机关', 'Receiving police agency'], 200),
          receiptNo: text(['回执编号', 'Receipt number'], 64).optional(),
        }),
      },
    },
  }),
  POLICE_FILING_ANSWER: defineStep({
    type: 'POLICE_FILING_ANSWER',
    title: label('登记公安机关立案决定', "Record the police's filing decision"),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: policeAnswerOutcomes(),
  }),
  CRIMINAL_TRANSFER_RECONSIDERATION: defineStep({
    type: 'CRIMINAL_TRANSFER_RECONSIDERATION',
    title: label('是否提请公安机关复议', 'Request reconsideration by the police?'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      REQUEST_RECONSIDERATION: { label: label('提请复议', 'Request reconsideration'), payload: commentOnly() },
      ACCEPT_DECISION: {
        label: label('接受不予立案决定', 'Accept the decision'),
        payload: form({ reason: reason() }),
      },
    },
  }),
  POLICE_RECONSIDERATION_ANSWER: defineStep({
    type: 'POLICE_RECONSIDERATION_ANSWER',
    title: label('登记公安机关复议决定', "Record the police's reconsideration"),
    roles: [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD],
    outcomes: policeAnswerOutcomes(),
  }),
  PROCURATORATE_SUPERVISION: defineStep({
    type: 'PROCURATORATE_SUPERVISION',
    title: label('建议人民检察院立案监督', 'Suggest procuratorate supervision'),
    roles: [Role.AGENCY_HEAD],
    outcomes: {
      REFER: { label: label('建议立案监督', 'Refer to the procuratorate'), payload: commentOnly() },
      CLOSE: { label: label('不再建议，结案', 'Close without referral'), payload: form({ reason: reason() }) },
    },
  }),
};
