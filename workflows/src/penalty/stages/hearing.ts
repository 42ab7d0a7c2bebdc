import { workflowInfo } from '@temporalio/workflow';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { firstProblem, forbidden, outOfOrder, ruleBroken, separationOfDuties } from '../../kernel/problems';
import type { PenaltyCase } from '../case';

/** 听证 (行政处罚法 Art.64): notice 7 working days ahead, a chair who did not investigate, the record. */
export async function runHearing(pc: PenaltyCase, round: number): Promise<void> {
  const scheduled = await pc.board.run(PenaltySteps.HEARING_SCHEDULING, {
    ...pc.where,
    step: `hearing-scheduling-${round}`,
    title: '听证通知（确定听证时间、地点、主持人）',
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('HEARING', null, 'HEARING_PROCEDURE_STARTED'),
    prepare: async () => {
      pc.hearingCalendar = (await pc.acts.listWorkingDays({ from: pc.today(), count: 60 })).days;
    },
    eligible: (actor) =>
      pc.isHandler(actor.userId)
        ? separationOfDuties('a head handling the case may not organise its hearing')
        : undefined,
    check: ({ payload }) =>
      firstProblem(
        () =>
          pc.isHandler(payload.chairId)
            ? separationOfDuties('the hearing chair may not be an investigator of the case (行政处罚法 Art.64(4))')
            : undefined,
        () => {
          // Art.64(2): notify the party 7 (working) days before the hearing.
          const ahead = pc.hearingCalendar.filter((day) => day > pc.today());
          const needed = pc.context.policy.hearingNoticeWorkingDays;
          if (ahead.length < needed) {
            return ruleBroken(
              'the holiday calendar is not loaded far enough ahead to check the 7-working-day notice; load it and retry',
            );
          }
          const earliest = ahead[needed - 1];
          return payload.hearingDate >= earliest
            ? undefined
            : ruleBroken(
                `the hearing may be held on ${earliest} at the earliest: the party is notified ${needed} working days ahead (行政处罚法 Art.64(2))`,
              );
        },
      ),
  });
  const { hearingDate, chairId, location } = scheduled.payload;
  const doc = await pc.acts.issuePenaltyDocument({
    idempotencyKey: `${workflowInfo().workflowId}:doc:hearing-notice-${round}`,
    kind: 'HEARING_NOTICE',
    caseId: pc.input.caseId,
    issuedBy: scheduled.actor.userId,
    data: { hearingDate, location },
  });
  const hearing = { ...pc.p.hearing!, hearingDate, chairId, noticeNumber: doc.number };
  pc.p.hearing = hearing;
  await pc.event('HEARING_SCHEDULED', scheduled.actor, { hearingDate, chairId, noticeNumber: doc.number });
  const held = await pc.board.run(PenaltySteps.HEARING, {
    ...pc.where,
    step: `hearing-${round}`,
    title: `听证（${hearingDate}）`,
    assigneeId: chairId,
    deadline: { startDate: hearingDate, unit: 'working_days', amount: 2 },
    eligible: (actor) =>
      firstProblem(
        () =>
          pc.isHandler(actor.userId)
            ? separationOfDuties('the hearing chair may not be an investigator of the case (行政处罚法 Art.64(4))')
            : undefined,
        () => (actor.userId === chairId ? undefined : forbidden('only the appointed chair records the hearing')),
      ),
    check: () => (pc.today() >= hearingDate ? undefined : outOfOrder(`the hearing is scheduled for ${hearingDate}`)),
  });
  hearing.outcome = held.outcome;
  // Art.64(8): a party who does not appear without good reason has waived the hearing.
  await pc.event(held.outcome === 'HELD' ? 'HEARING_HELD' : 'HEARING_WAIVED_BY_ABSENCE', held.actor, { hearingDate });
}
