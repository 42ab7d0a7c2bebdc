import { setHandler } from '@temporalio/workflow';
import { compareLocalDates, toLocalDate } from '@safety/domain/calendar/local-date';
import {
  getSummonsStateQuery,
  SummonsInput,
  SummonsState,
  SummonsStatus,
} from '@safety/temporal/contracts/supervision.contract';
import type { CaseStatusChange } from '@safety/temporal/activities';
import type { SupervisionActivities } from '@safety/temporal/supervision.activities';
import { SummonsSteps } from '@safety/temporal/steps/supervision.steps';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import { ruleBroken } from '../kernel/problems';
import { departmentOnly } from '../supervision/workflow';

/**
 * 约谈 (summons) of an enterprise's principal or of a lower government's or department's leader:
 * the minutes and commitments are recorded after the meeting; each commitment becomes a tracked
 * rectification item verified after its deadline (again, with a new deadline, while it is not met);
 * where the policy says so the record is published (约谈情况公开). Closed when every commitment is
 * verified and the record is published.
 */
export async function summonsWorkflow(input: SummonsInput): Promise<SummonsState> {
  const kernel = new Kernel();
  const acts = kernel.activities<SupervisionActivities>();
  const state: SummonsState = {
    summonsId: input.summonsId,
    status: 'SCHEDULED',
    commitments: [],
    published: input.policy.publishSummonses ? false : null,
    history: [],
  };
  setHandler(getSummonsStateQuery, () => state);
  const status = new CaseStatus<SummonsStatus>(kernel, input.caseId, state);
  const { policy } = input;
  const where = { caseId: input.caseId, departmentId: input.departmentId };
  const eligible = departmentOnly(input.departmentId, 'the department that summoned');
  const today = () => toLocalDate(new Date(Date.now()));

  const minutes = await kernel.board.run(SummonsSteps.MINUTES, {
    ...where,
    step: 'minutes',
    deadline: { startDate: input.scheduledOn, unit: 'working_days', amount: policy.minutesWorkingDays },
    warningLeadHours: policy.warningLeadHours,
    context: { summonsId: input.summonsId, scheduledOn: input.scheduledOn },
    eligible,
    check: ({ payload }) => {
      if (compareLocalDates(payload.heldOn, today()) > 0) return ruleBroken('a summons is recorded once it was held');
      return payload.commitments.some((commitment) => compareLocalDates(commitment.deadline, payload.heldOn) <= 0)
        ? ruleBroken('a commitment is due after the day of the summons')
        : undefined;
    },
  });
  await acts.summonsRecordMinutes({
    summonsId: input.summonsId,
    heldOn: minutes.payload.heldOn,
    attendees: minutes.payload.attendees,
    minutes: minutes.payload.minutes,
    commitments: minutes.payload.commitments,
    actorId: minutes.actor.userId,
    at: minutes.completedAt,
  });
  state.commitments = minutes.payload.commitments.map((commitment, index) => ({
    index,
    deadline: commitment.deadline,
    rounds: 0,
    verified: false,
  }));
  const held = status.enter('RECTIFYING', minutes.actor.userId, 'SUMMONS_HELD', {
    commitments: state.commitments.length,
  });

  /** 整改核查: one commitment, verified after its deadline; not met → verified again by a new deadline. */
  async function verify(commitment: SummonsState['commitments'][number], enterStatus?: CaseStatusChange) {
    const content = minutes.payload.commitments[commitment.index].content;
    for (let round = 1; ; round++) {
      const checked = await kernel.board.run(SummonsSteps.COMMITMENT_VERIFICATION, {
        ...where,
        step: `commitment-${commitment.index + 1}-${round}`,
        title: `约谈整改承诺核查：${content.slice(0, 60)}`,
        deadline: { startDate: commitment.deadline, unit: 'working_days', amount: policy.verificationWorkingDays },
        warningLeadHours: policy.warningLeadHours,
        enterStatus: round === 1 ? enterStatus : undefined,
        context: { summonsId: input.summonsId, index: commitment.index, content, deadline: commitment.deadline, round },
        eligible,
        check: (submission) =>
          submission.outcome === 'NOT_MET' && compareLocalDates(submission.payload.newDeadline, today()) <= 0
            ? ruleBroken('a new deadline is after today')
            : undefined,
      });
      commitment.rounds = round;
      const verified = checked.outcome === 'VERIFIED';
      await acts.summonsRecordVerification({
        summonsId: input.summonsId,
        index: commitment.index,
        round,
        verified,
        findings: checked.payload.findings,
        newDeadline: verified ? null : checked.payload.newDeadline,
        actorId: checked.actor.userId,
        at: checked.completedAt,
      });
      if (verified) {
        commitment.verified = true;
        return;
      }
      commitment.deadline = checked.payload.newDeadline;
    }
  }

  /** 约谈情况公开, where the policy says so. */
  async function publish(): Promise<void> {
    const published = await kernel.board.run(SummonsSteps.PUBLICATION, {
      ...where,
      step: 'publication',
      deadline: {
        startDate: toLocalDate(new Date(minutes.completedAt)),
        unit: 'working_days',
        amount: policy.publicationWorkingDays,
      },
      warningLeadHours: policy.warningLeadHours,
      context: { summonsId: input.summonsId },
      eligible,
    });
    await acts.summonsRecordPublication({
      summonsId: input.summonsId,
      publishedOn: published.payload.publishedOn,
      channel: published.payload.channel,
      summary: published.payload.summary,
      actorId: published.actor.userId,
      at: published.completedAt,
    });
    state.published = true;
  }

  const work: Array<Promise<void>> = state.commitments.map((commitment, index) =>
    verify(commitment, index === 0 ? held : undefined),
  );
  if (policy.publishSummonses) work.push(publish());
  await Promise.all(work);
  await acts.summonsClose({ summonsId: input.summonsId, at: new Date(Date.now()).toISOString() });
  await status.moveTo('CLOSED', null, 'SUMMONS_CLOSED');
  await kernel.finish();
  return state;
}
