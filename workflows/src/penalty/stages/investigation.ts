import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { EvidencePreservationInput, PenaltyEventResult } from '@safety/temporal/contracts/penalty-case.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import type { Submission } from '@safety/temporal/steps/step-definition';
import { firstProblem, forbidden, outOfOrder, Problem, ruleBroken, separationOfDuties } from '../../kernel/problems';
import type { PenaltyCase } from '../case';

type InvestigationSubmission = Submission<typeof PenaltySteps.INVESTIGATION> & { actor: TaskActor };

/** 调查取证 (行政处罚法 Art.42, 55): by the case's credentialed handling officers. */
export async function investigate(pc: PenaltyCase, round: number): Promise<void> {
  const done = await pc.board.run(PenaltySteps.INVESTIGATION, {
    ...pc.where,
    step: `investigation-${round}`,
    title: round === 1 ? '调查取证' : `补充调查（第${round}轮）`,
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage(
      'INVESTIGATING',
      null,
      round === 1 ? 'INVESTIGATION_STARTED' : 'INVESTIGATION_REOPENED',
      {
        round,
      },
    ),
    eligible: (actor) =>
      firstProblem(
        () =>
          pc.isHandler(actor.userId)
            ? undefined
            : forbidden('only an officer handling this case submits its investigation'),
        () =>
          actor.credentialNo
            ? undefined
            : forbidden('investigation is done by officers holding enforcement credentials (行政处罚法 Art.42)'),
      ),
    check: (submission) => evidenceOfficersProblem(pc, submission),
  });
  const evidence = done.payload.evidence;
  pc.p.investigation = {
    findings: done.payload.findings,
    evidenceCount: evidence.length,
    officers: [...new Set(evidence.flatMap((item) => item.officers.map((officer) => officer.officerId)))],
    submittedBy: done.actor.userId,
  };
}

/** Every piece of evidence names handling officers with their own enforcement credentials (Art.42, 55). */
function evidenceOfficersProblem(pc: PenaltyCase, { payload }: InvestigationSubmission): Problem | undefined {
  const handlers = new Map(pc.context.handlers.map((handler) => [handler.userId, handler]));
  for (const [index, item] of payload.evidence.entries()) {
    for (const officer of item.officers) {
      const handler = handlers.get(officer.officerId);
      if (!handler) return ruleBroken(`evidence[${index}]: officer ${officer.officerId} is not a handler of this case`);
      if (!handler.credentialNo) {
        return ruleBroken(
          `evidence[${index}]: officer ${officer.officerId} holds no enforcement credential (行政处罚法 Art.42)`,
        );
      }
      if (handler.credentialNo !== officer.credentialNo.trim()) {
        return ruleBroken(
          `evidence[${index}]: credential number ${officer.credentialNo} does not match officer ${officer.officerId}'s enforcement credential`,
        );
      }
    }
  }
  return undefined;
}

// ---- 先行登记保存 (Art.56): requested during the investigation, approved by the head, decided within 7 working days ----

export function preservationRequestProblem(pc: PenaltyCase, request: EvidencePreservationInput): Problem | undefined {
  return firstProblem(
    () =>
      pc.p.stage === 'INVESTIGATING' ? undefined : outOfOrder('先行登记保存 is requested during the investigation'),
    () =>
      pc.isHandler(request.actor.userId) && request.actor.credentialNo
        ? undefined
        : forbidden('a credentialed officer handling the case requests preservation'),
  );
}

export async function requestPreservation(
  pc: PenaltyCase,
  request: EvidencePreservationInput,
): Promise<PenaltyEventResult> {
  const seq = pc.p.preservations.length + 1;
  pc.p.preservations.push({ seq, requestedBy: request.actor.userId, items: request.items, status: 'REQUESTED' });
  await pc.event(
    'EVIDENCE_PRESERVATION_REQUESTED',
    request.actor,
    { seq, items: request.items, reason: request.reason, location: request.location },
    request.requestId,
  );
  pc.side.spawn(`preservation-${seq}`, preservation(pc, seq));
  return { ok: true, status: pc.p.stage, detail: { seq } };
}

async function preservation(pc: PenaltyCase, seq: number): Promise<void> {
  const record = pc.p.preservations[seq - 1];
  const approval = await pc.board.run(PenaltySteps.EVIDENCE_PRESERVATION_APPROVAL, {
    ...pc.where,
    step: `preservation-${seq}-approval`,
    title: `先行登记保存审批（第${seq}次）`,
    deadline: null,
    context: { items: record.items },
    eligible: (actor) =>
      pc.isHandler(actor.userId)
        ? separationOfDuties('a head handling the case may not approve its evidence preservation')
        : undefined,
  });
  if (approval.outcome === 'REJECT') {
    record.status = 'REJECTED';
    return;
  }
  record.status = 'APPROVED';
  const disposal = await pc.board.run(PenaltySteps.EVIDENCE_PRESERVATION_DISPOSAL, {
    ...pc.where,
    step: `preservation-${seq}-disposal`,
    title: `先行登记保存物品处理决定（第${seq}次）`,
    // Art.56: decide within 7 days (working days, Art.85) of the preservation.
    deadline: { startDate: toLocalDate(new Date(approval.completedAt)), unit: 'working_days', amount: 7 },
  });
  record.status = 'DISPOSED';
  record.disposal = disposal.outcome;
}
