import { condition, workflowInfo } from '@temporalio/workflow';
import { diffDays, endOfLocalDay, toLocalDate } from '@safety/domain/calendar/local-date';
import { amountOwed, AmountOwed } from '@safety/domain/enforcement/amount-owed';
import { challengePeriods } from '@safety/domain/enforcement/execution';
import { fenToYuan } from '@safety/domain/enforcement/money';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { firstProblem, invalid, ruleBroken } from '../../kernel/problems';
import type { PenaltyCase } from '../case';
import { serviceProblem } from '../checks';
import { publish } from './publication';

/** 送达 of the decision (行政处罚法 Art.61): on the spot, or within 7 working days. Answers the local date served. */
export async function serveDecision(pc: PenaltyCase): Promise<string> {
  const decision = pc.p.decision!;
  const served = await pc.board.run(PenaltySteps.DECISION_SERVICE, {
    ...pc.where,
    step: `decision-service-${pc.p.round}`,
    title: '送达处罚决定书',
    deadline: {
      startDate: toLocalDate(new Date(decision.decidedAt)),
      unit: 'working_days',
      amount: pc.context.policy.serviceWorkingDays,
    },
    context: { documentId: decision.documentId, number: decision.number },
    check: ({ payload }) => serviceProblem(payload, Date.parse(decision.decidedAt), pc.now()),
  });
  const servedAt = new Date(Date.parse(served.payload.servedAt)).toISOString();
  pc.p.service = { servedAt, method: served.payload.method };
  await pc.stage(
    decision.outcome === 'DECIDE_PENALTY' ? 'SERVED' : pc.p.stage,
    served.actor.userId,
    'DECISION_SERVED',
    {
      servedAt,
      method: served.payload.method,
    },
  );
  return toLocalDate(new Date(servedAt));
}

/** What the party owes on a day (the one computation, libs/domain). */
export function owedOn(pc: PenaltyCase, day: string): AmountOwed {
  const decision = pc.p.decision!;
  return amountOwed({
    fineYuan: decision.fineYuan,
    dueDate: pc.p.payment?.dueDate ?? null,
    payments: pc.p.payment?.payments ?? [],
    challenges: pc.p.challenges,
    asOf: day,
  });
}

export const isSettled = (pc: PenaltyCase): boolean => pc.p.payment?.settled === true || pc.revoked;

export const challengePending = (pc: PenaltyCase): boolean => pc.p.challenges.some((c) => c.endedOn === null);

/** Marks the fine settled once everything owed by the day it was paid in full has been paid. */
export function updateSettlement(pc: PenaltyCase): AmountOwed {
  const owed = owedOn(pc, pc.today());
  if (pc.p.payment && owed.settledOn) {
    pc.p.payment.settled = true;
    pc.p.payment.settledOn = owed.settledOn;
  }
  return owed;
}

/**
 * Execution of a penalty decision: publication (in parallel), service, the payment period (Art.67),
 * 加处罚款 once overdue (Art.72), and — after the challenge periods (行政强制法 Art.53) — the 催告
 * (Art.54) and the application to the court.
 */
export async function execute(pc: PenaltyCase): Promise<void> {
  const decision = pc.p.decision!;
  pc.side.spawn('publication-1', publish(pc, toLocalDate(new Date(decision.decidedAt))));
  const servedOn = await serveDecision(pc);
  const policy = pc.context.policy;
  if (decision.fineYuan <= 0) {
    // Non-monetary measures take effect on service; nothing to collect.
    await pc.stage('EXECUTED', null, 'DECISION_EFFECTIVE', { measures: decision.measures });
    return;
  }
  // Art.67: pay within 15 days of receipt (calendar days; a rest-day end moves to the next working day).
  const pay = await pc.due(servedOn, 'calendar_days', policy.paymentDays);
  pc.p.payment = {
    dueDate: pay.dueDate,
    payments: pc.p.payment?.payments ?? [],
    settled: pc.p.payment?.settled ?? false,
    settledOn: pc.p.payment?.settledOn ?? null,
  };
  await pc.stage('AWAITING_PAYMENT', null, 'PAYMENT_PERIOD_STARTED', {
    dueDate: pay.dueDate,
    fineYuan: decision.fineYuan,
  });
  if (!(await pc.waitUntil(pay.dueAt, () => isSettled(pc)))) {
    // Art.72: 3% per day from the day after the due date, capped at the fine; accrual is computed, not booked daily.
    await pc.stage('OVERDUE', null, 'PAYMENT_OVERDUE', { dueDate: pay.dueDate, surchargeRatePerDay: 0.03 });
  }
  const periods = challengePeriods(servedOn, policy);
  const enforcement = {
    challengePeriodsEnd: periods.bothEnd,
    courtApplicationDue: periods.courtApplicationEnds,
    demandNumber: null as string | null,
    demandServedOn: null as string | null,
    courtAppliedOn: null as string | null,
  };
  pc.p.enforcement = enforcement;
  // 行政强制法 Art.53: the agency applies to court only after the 复议/诉讼 periods have expired (and any challenge has ended).
  await pc.waitUntil(endOfLocalDay(periods.bothEnd).getTime(), () => isSettled(pc));
  await condition(() => isSettled(pc) || !challengePending(pc));
  if (isSettled(pc)) return closeExecution(pc);

  await pc.stage('ENFORCEMENT', null, 'ENFORCEMENT_STARTED', {
    challengePeriodsEnd: periods.bothEnd,
    courtApplicationDue: periods.courtApplicationEnds,
  });
  const demandDoc = await pc.acts.issuePenaltyDocument({
    idempotencyKey: `${workflowInfo().workflowId}:doc:demand`,
    kind: 'PAYMENT_DEMAND',
    caseId: pc.input.caseId,
    issuedBy: null,
    data: {
      decisionNumber: decision.number,
      decisionDate: toLocalDate(new Date(decision.decidedAt)),
      fineYuan: decision.fineYuan,
      surchargeYuan: fenToYuan(owedOn(pc, pc.today()).surchargeFen),
      asOf: pc.today(),
      waitDays: policy.demandWaitWorkingDays,
    },
  });
  enforcement.demandNumber = demandDoc.number;
  const demandIssuedAt = pc.now();
  // 行政强制法 Art.54: a written 催告 before applying to court.
  const demand = await pc.board.run(PenaltySteps.PAYMENT_DEMAND_SERVICE, {
    ...pc.where,
    step: 'payment-demand',
    title: '送达催告书',
    deadline: { startDate: pc.today(), unit: 'working_days', amount: policy.serviceWorkingDays },
    context: { documentId: demandDoc.documentId, number: demandDoc.number },
    check: ({ payload }) => serviceProblem(payload, demandIssuedAt, pc.now()),
  });
  const demandServedOn = toLocalDate(new Date(demand.payload.servedAt));
  enforcement.demandServedOn = demandServedOn;
  await pc.event('PAYMENT_DEMAND_SERVED', demand.actor, { servedOn: demandServedOn, number: demandDoc.number });
  // Art.54: no sooner than 10 (working, Art.69) days after the 催告书 is served.
  const wait = await pc.due(demandServedOn, 'working_days', policy.demandWaitWorkingDays);
  if (await pc.waitUntil(wait.dueAt, () => isSettled(pc))) return closeExecution(pc);

  const court = await pc.board.run(PenaltySteps.COURT_ENFORCEMENT_APPLICATION, {
    ...pc.where,
    step: 'court-application',
    title: '申请人民法院强制执行',
    // 行政强制法 Art.53: within 3 months after the challenge periods expire.
    deadline: {
      startDate: periods.bothEnd,
      unit: 'calendar_days',
      amount: Math.max(1, diffDays(periods.bothEnd, periods.courtApplicationEnds)),
    },
    check: (submission) =>
      submission.outcome === 'PAID_MEANWHILE'
        ? isSettled(pc)
          ? undefined
          : ruleBroken('the fine is not paid in full')
        : firstProblem(() =>
            submission.payload.filedOn <= pc.today() ? undefined : invalid('payload.filedOn may not be in the future'),
          ),
  });
  if (court.outcome === 'PAID_MEANWHILE') return closeExecution(pc);
  enforcement.courtAppliedOn = court.payload.filedOn;
  await pc.stage('COURT_ENFORCEMENT', court.actor.userId, 'COURT_ENFORCEMENT_APPLIED', {
    court: court.payload.court,
    filedOn: court.payload.filedOn,
  });
}

async function closeExecution(pc: PenaltyCase): Promise<void> {
  if (pc.revoked) await pc.stage('REVOKED', null, 'DECISION_REVOKED_NO_EXECUTION');
  else await pc.stage('EXECUTED', null, 'PENALTY_EXECUTED', { settledOn: pc.p.payment?.settledOn ?? null });
}
