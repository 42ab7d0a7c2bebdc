import { patched, workflowInfo } from '@temporalio/workflow';
import { checkFineAgainstBenchmark } from '@safety/domain/enforcement/benchmark';
import { ErrorCode } from '@safety/domain/errors';
import type { DeadlineAnswer } from '@safety/temporal/activities';
import { penaltyMayNotIncrease } from '@safety/domain/enforcement/notice';
import type {
  DecisionExtensionInput,
  PenaltyCaseStatus,
  PenaltyEventResult,
} from '@safety/temporal/contracts/penalty-case.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import type { Submission } from '@safety/temporal/steps/step-definition';
import { PATCH } from '../../kernel/patches';
import {
  domainRule,
  firstProblem,
  forbidden,
  invalid,
  outOfOrder,
  Problem,
  problem,
  reject,
  ruleBroken,
  separationOfDuties,
} from '../../kernel/problems';
import { DECISION_CLOCK, HEAD, PenaltyCase } from '../case';
import { transferBlocksFine } from '../messages/criminal-transfer';

export type RoundOutcome = 'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW';

/** Stages at or after which a decision exists. */
const DECIDED_STAGES: PenaltyCaseStatus[] = [
  'DECIDED',
  'SERVED',
  'AWAITING_PAYMENT',
  'OVERDUE',
  'ENFORCEMENT',
  'COURT_ENFORCEMENT',
  'EXECUTED',
  'NOT_PENALISED',
  'WITHDRAWN',
  'REVOKED',
  'ARCHIVED',
];

/** 集体讨论 (Art.57) of a complex or serious case. False when it returns the case for more investigation. */
export async function collectiveDiscussion(pc: PenaltyCase, round: number): Promise<boolean> {
  const done = await pc.board.run(PenaltySteps.COLLECTIVE_DISCUSSION, {
    ...pc.where,
    step: `collective-discussion-${round}`,
    title: '重大案件集体讨论',
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('COLLECTIVE_DISCUSSION', null, 'COLLECTIVE_DISCUSSION_OPENED'),
    check: ({ outcome }) =>
      outcome === 'DECIDE_PENALTY' && !pc.p.notice?.servedAt
        ? ruleBroken('a penalty needs the 告知 first (行政处罚法 Art.44, 62); return the case')
        : undefined,
  });
  pc.p.collectiveDiscussion.outcome = done.outcome;
  await pc.event('COLLECTIVE_DISCUSSION_RECORDED', done.actor, {
    outcome: done.outcome,
    participants: done.payload.participants,
  });
  return done.outcome !== 'RETURN';
}

/** 决定 (Art.57, 58, 60, 62): the head decides; null = returned for more investigation. */
export async function decide(pc: PenaltyCase, round: number): Promise<RoundOutcome | null> {
  const done = await pc.board.run(PenaltySteps.PENALTY_DECISION, {
    ...pc.where,
    step: `decision-${round}`,
    title: '行政处罚决定审批',
    // Art.60: 90 calendar days from 立案 (policy), plus approved extensions.
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('AWAITING_DECISION', null, 'DECISION_OPENED'),
    eligible: (actor) =>
      firstProblem(
        () =>
          pc.isHandler(actor.userId) || actor.userId === pc.p.proposal!.proposedBy
            ? separationOfDuties('the deciding head may not have handled or proposed the case')
            : undefined,
        () => (pc.sameDepartment(actor) ? undefined : forbidden('the head of the case department decides')),
      ),
    check: (submission) => decisionProblem(pc, submission),
  });
  if (done.outcome === 'RETURN') {
    await pc.event('DECISION_RETURNED', done.actor, { reasons: done.payload.reasons });
    return null;
  }
  const proposal = pc.p.proposal!;
  const penalty = done.outcome === 'DECIDE_PENALTY' ? done.payload : null;
  const measures = penalty?.measures ?? pc.p.notice?.notifiedMeasures ?? [];
  const fineYuan = penalty && measures.includes('FINE') ? (penalty.fineYuan ?? pc.p.notice!.notifiedFineYuan) : 0;
  const decision = {
    outcome: done.outcome,
    decidedAt: done.completedAt,
    decidedBy: done.actor.userId,
    fineYuan,
    measures: penalty ? measures : [],
    number: null as string | null,
    documentId: null as string | null,
    seriousViolation: penalty?.seriousViolation === true,
    revoked: false,
  };
  pc.p.decision = decision;
  if (done.outcome === 'WITHDRAW') {
    await pc.stage('WITHDRAWN', done.actor.userId, 'CASE_WITHDRAWN', { reasons: done.payload.reasons });
    return 'WITHDRAW';
  }
  const doc = await pc.acts.issuePenaltyDocument({
    idempotencyKey: `${workflowInfo().workflowId}:doc:decision-${round}`,
    kind: done.outcome === 'DECIDE_PENALTY' ? 'PENALTY_DECISION' : 'NO_PENALTY_DECISION',
    caseId: pc.input.caseId,
    issuedBy: done.actor.userId,
    data: {
      facts: proposal.facts,
      legalBasis: proposal.legalBasis,
      measures: decision.measures,
      fineYuan,
      reasons: done.payload.reasons,
      evidence: [pc.p.investigation?.findings ?? ''],
    },
  });
  decision.number = doc.number;
  decision.documentId = doc.documentId;
  if (done.outcome === 'NO_PENALTY') {
    await pc.stage('NOT_PENALISED', done.actor.userId, 'NO_PENALTY_DECIDED', { number: doc.number });
    return 'NO_PENALTY';
  }
  await pc.stage('DECIDED', done.actor.userId, 'PENALTY_DECIDED', {
    number: doc.number,
    fineYuan,
    measures,
    seriousViolation: decision.seriousViolation,
  });
  return 'DECIDE_PENALTY';
}

type DecisionSubmission = Submission<typeof PenaltySteps.PENALTY_DECISION> & { actor: TaskActor };

function decisionProblem(pc: PenaltyCase, submission: DecisionSubmission): Problem | undefined {
  const { outcome } = submission;
  const review = pc.p.legalReview;
  const discussion = pc.p.collectiveDiscussion;
  return firstProblem(
    () =>
      review.required && !review.passed
        ? ruleBroken('no decision before 法制审核 is passed (行政处罚法 Art.58)')
        : undefined,
    () =>
      discussion.required && outcome !== 'RETURN' && discussion.outcome !== outcome
        ? ruleBroken(`the collective discussion decided ${discussion.outcome} (行政处罚法 Art.57)`)
        : undefined,
    () => (submission.outcome === 'DECIDE_PENALTY' ? penaltyProblem(pc, submission.payload) : undefined),
  );
}

/** A penalty decided as notified, or lighter (Art.44, 45, 62), inside the benchmark, and not in place of prosecution. */
function penaltyProblem(
  pc: PenaltyCase,
  payload: Extract<DecisionSubmission, { outcome: 'DECIDE_PENALTY' }>['payload'],
): Problem | undefined {
  const proposal = pc.p.proposal!;
  const notice = pc.p.notice;
  if (proposal.outcome !== 'PROPOSE_PENALTY' || !notice?.servedAt) {
    return ruleBroken('a penalty needs a served 告知书 first (行政处罚法 Art.44, 62); return the case');
  }
  const measures = payload.measures ?? notice.notifiedMeasures;
  const unnotified = measures.filter((measure) => !notice.notifiedMeasures.includes(measure));
  if (unnotified.length) {
    return ruleBroken(
      `measures ${unnotified.join(', ')} were not notified; a heavier penalty needs a new 告知 (行政处罚法 Art.44, 62)`,
    );
  }
  if (!measures.includes('FINE')) return undefined;
  const fine = payload.fineYuan ?? notice.notifiedFineYuan;
  if (fine <= 0) return invalid('the fine must be positive');
  if (transferBlocksFine(pc)) {
    return ruleBroken(
      'a criminal transfer is pending or accepted: no fine may be imposed in place of prosecution (行政处罚法 Art.27, 82)',
    );
  }
  const argued = pc.p.statements.length > 0 || pc.p.hearing?.outcome === 'HELD';
  return firstProblem(
    () => domainRule(() => penaltyMayNotIncrease(notice.notifiedFineYuan, fine, argued)),
    () =>
      pc.benchmark
        ? domainRule(() =>
            checkFineAgainstBenchmark(pc.benchmark as never, {
              violationType: proposal.violationType,
              circumstance: payload.circumstance ?? proposal.circumstance ?? 'ORDINARY',
              fineYuan: fine,
            }),
          )
        : undefined,
  );
}

// ---- extension of the decision period (Art.60; policy: count and total days) ----

export function extensionProblem(pc: PenaltyCase, input: DecisionExtensionInput): Problem | undefined {
  const policy = pc.context?.policy;
  return firstProblem(
    () =>
      input.actor.roles.includes(HEAD) && pc.sameDepartment(input.actor)
        ? undefined
        : forbidden('the agency head approves an extension of the decision period'),
    () =>
      pc.isHandler(input.actor.userId)
        ? separationOfDuties('a head handling the case may not extend its decision period')
        : undefined,
    () =>
      policy && !pc.p.decision && !DECIDED_STAGES.includes(pc.p.stage)
        ? undefined
        : outOfOrder('the decision period can only be extended before the decision'),
    () =>
      pc.p.decisionExtensions.length < policy!.decisionMaxExtensions
        ? undefined
        : ruleBroken(`at most ${policy!.decisionMaxExtensions} extension(s) of the decision period are allowed`),
    () =>
      pc.totalExtension() + input.days <= policy!.decisionMaxTotalExtensionDays
        ? undefined
        : ruleBroken(
            `extensions may total at most ${policy!.decisionMaxTotalExtensionDays} days (already ${pc.totalExtension()})`,
          ),
  );
}

export async function extendDecision(pc: PenaltyCase, input: DecisionExtensionInput): Promise<PenaltyEventResult> {
  const extension = {
    days: input.days,
    reason: input.reason,
    by: input.actor.userId,
    at: new Date(pc.now()).toISOString(),
  };
  let clock: DeadlineAnswer;
  if (patched(PATCH.DECISION_EXTENSION_NEEDS_A_DEADLINE)) {
    // An extension that leaves the period without an end would be spent for nothing (Art.60 counts in days).
    const extended = pc.decisionClock();
    clock = await pc.kernel.caseActivities.computeDeadline({ ...extended, amount: extended.amount + input.days });
    if (!clock.dueAt)
      reject(
        problem(
          ErrorCode.CALENDAR_YEAR_NOT_LOADED,
          `the extended decision period ends in ${clock.missingYear ?? 'a year'} whose holiday calendar is not loaded yet`,
          { year: clock.missingYear },
        ),
      );
    pc.p.decisionExtensions.push(extension);
  } else {
    pc.p.decisionExtensions.push(extension);
    clock = await pc.kernel.caseActivities.computeDeadline(pc.decisionClock());
  }
  pc.p.decisionDueDate = clock.dueDate;
  if (clock.dueAt && patched(PATCH.PENALTY_EXTENSION_MOVES_TASKS)) {
    await pc.board.moveClock(
      DECISION_CLOCK,
      Date.parse(clock.dueAt),
      input.actor.userId,
      `决定期限延长 ${input.days} 日：${input.reason}`,
    );
  }
  await pc.event(
    'DECISION_PERIOD_EXTENDED',
    input.actor,
    { days: input.days, reason: input.reason, total: pc.totalExtension(), dueDate: clock.dueDate },
    input.requestId,
  );
  return { ok: true, status: pc.p.stage, detail: { decisionDueDate: clock.dueDate, decisionDueAt: clock.dueAt } };
}
