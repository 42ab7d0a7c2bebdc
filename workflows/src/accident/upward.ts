import { condition, patched } from '@temporalio/workflow';
import { upwardReportDueAt } from '@safety/domain/accident/reporting';
import type { DepartmentLevel } from '@safety/domain/accident/jurisdiction';
import { upwardReportReaches } from '@safety/domain/accident/upward-reporting';
import type { UpwardReportPlan } from '@safety/temporal/accident.activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { PATCH } from '../kernel/patches';
import type { AccidentCase } from './case';

type Chain = UpwardReportPlan['chains'][number];

/** Yellow half an hour before a level's 2 hours are up. */
const UPWARD_WARNING_LEAD_HOURS = 0.5;

/**
 * 逐级上报 (条例 Art.10–11): each chain (emergency management; the sector's supervising department)
 * reports up level by level — Art.10 says 逐级上报, and Art.11's 2 hours are per level, so the next
 * level's task opens once the level below has reported, and its 2 hours count from then; the first
 * level's from the first report's receipt. Each task is in the inbox of the level it reaches and is
 * due on the wall clock. The chain goes as high as the grade requires; a 补报 that raises the grade
 * (Art.13) extends it upward from where it stopped. Runs while the case is open.
 */
export async function reportUpward(ac: AccidentCase): Promise<void> {
  const plan = await ac.acts.accidentUpwardReportPlan({ caseId: ac.caseId });
  await Promise.all(plan.chains.map((chain) => reportUpChain(ac, chain, Date.parse(plan.receivedAt))));
}

async function reportUpChain(ac: AccidentCase, chain: Chain, firstReceivedAt: number): Promise<void> {
  let receivedBelowAt = firstReceivedAt;
  for (const level of chain.levels) {
    const reaches = () => upwardReportReaches(ac.state.grade, level.level as DepartmentLevel);
    // Not (yet) required at this grade: a regrade may extend the chain, and its 2 hours count from when the
    // regrade was received (Art.13's 补报), not from the report below (histories before the patch: from below).
    if (!reaches()) {
      await condition(reaches);
      if (ac.regradeReceivedAt !== null && patched(PATCH.ACCIDENT_BUBAO_RECEIVED_ON)) {
        receivedBelowAt = Math.max(receivedBelowAt, ac.regradeReceivedAt);
      }
    }
    const dueAt = upwardReportDueAt(new Date(receivedBelowAt)).toISOString();
    const done = await ac.board.run(AccidentSteps.UPWARD_REPORT, {
      caseId: ac.caseId,
      departmentId: level.departmentId,
      step: `upward-report-${chain.chain}-${level.level}`,
      title: `事故逐级上报：${level.departmentName}`.slice(0, 200),
      deadline: null,
      dueAt: Date.parse(dueAt),
      warningLeadHours: UPWARD_WARNING_LEAD_HOURS,
      context: { chain: chain.chain, level: level.level, departmentName: level.departmentName },
    });
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
  }
}
