import type { LinkedCase } from './activities';
import type { SummonsInput } from './contracts/supervision.contract';
import type { SummonsOpening } from './steps/supervision.steps';

/** Activities of the supervision and summons workflows (apps/worker/src/activities/supervision.activities.ts). Each is idempotent. */
export interface SupervisionActivities {
  /** A department's progress report for a period (进展报告), with the task whose due instant says if it was on time. */
  supervisionRecordReport(input: {
    itemId: string;
    departmentId: string;
    period: number;
    progress: string;
    percentComplete: number;
    actorId: string;
    at: string;
    taskKey: string;
  }): Promise<void>;
  /** A milestone checked: met, or overdue and answered with a summons. */
  supervisionRecordMilestone(input: {
    itemId: string;
    index: number;
    outcome: 'MET' | 'SUMMONED';
    note: string | null;
    summonsCaseId: string | null;
    actorId: string;
    at: string;
  }): Promise<void>;
  /** Opens the summons linked to the item (idempotent by link key) and answers its workflow's input. */
  supervisionOpenSummons(input: {
    itemId: string;
    milestoneIndex: number;
    linkKey: string;
    summons: SummonsOpening;
    actorId: string;
  }): Promise<LinkedCase & { input: SummonsInput }>;
  /** The lead's completion proposal, the issuer's return or acceptance. */
  supervisionRecordCompletion(input: {
    itemId: string;
    stage: 'PROPOSED' | 'RETURNED' | 'ACCEPTED';
    round: number;
    note: string | null;
    actorId: string;
    at: string;
  }): Promise<void>;
  /** 销号: the item is closed; report and milestone tasks still open leave the inboxes. */
  supervisionClose(input: { itemId: string; at: string }): Promise<void>;
  /** 约谈记录: the minutes, and each commitment as a tracked rectification item. */
  summonsRecordMinutes(input: {
    summonsId: string;
    heldOn: string;
    attendees: Array<{ name: string; position: string }>;
    minutes: string;
    commitments: Array<{ content: string; deadline: string; responsible: string }>;
    actorId: string;
    at: string;
  }): Promise<void>;
  summonsRecordVerification(input: {
    summonsId: string;
    index: number;
    round: number;
    verified: boolean;
    findings: string;
    newDeadline: string | null;
    actorId: string;
    at: string;
  }): Promise<void>;
  summonsRecordPublication(input: {
    summonsId: string;
    publishedOn: string;
    channel: string;
    summary: string;
    actorId: string;
    at: string;
  }): Promise<void>;
  summonsClose(input: { summonsId: string; at: string }): Promise<void>;
}
