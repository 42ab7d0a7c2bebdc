import { toLocalDate } from '@safety/domain/calendar/local-date';
import { fenToYuan, yuanToFen } from '@safety/domain/enforcement/money';
import { receivedOnProblem } from '@safety/domain/enforcement/received-on';
import type {
  ChallengeEndedInput,
  ChallengeFiledInput,
  PaymentInput,
  PenaltyEventResult,
} from '@safety/temporal/contracts/penalty-case.contract';
import { alreadyExists, firstProblem, invalid, notFound, outOfOrder, Problem, ruleBroken } from '../../kernel/problems';
import type { PenaltyCase } from '../case';
import { dateBetween } from '../checks';
import { partyRecorderProblem } from '../stages/notice';
import { challengePending, owedOn, updateSettlement } from '../stages/execution';
import { publish, withdraw } from '../stages/publication';

const decisionDate = (pc: PenaltyCase) => toLocalDate(new Date(pc.p.decision!.decidedAt));

// ---- 罚款缴纳 (行政处罚法 Art.67); over-payment beyond fine + 加处罚款 is refused ----

export function paymentProblem(pc: PenaltyCase, input: PaymentInput): Problem | undefined {
  const decision = pc.p.decision;
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () =>
      decision?.outcome === 'DECIDE_PENALTY' && decision.fineYuan > 0 && pc.p.service
        ? undefined
        : outOfOrder('a payment is recorded after a fine has been decided and served'),
    () => (pc.revoked ? ruleBroken('the decision was revoked') : undefined),
    () => (pc.p.payment?.settled ? alreadyExists('the fine is already paid in full') : undefined),
    () =>
      dateBetween(input.paidOn, decisionDate(pc), pc.today())
        ? undefined
        : invalid('paidOn must be a date between the decision and today'),
    () => {
      const owedThen = owedOn(pc, input.paidOn);
      const owedNow = owedOn(pc, pc.today());
      const outstanding = Math.min(owedThen.outstandingFen, owedNow.outstandingFen);
      return yuanToFen(input.amountYuan) <= outstanding
        ? undefined
        : ruleBroken(`the payment exceeds the amount owed on ${input.paidOn} (${fenToYuan(outstanding)} yuan)`);
    },
  );
}

export async function recordPayment(pc: PenaltyCase, input: PaymentInput): Promise<PenaltyEventResult> {
  pc.p.payment ??= { dueDate: null, payments: [], settled: false, settledOn: null };
  pc.p.payment.payments.push({
    amountYuan: input.amountYuan,
    paidOn: input.paidOn,
    receiptNo: input.receiptNo,
    by: input.actor.userId,
  });
  const owed = updateSettlement(pc);
  const outstandingYuan = fenToYuan(owed.outstandingFen);
  await pc.event(
    'PAYMENT_RECORDED',
    input.actor,
    {
      amountYuan: input.amountYuan,
      paidOn: input.paidOn,
      receiptNo: input.receiptNo,
      surchargeYuan: fenToYuan(owed.surchargeFen),
      outstandingYuan,
      settled: pc.p.payment.settled,
    },
    input.requestId,
  );
  return { ok: true, status: pc.p.stage, detail: { settled: pc.p.payment.settled, outstandingYuan } };
}

// ---- 行政复议 / 行政诉讼: no 加处罚款 accrues while one is pending (Art.73) ----

export function challengeFiledProblem(pc: PenaltyCase, input: ChallengeFiledInput): Problem | undefined {
  const decision = pc.p.decision;
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () =>
      decision && decision.outcome !== 'WITHDRAW' ? undefined : outOfOrder('复议/诉讼 is recorded against a decision'),
    () => (decision!.revoked ? ruleBroken('the decision has been revoked') : undefined),
    () =>
      challengePending(pc)
        ? alreadyExists('a challenge of this decision is still pending; record its end first')
        : undefined,
    () =>
      dateBetween(input.filedOn, decisionDate(pc), pc.today())
        ? undefined
        : invalid('filedOn must be a date between the decision and today'),
    () => pastDayNeedsReceipt(pc, input.filedOn, input.receiptAttachmentIds),
  );
}

export async function challengeFiled(pc: PenaltyCase, input: ChallengeFiledInput): Promise<PenaltyEventResult> {
  const seq = pc.p.challenges.length + 1;
  pc.p.challenges.push({
    seq,
    kind: input.kind,
    filedOn: input.filedOn,
    body: input.body,
    endedOn: null,
    result: null,
  });
  await pc.event(
    'CHALLENGE_FILED',
    input.actor,
    {
      seq,
      kind: input.kind,
      filedOn: input.filedOn,
      body: input.body,
      surchargeSuspended: true,
      receiptAttachmentIds: input.receiptAttachmentIds ?? [],
    },
    input.requestId,
  );
  return { ok: true, status: pc.p.stage, detail: { seq } };
}

export function challengeEndedProblem(pc: PenaltyCase, input: ChallengeEndedInput): Problem | undefined {
  const challenge = pc.p.challenges.find((candidate) => candidate.seq === input.seq);
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () => (challenge ? undefined : notFound(`challenge ${input.seq} not found`)),
    () => (challenge!.endedOn === null ? undefined : alreadyExists(`challenge ${input.seq} has already ended`)),
    () =>
      dateBetween(input.endedOn, challenge!.filedOn, pc.today())
        ? undefined
        : invalid('endedOn must be a date between the filing and today'),
    () => pastDayNeedsReceipt(pc, input.endedOn, input.receiptAttachmentIds),
    () =>
      input.result === 'CHANGED'
        ? input.newFineYuan !== undefined && input.newFineYuan <= pc.p.decision!.fineYuan
          ? undefined
          : invalid(
              "a CHANGED result needs newFineYuan, not above the decided fine (行政复议法 Art.63: no change to the party's detriment)",
            )
        : input.newFineYuan === undefined
          ? undefined
          : invalid('newFineYuan is only for a CHANGED result'),
  );
}

export async function challengeEnded(pc: PenaltyCase, input: ChallengeEndedInput): Promise<PenaltyEventResult> {
  const challenge = pc.p.challenges.find((candidate) => candidate.seq === input.seq)!;
  challenge.endedOn = input.endedOn;
  challenge.result = input.result;
  const decision = pc.p.decision!;
  await pc.event(
    'CHALLENGE_ENDED',
    input.actor,
    {
      seq: input.seq,
      endedOn: input.endedOn,
      result: input.result,
      newFineYuan: input.newFineYuan ?? null,
      receiptAttachmentIds: input.receiptAttachmentIds ?? [],
    },
    input.requestId,
  );
  if (input.result === 'REVOKED') {
    decision.revoked = true;
    pc.revoked = true;
    pc.side.spawn(
      `withdrawal-after-challenge-${input.seq}`,
      withdraw(pc, `决定已被撤销（${challenge.body}）`, input.endedOn),
    );
  } else if (input.result === 'CHANGED') {
    decision.fineYuan = input.newFineYuan!;
    if (pc.p.payment) updateSettlement(pc);
    pc.side.spawn(
      `republication-after-challenge-${input.seq}`,
      withdraw(pc, `决定已被变更（${challenge.body}）`, input.endedOn).then((withdrawn) =>
        withdrawn ? publish(pc, input.endedOn) : undefined,
      ),
    );
  }
  return { ok: true, status: pc.p.stage, detail: { seq: input.seq, result: input.result } };
}

/** A 复议/诉讼 filing or end entered after its day carries the paper that shows the day (受理通知, 决定书, 判决书). */
function pastDayNeedsReceipt(pc: PenaltyCase, day: string, receipts: string[] | undefined): Problem | undefined {
  const found = receivedOnProblem({
    receivedOn: day,
    today: pc.today(),
    periodOpenedOn: day,
    hasReceipt: (receipts ?? []).length > 0,
  });
  return found ? invalid(`${found.path} ${found.message}`, { fields: [found] }) : undefined;
}
