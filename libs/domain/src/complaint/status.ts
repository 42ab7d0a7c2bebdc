/** The stages of a complaint (投诉举报), as its case status. */
export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'ACCEPTED',
  'UNDER_INSPECTION',
  'NOT_ACCEPTED',
  'MERGED',
  'VERIFIED',
  'HANDLED',
  'ANSWERED',
  'REWARD_PROPOSED',
  'REWARD_APPROVED',
  'CLOSED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What the informant reads for each stage (Chinese, English): plain words, nothing of the internal handling. */
export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, readonly [zh: string, en: string]>> = {
  RECEIVED: ['已收到，待受理审查', 'Received, awaiting review'],
  ACCEPTED: ['已受理', 'Accepted'],
  UNDER_INSPECTION: ['核查中', 'Being verified'],
  NOT_ACCEPTED: ['不予受理', 'Not accepted'],
  MERGED: ['已并入同一事项的举报办理', 'Merged with a report of the same matter'],
  VERIFIED: ['已核查', 'Verified'],
  HANDLED: ['已处理，待答复', 'Handled, answer pending'],
  ANSWERED: ['已答复', 'Answered'],
  REWARD_PROPOSED: ['已答复，奖励审批中', 'Answered, reward under approval'],
  REWARD_APPROVED: ['已答复，奖励已批准', 'Answered, reward approved'],
  CLOSED: ['已办结', 'Closed'],
};
