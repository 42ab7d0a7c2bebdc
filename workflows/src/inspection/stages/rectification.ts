import { sleep } from '@temporalio/workflow';
import { dangerousOperationGrounds } from '@safety/domain/inspection/dangerous-operation';
import { assertConfirmations, assertReinspection, hasMajorHazard } from '@safety/domain/inspection/record';
import { InspectionSteps } from '@safety/temporal/steps/inspection.steps';
import { domainRule, firstProblem } from '../../kernel/problems';
import type { InspectionCase } from '../case';
import { criminalReview } from './criminal-review';
import { supervisedListing } from './listing';
import { openPenaltyCase } from './penalty-case';
import type { RecordCompletion } from './record';
import { seizure } from './seizure';

/**
 * 责令限期整改 (安全生产法 Art.65): the numbered order, the measures beside it (查封/扣押, 挂牌督办),
 * a durable timer until the deadline day has passed, then the 复查: rectified closes the matter;
 * not rectified opens a penalty case by itself.
 */
export async function rectification(ic: InspectionCase, recorded: RecordCompletion | { by: string }): Promise<void> {
  const { record } = ic;
  const by = 'by' in recorded ? recorded.by : recorded.actor.userId;
  const deadline = record.rectificationDeadline!;
  // 责令限期整改指令书, numbered and stored by DocumentService (idempotent per case).
  const order = await ic.acts.inspectionIssueRectificationOrder({
    caseId: ic.input.caseId,
    issuedBy: by,
    findings: record.findings.map((finding) => finding.description),
    legalBasis: [...new Set(record.findings.map((finding) => finding.legalBasis))].join('、'),
    deadline,
    note: record.measures.suspension
      ? '重大事故隐患排除前，责令从危险区域撤出作业人员并暂时停产停业（《安全生产法》第六十五条）。'
      : null,
  });
  await ic.status.moveTo('RECTIFICATION_ORDERED', by, 'RECTIFICATION_ORDERED', {
    rectificationDeadline: deadline,
    suspension: record.measures.suspension,
    seizure: record.measures.seizure,
    supervisedListing: record.supervisedListing,
    legalBasis: record.findings.map((finding) => finding.legalBasis),
    orderDocumentId: order.documentId,
    orderNumber: order.number,
  });
  const seized = record.measures.seizure;
  if (seized) ic.kernel.branches.spawn('seizure', seizure(ic, seized.items, seized.days, by));
  if (record.supervisedListing) ic.kernel.branches.spawn('supervised-listing', supervisedListing(ic, by));

  // The party has the whole deadline day: the 复查 opens once it has passed.
  await sleep(Math.max(1, ic.dayEnd(deadline) - Date.now()));
  const done = await ic.board.run(InspectionSteps.REINSPECTION, {
    ...ic.where,
    step: 'reinspection',
    ...(ic.teamAssignee ? { assigneeId: ic.teamAssignee } : {}),
    title: `复查（整改期限 ${deadline}）`,
    // UNVERIFIED policy value: 复查 within N working days after the deadline (default 10).
    deadline: { startDate: deadline, unit: 'working_days', amount: ic.policy.reinspectionWorkingDays },
    enterStatus: ic.status.enter('AWAITING_REINSPECTION', null, 'RECTIFICATION_DEADLINE_REACHED', {
      rectificationDeadline: deadline,
    }),
    eligible: (actor) => ic.teamOnly(actor),
    check: ({ outcome, payload, actor }) =>
      firstProblem(
        () => domainRule(() => assertConfirmations(payload.confirmations, ic.input.inspectors, actor.userId)),
        () =>
          domainRule(() =>
            assertReinspection(outcome === 'NOT_RECTIFIED' && payload.refusedStopOrder === true, {
              suspensionOrdered: record.measures.suspension,
            }),
          ),
      ),
  });

  const refusedStopOrder = done.outcome === 'NOT_RECTIFIED' && done.payload.refusedStopOrder === true;
  const confirmations = done.payload.confirmations.map((signed) => ({
    officerId: signed.officerId,
    credentialNo: signed.credentialNo.trim(),
  }));
  const findings = (done.payload.findings ?? []).map((finding) => ({
    ...finding,
    evidenceAttachmentIds: finding.evidenceAttachmentIds ?? [],
    violationCodes: finding.violationCodes ?? [],
  }));
  const opinion = done.payload.opinion;
  await ic.event(
    'reinspection',
    'REINSPECTION_RECORDED',
    done.actor.userId,
    {
      reinspection: { outcome: done.outcome, at: done.completedAt, confirmations, opinion, refusedStopOrder, findings },
    },
    { outcome: done.outcome, confirmedBy: confirmations.map((signed) => signed.officerId) },
  );
  // 刑法 Art.134之一(二): work going on under a 重大事故隐患 stop order is itself a ground.
  const grounds = dangerousOperationGrounds(findings, {
    refusedStopOrderUnderMajorHazard: refusedStopOrder && hasMajorHazard(record.findings),
  });
  if (grounds.length) ic.kernel.branches.spawn(`criminal-review-${ic.reviewSeq + 1}`, criminalReview(ic, grounds));

  if (done.outcome === 'RECTIFIED') {
    ic.state.result = 'RECTIFIED';
    await ic.status.moveTo('RECTIFIED', done.actor.userId, 'HAZARD_RECTIFIED', { opinion });
    return;
  }
  await openPenaltyCase(
    ic,
    done.actor,
    `逾期未整改：${record.findings.map((finding) => finding.description).join('；')}`,
    { orderDate: ic.recordedOn, deadline },
  );
  ic.state.result = 'NOT_RECTIFIED_PENALTY';
  await ic.status.moveTo('ESCALATED_TO_PENALTY', done.actor.userId, 'PENALTY_CASE_OPENED_AUTOMATICALLY', {
    penaltyCaseId: ic.state.penalty!.caseId,
    continuingDailyFineFrom: ic.state.penalty!.continuingDailyFineFrom,
    opinion,
  });
}
