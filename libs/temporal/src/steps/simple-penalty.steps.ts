import { Role } from '@safety/domain/identity/roles';
import { commentOnly, form, label, text } from './fields';
import { defineStep } from './step-definition';

/** 简易程序 after the on-the-spot decision (行政处罚法 Art.52, 71). */
export const SimplePenaltySteps = {
  SIMPLE_PENALTY_FILING: defineStep({
    type: 'SIMPLE_PENALTY_FILING',
    title: label('当场处罚决定书备案', 'File the on-the-spot decision'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: { FILED: { label: label('已备案', 'Filed'), payload: commentOnly() } },
  }),
  CASH_HAND_IN: defineStep({
    type: 'CASH_HAND_IN',
    title: label('当场收缴罚款交纳', 'Hand in the cash collected'),
    roles: [Role.ENFORCEMENT_OFFICER],
    outcomes: {
      HANDED_IN: {
        label: label('已交至机关或银行', 'Handed in'),
        payload: form({
          receiptNo: text(['机关或银行收据编号', 'Receipt number'], 64),
          comment: text(['备注', 'Comment'], 2000).optional(),
        }),
      },
    },
  }),
};
