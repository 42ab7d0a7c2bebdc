import { condition, patched } from '@temporalio/workflow';
import { upwardReportDueAt } from '@safety/domain/accident/reporting';
import type { DepartmentLevel } from '@safety/domain/accident/jurisdiction';
import { NATIONAL_LEVEL, upwardReportReaches } from '@safety/domain/accident/upward-reporting';
import type { UpwardReportPlan } from '@safety/temporal/accident.activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { PATCH } from '../kernel/patches';
import type { AccidentCase, UpwardChainProgress } from './case';
import { notifyBodies, type ReceivingDepartment } from './notifications';
import { reportedAtProblem } from './upward-checks';

export type Chain = UpwardReportPlan['chains'][number];

/** Yellow half an hour before a level's 2 hours are up. */
const UPWARD_WARNING_LEAD_HOURS = 0.5;

/**
 * 逐级上报 (条例 Art.10–11): each chain (emergency management; the sector's supervising department)
 * reports up level by level — Art.10 says 逐级上报, and Art.11's 2 hours are per level, so the next
 * level's task opens once the level below has reported, and its 2 hours count from then; the first
 * level's from the first report's receipt. Each task is in the inbox of the level it reaches and is
 * due on the wall clock. The chain goes as high as the grade requires; a 补报 that raises the grade
 * (Art.13) extends it upward from where it stopped. Every department that received the report also
 * notifies the bodies Art.10 names (`notifications.ts`). Runs while the case is open.
 */
export async function reportUpward(ac: AccidentCase): Promise<void> {
  const plan = await ac.acts.accidentUpwardReportPlan({ caseId: ac.caseId });
  // Plans made before the notifications were modelled name no reporting department (nor do their histories patch).
  const notifies = plan.reporting !== undefined && patched(PATCH.ACCIDENT_REPORT_NOTIFICATIONS);
  const notify = (key: string, department: ReceivingDepartment) => {
    if (notifies)
      ac.spawn(`report-notifications-${key}`, () => notifyBodies(ac, key, department), { untilClosed: true });
  };
  if (plan.reporting) notify('reporting', plan.reporting);
  ac.upwardNotify = notify;
  await Promise.all(
    plan.chains.map((chain) => {
      const progress: UpwardChainProgress = {
        fromDepartmentId: plan.reporting?.departmentId ?? ac.input.reportingDepartmentId,
        chain,
        open: null,
        skippedTo: null,
      };
      ac.upwardChains.set(chain.chain, progress);
      return reportUpChain(ac, chain, { from: 0, receivedAt: Date.parse(plan.receivedAt), progress });
    }),
  );
}

/**
 * The chain's levels from `from` up, one after the other, then the State Council's level. A 越级上报
 * (`skip-level.ts`) cuts the level-by-level run short below the level it went to, and that level's own
 * run goes on from there: its first task is `SKIP_LEVEL_REPORT`, due 2 hours from the skip.
 */
export async function reportUpChain(
  ac: AccidentCase,
  chain: Chain,
  run: { from: number; receivedAt: number; progress: UpwardChainProgress; skippedFrom?: string },
): Promise<void> {
  const { progress } = run;
  let receivedBelowAt = run.receivedAt;
  for (let index = run.from; index < chain.levels.length; index++) {
    const level = chain.levels[index];
    if (progress.skippedTo !== null && index >= progress.skippedTo) return;
    const reaches = () => upwardReportReaches(ac.state.grade, level.level as DepartmentLevel);
    // Not (yet) required at this grade: a regrade may extend the chain, and its 2 hours count from when the
    // regrade was received (Art.13's 补报), not from the report below (histories before the patch: from below).
    if (!reaches()) {
      await condition(reaches);
      if (ac.regradeReceivedAt !== null && patched(PATCH.ACCIDENT_BUBAO_RECEIVED_ON)) {
        receivedBelowAt = Math.max(receivedBelowAt, ac.regradeReceivedAt);
      }
    }
    const skip = index === run.from && run.skippedFrom !== undefined;
    const dueAt = upwardReportDueAt(new Date(receivedBelowAt)).toISOString();
    progress.open = index;
    const done = await ac.board.run(skip ? AccidentSteps.SKIP_LEVEL_REPORT : AccidentSteps.UPWARD_REPORT, {
      caseId: ac.caseId,
      departmentId: level.departmentId,
      step: `upward-report-${chain.chain}-${level.level}`,
      title: `${skip ? '事故越级上报' : '事故逐级上报'}：${level.departmentName}`.slice(0, 200),
      deadline: null,
      dueAt: Date.parse(dueAt),
      warningLeadHours: UPWARD_WARNING_LEAD_HOURS,
      context: {
        chain: chain.chain,
        level: level.level,
        departmentName: level.departmentName,
        ...(skip && { skipLevel: true, reportedFromDepartmentId: run.skippedFrom }),
      },
    });
    progress.open = null;
    await ac.acts.accidentRecordUpwardReport({
      caseId: ac.caseId,
      taskKey: done.taskKey,
      chain: chain.chain,
      level: level.level,
      departmentId: level.departmentId,
      dueAt,
      reportedAt: done.completedAt,
      reportedBy: done.actor.userId,
    });
    receivedBelowAt = Date.parse(done.completedAt);
    ac.upwardNotify?.(`${chain.chain}-${level.level}`, level);
  }
  // Plans made before the State Council's level was modelled have no `national` (nor do their histories patch).
  if (chain.national && patched(PATCH.ACCIDENT_UPWARD_STATE_COUNCIL))
    await reportToStateCouncil(ac, chain, chain.national, receivedBelowAt);
}

/**
 * 条例 Art.10(1): a 重大/特别重大 accident goes on from the province to the State Council's department
 * (of the chain: 国务院应急管理部门, or the sector's ministry), within 2 hours of the province receiving it
 * (Art.11) — or of a regrade's receipt (Art.13). The State Council's department is not in the installation:
 * the task is the province's, and the province records when it reported, how and to whom.
 */
async function reportToStateCouncil(
  ac: AccidentCase,
  chain: Chain,
  national: NonNullable<Chain['national']>,
  receivedBelowAt: number,
): Promise<void> {
  const reaches = () => upwardReportReaches(ac.state.grade, NATIONAL_LEVEL);
  let receivedAt = receivedBelowAt;
  if (!reaches()) {
    await condition(reaches);
    if (ac.regradeReceivedAt !== null) receivedAt = Math.max(receivedAt, ac.regradeReceivedAt);
  }
  const dueAt = upwardReportDueAt(new Date(receivedAt)).toISOString();
  const done = await ac.board.run(AccidentSteps.NATIONAL_REPORT, {
    caseId: ac.caseId,
    departmentId: national.departmentId,
    step: `upward-report-${chain.chain}-${NATIONAL_LEVEL}`,
    title: `上报${national.recipient}`.slice(0, 200),
    deadline: null,
    dueAt: Date.parse(dueAt),
    warningLeadHours: UPWARD_WARNING_LEAD_HOURS,
    context: {
      chain: chain.chain,
      level: NATIONAL_LEVEL,
      departmentName: national.departmentName,
      recipientBody: national.recipient,
    },
    check: ({ payload }) => reportedAtProblem(payload.reportedAt, receivedAt, Date.now()),
  });
  await ac.acts.accidentRecordUpwardReport({
    caseId: ac.caseId,
    taskKey: done.taskKey,
    chain: chain.chain,
    level: NATIONAL_LEVEL,
    departmentId: national.departmentId,
    dueAt,
    reportedAt: new Date(Date.parse(done.payload.reportedAt)).toISOString(),
    reportedBy: done.actor.userId,
    recipient: done.payload.recipient,
    means: done.payload.means,
  });
}
