import { Role } from '@safety/domain/identity/roles';
import { commentOnly, form, label, longText } from './fields';
import { defineStep, outcomesSharing } from './step-definition';

/**
 * 线索移交 to the discipline inspection / supervision body (纪委监委; 国务院令第310号 Art.18–19,
 * 监察法 Art.37): the body signs for the lead, then reports how it was handled.
 */
export const DisciplineReferralSteps = {
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
