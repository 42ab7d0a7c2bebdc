import { SupervisionWorkflowService } from '@safety/application';
import type { SupervisionActivities } from '@safety/temporal/supervision.activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters of the supervision and summons workflows over SupervisionWorkflowService
 * (each finds its own earlier write on a retry).
 */
export function createSupervisionActivities(service: SupervisionWorkflowService): SupervisionActivities {
  return {
    supervisionRecordReport: activity((input) => service.recordReport(input)),
    supervisionRecordMilestone: activity((input) => service.recordMilestone(input)),
    supervisionOpenSummons: activity((input) => service.openSummons(input)),
    supervisionRecordCompletion: activity((input) => service.recordCompletion(input)),
    supervisionClose: activity((input) => service.close(input)),
    summonsRecordMinutes: activity((input) => service.recordMinutes(input)),
    summonsRecordVerification: activity((input) => service.recordVerification(input)),
    summonsRecordPublication: activity((input) => service.recordPublication(input)),
    summonsClose: activity((input) => service.closeSummons(input)),
  };
}

/** Registered in ACTIVITY_FACTORIES. */
export const supervisionActivityFactory = (app: { get<T>(type: new (...args: never[]) => T): T }) =>
  createSupervisionActivities(app.get(SupervisionWorkflowService));
