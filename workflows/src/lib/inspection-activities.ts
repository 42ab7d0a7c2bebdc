import { proxyActivities } from '@temporalio/workflow';
import type { InspectionActivities } from '@safety/temporal/inspection.activities';

/** Activities of the inspection area (case events, linked cases); same retry policy as the case activities. */
export const inspectionActivities = proxyActivities<InspectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** End of a China local day (23:59:59.999 at UTC+8) as epoch milliseconds. */
export const endOfLocalDayMs = (date: string): number => Date.parse(`${date}T23:59:59.999+08:00`);

export const isText = (v: unknown, max = 2000): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;
