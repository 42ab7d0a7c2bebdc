import { CancellationScope, setHandler, sleep } from '@temporalio/workflow';
import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { ErrorCode } from '@safety/domain/errors';
import type { DeadlineRequest, LinkedCase } from '@safety/temporal/activities';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import {
  getSupervisionStateQuery,
  SummonsInput,
  SummonsState,
  SupervisionItemInput,
  SupervisionState,
  SupervisionStatus,
} from '@safety/temporal/contracts/supervision.contract';
import type { SupervisionActivities } from '@safety/temporal/supervision.activities';
import { SupervisionSteps } from '@safety/temporal/steps/supervision.steps';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import { startLinkedCase } from '../kernel/linked-cases';
import { problem, ruleBroken } from '../kernel/problems';

/** The period that ends on a given local date (a milestone's date, the item's deadline). */
export const dueOn = (date: string): DeadlineRequest => ({
  startDate: plusDays(date, -1),
  unit: 'calendar_days',
  amount: 1,
});

/** Only the department a step is addressed to acts on it. */
export const departmentOnly = (departmentId: string, what: string) => (actor: TaskActor) =>
  actor.departmentId === departmentId ? undefined : problem(ErrorCode.FORBIDDEN_JURISDICTION, `only ${what} acts here`);

/**
 * 督办 (supervision item): every responsible department (牵头 lead and 按职责分工负责 co-responsible)
 * reports its progress once per period (the frequency chosen on creation, its length the issuer's
 * policy); each milestone is a deadline on the issuer's board, yellow then red when it is not
 * confirmed in time, and an overdue one may be answered with a 约谈 (a linked summons case that
 * outlives the item); the lead consolidates and proposes completion, the issuer accepts (销号) or
 * returns it. Closing withdraws the reports and milestone checks still open.
 */
export async function supervisionWorkflow(input: SupervisionItemInput): Promise<SupervisionState> {
  const kernel = new Kernel();
  const acts = kernel.activities<SupervisionActivities>();
  const state: SupervisionState = {
    itemId: input.itemId,
    status: 'IN_PROGRESS',
    period: 0,
    reports: [],
    milestones: input.milestones.map((milestone) => ({ index: milestone.index, outcome: null })),
    summonses: [],
    history: [],
  };
  setHandler(getSupervisionStateQuery, () => state);
  const status = new CaseStatus<SupervisionStatus>(kernel, input.caseId, state);
  const { policy } = input;
  const responsible = [input.leadDepartmentId, ...input.coResponsibleDepartmentIds];
  const untilClosed = new CancellationScope({ cancellable: true });
  const spawn = (name: string, work: () => Promise<unknown>) => kernel.branches.spawn(name, untilClosed.run(work));
  const issuerOnly = departmentOnly(input.issuerDepartmentId, 'the issuing department');

  /** One department's report of one period, due at the period's end. */
  async function report(departmentId: string, period: number, deadline: DeadlineRequest): Promise<void> {
    const done = await kernel.board.run(SupervisionSteps.PROGRESS_REPORT, {
      caseId: input.caseId,
      departmentId,
      step: `report-${period}-${departmentId}`,
      title: `督办：第${period}期进展报告`,
      deadline,
      warningLeadHours: policy.warningLeadHours,
      context: { itemId: input.itemId, period, lead: departmentId === input.leadDepartmentId },
      eligible: departmentOnly(departmentId, 'the reporting department'),
    });
    state.reports.push({ departmentId, period, at: done.completedAt });
    await acts.supervisionRecordReport({
      itemId: input.itemId,
      departmentId,
      period,
      progress: done.payload.progress,
      percentComplete: done.payload.percentComplete,
      actorId: done.actor.userId,
      at: done.completedAt,
      taskKey: done.taskKey,
    });
  }

  /** The reporting periods, one after another until the item closes (an overdue item keeps reporting). */
  async function reporting(): Promise<void> {
    const length = policy.reportPeriods[input.frequency];
    let startDate = input.startDate;
    for (let period = 1; ; period++) {
      state.period = period;
      const deadline: DeadlineRequest = { startDate, ...length };
      const end = await kernel.caseActivities.computeDeadline(deadline);
      // Without the calendar year the task asks for a manual date; the periods go on by calendar days.
      const endDate = end.dueDate ?? plusDays(startDate, length.amount);
      const endAt = end.dueAt ? Date.parse(end.dueAt) : endOfLocalDay(endDate).getTime();
      for (const departmentId of responsible) spawn(`report-${period}`, () => report(departmentId, period, deadline));
      await sleep(Math.max(1, endAt - Date.now()));
      startDate = endDate;
    }
  }

  /** A milestone on the issuer's board: confirmed as met, or (once overdue) answered with a summons. */
  async function milestone(m: SupervisionItemInput['milestones'][number]): Promise<void> {
    const overdueAfter = endOfLocalDay(m.dueDate).getTime();
    const checked = await kernel.board.run(SupervisionSteps.MILESTONE, {
      caseId: input.caseId,
      departmentId: input.issuerDepartmentId,
      step: `milestone-${m.index}`,
      title: `督办节点：${m.title}`,
      deadline: dueOn(m.dueDate),
      warningLeadHours: policy.warningLeadHours,
      context: { itemId: input.itemId, milestone: m },
      eligible: issuerOnly,
      check: (submission) =>
        submission.outcome === 'OPEN_SUMMONS' && Date.now() <= overdueAfter
          ? ruleBroken('a summons is opened from a milestone that is overdue')
          : undefined,
    });
    const entry = state.milestones.find((milestone) => milestone.index === m.index)!;
    if (checked.outcome === 'MET') {
      entry.outcome = 'MET';
      await acts.supervisionRecordMilestone({
        itemId: input.itemId,
        index: m.index,
        outcome: 'MET',
        note: checked.payload.note,
        summonsCaseId: null,
        actorId: checked.actor.userId,
        at: checked.completedAt,
      });
      return;
    }
    const { summons } = checked.payload;
    // Outside the item's cancellable work: closing the item never cancels the summons it opened.
    const started = await CancellationScope.nonCancellable(() =>
      startLinkedCase<SummonsInput, SummonsState, LinkedCase & { input: SummonsInput }>(
        kernel,
        {
          purpose: `summons-${m.index}`,
          open: (linkKey) =>
            acts.supervisionOpenSummons({
              itemId: input.itemId,
              milestoneIndex: m.index,
              linkKey,
              summons,
              actorId: checked.actor.userId,
            }),
        },
        'summonsWorkflow',
        (linked) => linked.input,
      ),
    );
    void started.result.catch(() => undefined);
    entry.outcome = 'SUMMONED';
    state.summonses.push({
      caseId: started.linked.caseId,
      workflowId: started.linked.workflowId,
      milestoneIndex: m.index,
    });
    await acts.supervisionRecordMilestone({
      itemId: input.itemId,
      index: m.index,
      outcome: 'SUMMONED',
      note: summons.reason,
      summonsCaseId: started.linked.caseId,
      actorId: checked.actor.userId,
      at: checked.completedAt,
    });
  }

  spawn('reporting', reporting);
  for (const m of input.milestones) spawn(`milestone-${m.index}`, () => milestone(m));

  // 牵头汇总 → 验收: the lead proposes completion, the issuer accepts or returns it for more work.
  let enterStatus;
  for (let round = 1; ; round++) {
    const proposal = await kernel.board.run(SupervisionSteps.CONSOLIDATION, {
      caseId: input.caseId,
      departmentId: input.leadDepartmentId,
      step: `consolidation-${round}`,
      deadline: dueOn(input.deadline),
      warningLeadHours: policy.warningLeadHours,
      enterStatus,
      context: { itemId: input.itemId, round },
      eligible: departmentOnly(input.leadDepartmentId, 'the lead department'),
    });
    await acts.supervisionRecordCompletion({
      itemId: input.itemId,
      stage: 'PROPOSED',
      round,
      note: proposal.payload.summary,
      actorId: proposal.actor.userId,
      at: proposal.completedAt,
    });
    const decision = await kernel.board.run(SupervisionSteps.ACCEPTANCE, {
      caseId: input.caseId,
      departmentId: input.issuerDepartmentId,
      step: `acceptance-${round}`,
      deadline: {
        startDate: toLocalDate(new Date(proposal.completedAt)),
        unit: 'working_days',
        amount: policy.acceptanceWorkingDays,
      },
      warningLeadHours: policy.warningLeadHours,
      enterStatus: status.enter('COMPLETION_PROPOSED', proposal.actor.userId, 'SUPERVISION_COMPLETION_PROPOSED', {
        round,
      }),
      context: { itemId: input.itemId, round, summary: proposal.payload.summary },
      eligible: issuerOnly,
    });
    const accepted = decision.outcome === 'ACCEPT';
    await acts.supervisionRecordCompletion({
      itemId: input.itemId,
      stage: accepted ? 'ACCEPTED' : 'RETURNED',
      round,
      note: accepted ? (decision.payload.comment ?? null) : decision.payload.reason,
      actorId: decision.actor.userId,
      at: decision.completedAt,
    });
    if (accepted) break;
    enterStatus = status.enter('IN_PROGRESS', decision.actor.userId, 'SUPERVISION_RETURNED', { round });
  }

  untilClosed.cancel();
  await acts.supervisionClose({ itemId: input.itemId, at: new Date(Date.now()).toISOString() });
  await status.moveTo('CLOSED', null, 'SUPERVISION_CLOSED');
  await kernel.finish();
  return state;
}
