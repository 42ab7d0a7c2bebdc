import { ApplicationFailure } from '@temporalio/activity';
import { AccidentWorkflowService, DisciplineReferralService } from '@safety/application';
import { ErrorCode, isDomainError } from '@safety/domain/errors';
import type { AccidentActivities } from '@safety/temporal/accident.activities';

/** Domain failures are final (the request or the records are wrong); anything else (DB down, a row not there yet) is retried. */
function wrapFinal<A extends unknown[], R>(fn: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  return async (...a: A) => {
    try {
      return await fn(...a);
    } catch (e) {
      if (isDomainError(e)) {
        throw ApplicationFailure.create({
          type: e.code,
          message: e.message,
          nonRetryable: e.code !== ErrorCode.DEPENDENCY_UNAVAILABLE,
          details: e.details ? [e.details] : [],
        });
      }
      throw e;
    }
  };
}

/**
 * Thin, idempotent adapters of the accident and discipline-referral workflows over the accident
 * application services (each service method finds its own earlier write on a retry).
 */
export function createAccidentActivities(deps: {
  accidents: AccidentWorkflowService;
  referrals: DisciplineReferralService;
}) {
  const a = deps.accidents;
  const activities: AccidentActivities = {
    accidentComputeClock: wrapFinal((i) => a.computeClock(i)),
    accidentSetTaskClock: wrapFinal((i) => a.setTaskClock(i)),
    accidentRecordTeam: wrapFinal((i) => a.recordTeam(i)),
    accidentApplyCasualtyRevision: wrapFinal((i) => a.applyCasualtyRevision(i)),
    accidentSaveReport: wrapFinal((i) => a.saveReport(i)),
    accidentDecideReport: wrapFinal((i) => a.decideReport(i)),
    accidentOpenLinkedCase: wrapFinal((i) => a.openLinkedCase(i)),
    accidentCreateReferral: wrapFinal((i) => deps.referrals.createFromAccident(i)),
    accidentRecordPartyOutcome: wrapFinal((i) => a.recordPartyOutcome(i)),
    accidentRecordMeasureEvidence: wrapFinal((i) => a.recordMeasureEvidence(i)),
    accidentRecordMeasureVerification: wrapFinal((i) => a.recordMeasureVerification(i)),
    accidentOpenEvaluation: wrapFinal((i) => a.openEvaluation(i)),
    accidentRecordEvaluation: wrapFinal((i) => a.recordEvaluation(i)),
    accidentRecordListing: wrapFinal((i) => a.recordListing(i)),
    accidentCompleteListing: wrapFinal((i) => a.completeListing(i)),
    accidentEvaluateGates: wrapFinal((i) => a.evaluateGates(i.caseId)),
    accidentCancelOpenTasks: wrapFinal((i) => a.cancelOpenTasks(i)),
    referralRecordAck: wrapFinal((i) => deps.referrals.recordAck(i)),
    referralRecordResult: wrapFinal((i) => deps.referrals.recordResult(i)),
  };
  return activities;
}

/** Registered in ACTIVITY_FACTORIES. */
export const accidentActivityFactory = (app: { get<T>(type: new (...args: never[]) => T): T }) =>
  createAccidentActivities({
    accidents: app.get(AccidentWorkflowService),
    referrals: app.get(DisciplineReferralService),
  });
