import { patched } from '@temporalio/workflow';
import { upwardReportDueAt } from '@safety/domain/accident/reporting';
import type { DepartmentLevel } from '@safety/domain/accident/jurisdiction';
import { skipLevelProblem } from '@safety/domain/accident/upward-reporting';
import type { SkipLevelReportInput, SkipLevelReportResult } from '@safety/temporal/contracts/accident.contract';
import { PATCH } from '../kernel/patches';
import { firstProblem, forbidden, outOfOrder, Problem, reject, ruleBroken } from '../kernel/problems';
import { type AccidentCase, HEAD, OFFICER } from './case';
import { reportUpChain } from './upward';

/** The department holding the chain's report below the level that waits for it. */
function holder(ac: AccidentCase, chain: SkipLevelReportInput['chain']): string | null {
  const progress = ac.upwardChains.get(chain);
  if (!progress || progress.open === null) return null;
  return progress.open === 0 ? progress.fromDepartmentId : progress.chain.levels[progress.open - 1].departmentId;
}

/** Officers and heads of the department holding the report go past the next level (条例 Art.10 para.2). */
export function skipLevelReportProblem(ac: AccidentCase, input: SkipLevelReportInput): Problem | undefined {
  const progress = ac.upwardChains.get(input.chain);
  return firstProblem(
    () => (ac.state.status === 'CLOSED' ? outOfOrder('the case is closed') : undefined),
    () => (progress ? undefined : outOfOrder(`the accident is not reported up the ${input.chain} chain`)),
    () =>
      input.actor.roles.some((role) => role === OFFICER || role === HEAD) &&
      input.actor.departmentId === holder(ac, input.chain)
        ? undefined
        : forbidden('only the department holding the report below the level waiting for it reports past that level'),
    () => {
      const why = skipLevelProblem({
        grade: ac.state.grade,
        levels: progress!.chain.levels.map((l) => l.level as DepartmentLevel),
        openIndex: progress!.open,
        target: input.level,
        alreadySkipped: progress!.skippedTo !== null,
      });
      return why ? ruleBroken(why) : undefined;
    },
  );
}

/**
 * 越级上报 (条例 Art.10 para.2): the higher level's report opens at once, in its inbox, due 2 hours from
 * now (Art.11), and the chain goes on up from it; the level-by-level run still brings the report to
 * every level below it (skipping does not relieve them) and stops there.
 */
export async function skipLevelReport(ac: AccidentCase, input: SkipLevelReportInput): Promise<SkipLevelReportResult> {
  if (!patched(PATCH.ACCIDENT_SKIP_LEVEL_REPORT)) reject(outOfOrder('this case predates 越级上报'));
  const progress = ac.upwardChains.get(input.chain)!;
  const target = progress.chain.levels.findIndex((l) => l.level === input.level);
  progress.skippedTo = target;
  const now = Date.now();
  const from: typeof progress = { ...progress, open: null, skippedTo: null };
  ac.spawn(
    `upward-reports-${input.chain}-skip-${input.level}`,
    () =>
      reportUpChain(ac, progress.chain, {
        from: target,
        receivedAt: now,
        progress: from,
        skippedFrom: input.actor.departmentId,
      }),
    { untilClosed: true },
  );
  return {
    chain: input.chain,
    level: input.level,
    departmentId: progress.chain.levels[target].departmentId,
    dueAt: upwardReportDueAt(new Date(now)).toISOString(),
  };
}
