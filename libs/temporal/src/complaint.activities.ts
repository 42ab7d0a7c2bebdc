import type { LinkedCase } from './activities';
import type {
  ComplaintAcceptanceOptions,
  ComplaintInspector,
  ComplaintTransferAnswer,
} from './contracts/complaint.contract';
import type { InspectionInput } from './contracts/inspection.contract';
import type { PenaltyCaseInput } from './contracts/penalty-case.contract';

/** Activities of the complaint workflow (apps/worker/src/activities/complaint.activities.ts). Each is idempotent. */
export interface ComplaintActivities {
  /** 受理: the accepting officer (and those named) become the handling officers; the acceptance is recorded. */
  complaintRecordAcceptance(input: {
    complaintId: string;
    decision: 'ACCEPTED' | 'NOT_ACCEPTED';
    actorId: string;
    handlerIds: string[];
    reasons: string[];
    explanation: string | null;
    at: string;
  }): Promise<void>;
  /** The departments it may be transferred to and the open complaints of its department it may be merged into (read-only). */
  complaintAcceptanceOptions(input: { complaintId: string; departmentId: string }): Promise<ComplaintAcceptanceOptions>;
  /** 合并: a duplicate about the same matter is handled with the complaint it is merged into. */
  complaintMerge(input: { complaintId: string; intoComplaintId: string; actorId: string; at: string }): Promise<void>;
  /** 移送: the complaint moves to the competent department; its handlers there are chosen anew. */
  complaintTransfer(input: {
    complaintId: string;
    round: number;
    toDepartmentId: string;
    reason: string;
    actorId: string;
    at: string;
  }): Promise<ComplaintTransferAnswer>;
  /** Officers who may inspect the complaint's enterprise (read-only); none without a matched enterprise. */
  complaintInspectors(input: { complaintId: string }): Promise<ComplaintInspector[]>;
  /** Opens the linked inspection case (idempotent by link key) and answers its workflow's input. */
  complaintOpenInspection(input: {
    complaintId: string;
    linkKey: string;
    inspectorIds: string[];
    unannounced: boolean;
    reason: string;
    actorId: string;
  }): Promise<LinkedCase & { input: InspectionInput }>;
  /** The linked inspection ended: its result is noted on the complaint's record. */
  complaintRecordInspection(input: {
    complaintId: string;
    inspectionCaseId: string;
    result: string | null;
  }): Promise<void>;
  /**
   * 立案查处 from 核查: opens the penalty case against the complaint's enterprise, linked to the complaint (idempotent by
   * link key), and answers its workflow's input.
   */
  complaintOpenPenaltyCase(input: {
    complaintId: string;
    linkKey: string;
    actorId: string;
  }): Promise<LinkedCase & { input: PenaltyCaseInput }>;
  complaintRecordVerification(input: {
    complaintId: string;
    verifiedTrue: boolean;
    grade: string | null;
    findings: string;
    actorId: string;
    at: string;
  }): Promise<void>;
  complaintRecordResult(input: { complaintId: string; result: string; actorId: string; at: string }): Promise<void>;
  /** 反馈: the text the informant reads with the tracking code, and whether it went out in time. */
  complaintRecordFeedback(input: {
    complaintId: string;
    feedback: string;
    method: string;
    actorId: string;
    at: string;
    /** The feedback task, whose due instant says whether the feedback was on time. */
    taskKey: string;
  }): Promise<void>;
  complaintRecordReward(input: {
    complaintId: string;
    stage: 'PROPOSED' | 'NOT_REWARDED' | 'APPROVED' | 'RETURNED' | 'PAID';
    round: number;
    amountYuan: number | null;
    note: string | null;
    actorId: string;
    at: string;
  }): Promise<void>;
  complaintClose(input: { complaintId: string; at: string }): Promise<void>;
}
