import { setHandler } from '@temporalio/workflow';
import {
  CriminalTransferInput,
  CriminalTransferState,
  getCriminalTransferStateQuery,
} from '@safety/temporal/contracts/criminal-transfer.contract';
import { TransferCase } from './case';
import { handOver, headDecision } from './stages/handover';
import {
  policeFiling,
  procuratorateSupervision,
  reconsiderationAnswer,
  reconsiderationDecision,
} from './stages/police';

/**
 * 行刑衔接 (国务院令第310号, 行政执法机关移送涉嫌犯罪案件的规定): the team's proposal → the head's
 * decision (Art.5, 3 days) → hand-over to the police within 24 hours of approval (Art.5) → the
 * police's filing decision (Art.8, 3 days) → if declined, the agency's reconsideration request
 * (Art.9, 3 days) and the police's answer (3 days) → if still declined, a suggestion to the
 * procuratorate for 立案监督 (Art.9). Which kind of days: CriminalTransferPolicy (calendar days by
 * default). Started over HTTP or as a linked case of an inspection, penalty or accident case.
 */
export async function criminalTransferWorkflow(input: CriminalTransferInput): Promise<CriminalTransferState> {
  const tc = new TransferCase(input);
  setHandler(getCriminalTransferStateQuery, () => tc.state);
  await transfer(tc);
  await tc.kernel.finish();
  return tc.state;
}

async function transfer(tc: TransferCase): Promise<void> {
  const decision = await headDecision(tc);
  if (decision.outcome === 'REJECT') {
    await tc.status.moveTo('NOT_TRANSFERRED', decision.actor.userId, 'CRIMINAL_TRANSFER_REFUSED', {
      reason: decision.payload.reason,
    });
    return;
  }

  const handover = await handOver(tc, decision.completedAt, decision.actor.userId);
  const police = await policeFiling(
    tc,
    handover.completedAt,
    tc.status.enter('TRANSFERRED', handover.actor.userId, 'CRIMINAL_TRANSFER_HANDED_OVER', {
      policeAgency: handover.payload.policeAgency,
      receiptNo: handover.payload.receiptNo ?? null,
      late: Date.parse(handover.completedAt) > Date.parse(tc.state.handoverDueAt!),
    }),
  );
  if (police.outcome === 'FILED') {
    tc.state.answered = true;
    await tc.status.moveTo('POLICE_FILED', police.actor.userId, 'POLICE_FILED_CASE', {
      documentNo: police.payload.documentNo ?? null,
    });
    return;
  }

  const reconsideration = await reconsiderationDecision(tc, police);
  if (reconsideration.outcome === 'ACCEPT_DECISION') {
    tc.state.answered = true;
    await tc.event(
      'police-decline-accepted',
      'POLICE_DECLINE_ACCEPTED',
      reconsideration.actor.userId,
      { answered: true },
      { reason: reconsideration.payload.reason },
    );
    return;
  }

  const answer = await reconsiderationAnswer(tc, reconsideration);
  if (answer.outcome === 'FILED') {
    await tc.status.moveTo('RECONSIDERED_FILED', answer.actor.userId, 'POLICE_FILED_ON_RECONSIDERATION', {
      documentNo: answer.payload.documentNo ?? null,
    });
    return;
  }
  await procuratorateSupervision(tc, answer);
}
