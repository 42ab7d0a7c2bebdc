import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '@safety/temporal/activities';

export const caseActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Local China date (UTC+8, no DST) of an ISO instant; statutory periods count in local dates. */
export const localDateOf = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
