import { patched } from '@temporalio/workflow';
import {
  missingNotifications,
  NOTIFIED_BODIES,
  NOTIFIED_BODY_SHORT_LABELS,
  type NotifiedBody,
} from '@safety/domain/accident/report-notifications';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { PATCH } from '../kernel/patches';
import type { AccidentCase } from './case';
import { notificationsProblem } from './upward-checks';

/** A department that received the accident report (the first report, or a level of a chain). */
export interface ReceivingDepartment {
  departmentId: string;
  departmentName: string;
  /** The bodies it notifies (its accident department policy when the plan was made); absent in older plans. */
  notifiedBodies?: string[];
}

/**
 * 条例 Art.10(1): a department that received the report "并通知公安机关、劳动保障行政部门、工会和人民检察院".
 * Its notification step is in its own inbox; each completion records the bodies notified (when, how,
 * to whom; by the completing officer), and the step comes back for the bodies still missing. The statute
 * sets no separate period: the step has no due date. The bodies are the department's accident department
 * policy (UNVERIFIED list; DEFAULT all four), read by the plan activity. Runs while the case is open.
 */
export async function notifyBodies(ac: AccidentCase, key: string, department: ReceivingDepartment): Promise<void> {
  // Plans made before the bodies were a policy carry none (nor do their histories patch): all four.
  const bodies: readonly NotifiedBody[] =
    department.notifiedBodies !== undefined && patched(PATCH.ACCIDENT_NOTIFIED_BODIES_POLICY)
      ? (department.notifiedBodies as NotifiedBody[])
      : NOTIFIED_BODIES;
  const notified = new Set<string>();
  const occurredAt = Date.parse(ac.input.occurredAt);
  const named = bodies.map((b) => NOTIFIED_BODY_SHORT_LABELS[b]).join('、');
  for (let round = 1; missingNotifications(notified, bodies).length > 0; round++) {
    const missing = missingNotifications(notified, bodies);
    const done = await ac.board.run(AccidentSteps.REPORT_NOTIFICATIONS, {
      caseId: ac.caseId,
      departmentId: department.departmentId,
      step: `report-notifications-${key}-${round}`,
      title: `事故报告通知${named}：${department.departmentName}`.slice(0, 200),
      deadline: null,
      context: { departmentName: department.departmentName, missing },
      check: ({ payload }) => notificationsProblem(payload, notified, occurredAt, Date.now(), bodies),
    });
    await ac.acts.accidentRecordReportNotifications({
      caseId: ac.caseId,
      taskKey: done.taskKey,
      departmentId: department.departmentId,
      notifiedBy: done.actor.userId,
      notifications: done.payload.notifications.map((n) => ({
        body: n.body,
        notifiedAt: new Date(Date.parse(n.notifiedAt)).toISOString(),
        means: n.means,
        ...(n.recipient !== undefined && { recipient: n.recipient }),
      })),
    });
    for (const n of done.payload.notifications) notified.add(n.body);
  }
}
