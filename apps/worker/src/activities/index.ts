import { INestApplicationContext } from '@nestjs/common';
import { CalendarService, CaseService, LinkedCaseService, TaskService } from '@safety/application';
import { createCaseActivities } from './case.activities';
import { penaltyActivityFactory } from './penalty.activities';
import { accidentActivityFactory } from './accident.activities';
import { inspectionActivityFactory } from './inspection.activities';
import { complaintActivityFactory } from './complaint.activities';
import { supervisionActivityFactory } from './supervision.activities';

/**
 * Every activity the worker registers, built from the Nest context's services. Each area adds one
 * factory here; names must be unique across factories (checked at start-up).
 */
type ActivityFactory = (app: INestApplicationContext) => object;

export const ACTIVITY_FACTORIES: ActivityFactory[] = [
  (app) =>
    createCaseActivities({
      cases: app.get(CaseService),
      linkedCases: app.get(LinkedCaseService),
      tasks: app.get(TaskService),
      calendar: app.get(CalendarService),
    }),
  penaltyActivityFactory,
  accidentActivityFactory,
  inspectionActivityFactory,
  complaintActivityFactory,
  supervisionActivityFactory,
];

export function buildActivities(app: INestApplicationContext): Record<string, (...args: never[]) => Promise<unknown>> {
  const all: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const factory of ACTIVITY_FACTORIES) {
    for (const [name, fn] of Object.entries(factory(app))) {
      if (name in all) throw new Error(`activity ${name} is registered twice`);
      all[name] = fn;
    }
  }
  return all;
}
