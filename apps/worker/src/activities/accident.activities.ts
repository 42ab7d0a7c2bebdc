import { AccidentWorkflowService, DisciplineReferralService } from '@safety/application';
import type { AccidentActivities } from '@safety/temporal/accident.activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters of the accident and discipline-referral workflows over the accident
 * application services (each service method finds its own earlier write on a retry).
 */
export function createAccidentActivities(deps: {
  accidents: AccidentWorkflowService;
  referrals: DisciplineReferralService;
}) {
  const accidents = deps.accidents;
  const activities: AccidentActivities = {
    accidentComputeClock: activity((i) => accidents.computeClock(i)),
    accidentSetTaskClock: activity((i) => accidents.setTaskClock(i)),
    accidentRecordTeam: activity((i) => accidents.recordTeam(i)),
    accidentApplyCasualtyRevision: activity((i) => accidents.applyCasualtyRevision(i)),
    accidentSaveReport: activity((i) => accidents.saveReport(i)),
    accidentDecideReport: activity((i) => accidents.decideReport(i)),
    accidentOpenLinkedCase: activity((i) => accidents.openLinkedCase(i)),
    accidentCreateReferral: activity((i) => deps.referrals.createFromAccident(i)),
    accidentRecordPartyOutcome: activity((i) => accidents.recordPartyOutcome(i)),
    accidentRecordMeasureEvidence: activity((i) => accidents.recordMeasureEvidence(i)),
    accidentRecordMeasureVerification: activity((i) => accidents.recordMeasureVerification(i)),
    accidentOpenEvaluation: activity((i) => accidents.openEvaluation(i)),
    accidentRecordEvaluation: activity((i) => accidents.recordEvaluation(i)),
    accidentRecordListing: activity((i) => accidents.recordListing(i)),
    accidentCompleteListing: activity((i) => accidents.completeListing(i)),
    accidentEvaluateGates: activity((i) => accidents.evaluateGates(i.caseId)),
    accidentCancelOpenTasks: activity((i) => accidents.cancelOpenTasks(i)),
    referralProposalApprove: activity((i) => deps.referrals.approveProposal(i)),
    referralProposalReject: activity((i) => deps.referrals.rejectProposal(i)),
    referralRecordAck: activity((i) => deps.referrals.recordAck(i)),
    referralRecordResult: activity((i) => deps.referrals.recordResult(i)),
  };
  return activities;
}

/** Registered in ACTIVITY_FACTORIES. */
export const accidentActivityFactory = (app: { get<T>(type: new (...args: never[]) => T): T }) =>
  createAccidentActivities({
    accidents: app.get(AccidentWorkflowService),
    referrals: app.get(DisciplineReferralService),
  });
