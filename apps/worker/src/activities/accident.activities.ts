import {
  AccidentAccountabilityWorkflowService,
  AccidentFollowUpWorkflowService,
  AccidentReferralService,
  AccidentReportingViolationService,
  AccidentReportNotificationService,
  AccidentReportWorkflowService,
  AccidentUpwardReportService,
  AccidentWorkflowService,
  ReferralProposalService,
  SentReferralService,
} from '@safety/application';
import type { AccidentActivities } from '@safety/temporal/accident.activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters of the accident and discipline-referral workflows over the accident
 * application services (each service method finds its own earlier write on a retry).
 */
export function createAccidentActivities(deps: {
  accidents: AccidentWorkflowService;
  reports: AccidentReportWorkflowService;
  accountability: AccidentAccountabilityWorkflowService;
  followUp: AccidentFollowUpWorkflowService;
  accidentReferrals: AccidentReferralService;
  proposals: ReferralProposalService;
  sentReferrals: SentReferralService;
  upwardReports: AccidentUpwardReportService;
  reportNotifications: AccidentReportNotificationService;
  violations: AccidentReportingViolationService;
}) {
  const accidents = deps.accidents;
  const activities: AccidentActivities = {
    accidentUpwardReportPlan: activity((i) => deps.upwardReports.plan(i.caseId)),
    accidentRecordUpwardReport: activity((i) => deps.upwardReports.record(i)),
    accidentRecordReportNotifications: activity((i) => deps.reportNotifications.record(i)),
    accidentOpenViolationPenalty: activity((i) => deps.violations.openPenalty(i)),
    accidentOpenViolationReferral: activity((i) => deps.violations.openReferral(i)),
    accidentComputeClock: activity((i) => accidents.computeClock(i)),
    accidentSetTaskClock: activity((i) => accidents.setTaskClock(i)),
    accidentRecordTeam: activity((i) => accidents.recordTeam(i)),
    accidentApplyCasualtyRevision: activity((i) => accidents.applyCasualtyRevision(i)),
    accidentSaveReport: activity((i) => deps.reports.saveReport(i)),
    accidentDecideReport: activity((i) => deps.reports.decideReport(i)),
    accidentOpenLinkedCase: activity((i) => deps.accountability.openLinkedCase(i)),
    accidentCreateReferral: activity((i) => deps.accidentReferrals.createFromAccident(i)),
    accidentRecordPartyOutcome: activity((i) => deps.accountability.recordPartyOutcome(i)),
    accidentRecordMeasureEvidence: activity((i) => deps.accountability.recordMeasureEvidence(i)),
    accidentRecordMeasureVerification: activity((i) => deps.accountability.recordMeasureVerification(i)),
    accidentOpenEvaluation: activity((i) => deps.followUp.openEvaluation(i)),
    accidentRecordEvaluation: activity((i) => deps.followUp.recordEvaluation(i)),
    accidentRecordListing: activity((i) => deps.followUp.recordListing(i)),
    accidentCompleteListing: activity((i) => deps.followUp.completeListing(i)),
    accidentEvaluateGates: activity((i) => deps.accountability.evaluateGates(i.caseId)),
    accidentCancelOpenTasks: activity((i) => accidents.cancelOpenTasks(i)),
    referralProposalApprove: activity((i) => deps.proposals.approveProposal(i)),
    referralProposalReject: activity((i) => deps.proposals.rejectProposal(i)),
    referralRecordAck: activity((i) => deps.sentReferrals.recordAck(i)),
    referralRecordResult: activity((i) => deps.sentReferrals.recordResult(i)),
  };
  return activities;
}

/** Registered in ACTIVITY_FACTORIES. */
export const accidentActivityFactory = (app: { get<T>(type: new (...args: never[]) => T): T }) =>
  createAccidentActivities({
    accidents: app.get(AccidentWorkflowService),
    reports: app.get(AccidentReportWorkflowService),
    accountability: app.get(AccidentAccountabilityWorkflowService),
    followUp: app.get(AccidentFollowUpWorkflowService),
    accidentReferrals: app.get(AccidentReferralService),
    proposals: app.get(ReferralProposalService),
    sentReferrals: app.get(SentReferralService),
    upwardReports: app.get(AccidentUpwardReportService),
    reportNotifications: app.get(AccidentReportNotificationService),
    violations: app.get(AccidentReportingViolationService),
  });
