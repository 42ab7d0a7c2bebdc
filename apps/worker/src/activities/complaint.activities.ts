import { ComplaintWorkflowService } from '@safety/application';
import type { ComplaintActivities } from '@safety/temporal/complaint.activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters of the complaint workflow over ComplaintWorkflowService (each finds its own
 * earlier write on a retry).
 */
export function createComplaintActivities(complaints: ComplaintWorkflowService): ComplaintActivities {
  return {
    complaintRecordAcceptance: activity((input) => complaints.recordAcceptance(input)),
    complaintAcceptanceOptions: activity((input) => complaints.acceptanceOptions(input)),
    complaintMerge: activity((input) => complaints.merge(input)),
    complaintTransfer: activity((input) => complaints.transfer(input)),
    complaintInspectors: activity((input) => complaints.inspectors(input.complaintId)),
    complaintOpenInspection: activity((input) => complaints.openInspection(input)),
    complaintRecordInspection: activity((input) => complaints.recordInspection(input)),
    complaintOpenPenaltyCase: activity((input) => complaints.openPenaltyCase(input)),
    complaintRecordVerification: activity((input) => complaints.recordVerification(input)),
    complaintRecordResult: activity((input) => complaints.recordResult(input)),
    complaintRecordFeedback: activity((input) => complaints.recordFeedback(input)),
    complaintRecordReward: activity((input) => complaints.recordReward(input)),
    complaintClose: activity((input) => complaints.close(input)),
  };
}

/** Registered in ACTIVITY_FACTORIES. */
export const complaintActivityFactory = (app: { get<T>(type: new (...args: never[]) => T): T }) =>
  createComplaintActivities(app.get(ComplaintWorkflowService));
