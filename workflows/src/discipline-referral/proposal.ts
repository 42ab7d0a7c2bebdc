import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { AccidentActivities, ReferralAnswer } from '@safety/temporal/accident.activities';
import type { LinkedCase } from '@safety/temporal/activities';
import {
  CaseReferralProposalInput,
  CaseReferralProposalState,
  DisciplineReferralInput,
  DisciplineReferralState,
} from '@safety/temporal/contracts/discipline-referral.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { DisciplineReferralSteps } from '@safety/temporal/steps/discipline-referral.steps';
import { Kernel } from '../kernel/kernel';
import { startLinkedCase } from '../kernel/linked-cases';
import { firstProblem, forbidden, separationOfDuties } from '../kernel/problems';

/**
 * 线索移交 proposed from any case (国务院令第310号 Art.18–19, 监察法 Art.37): the head of the case's
 * department approves the officer's proposal on the case itself (its task board and full-process
 * record); an approved lead goes out through the same referral workflow as an accident's — the
 * receiving body's acknowledge and result steps, their deadlines and escalation — started as a child
 * that outlives this one.
 */
export async function caseReferralProposalWorkflow(
  input: CaseReferralProposalInput,
): Promise<CaseReferralProposalState> {
  const kernel = new Kernel();
  const acts = kernel.activities<AccidentActivities>();
  const state: CaseReferralProposalState = {
    proposalId: input.proposalId,
    status: 'AWAITING_APPROVAL',
    referralId: null,
  };
  const ofSender = (actor: TaskActor) =>
    actor.departmentId === input.senderDepartmentId
      ? undefined
      : forbidden("only a head of the case's own department decides on the referral");
  const notTheProposer = (actor: TaskActor) =>
    actor.userId === input.proposedBy
      ? separationOfDuties('the proposer may not approve their own referral')
      : undefined;

  const decision = await kernel.board.run(DisciplineReferralSteps.APPROVAL, {
    caseId: input.sourceCaseId,
    departmentId: input.senderDepartmentId,
    step: 'approval',
    title: '纪检监察线索移交：负责人审批',
    deadline: {
      startDate: toLocalDate(new Date(input.proposedAt)),
      unit: 'working_days',
      amount: input.approvalWorkingDays,
    },
    context: { proposalId: input.proposalId },
    eligible: (actor) =>
      firstProblem(
        () => ofSender(actor),
        () => notTheProposer(actor),
      ),
  });

  if (decision.outcome === 'REJECT') {
    await acts.referralProposalReject({
      proposalId: input.proposalId,
      actorId: decision.actor.userId,
      at: decision.completedAt,
      reason: decision.payload.reason,
    });
    state.status = 'REJECTED';
    await kernel.finish();
    return state;
  }

  const approval = decision;
  const started = await startLinkedCase<DisciplineReferralInput, DisciplineReferralState, LinkedCase & ReferralAnswer>(
    kernel,
    {
      purpose: 'discipline-referral',
      open: async (linkKey) => {
        const referral = await acts.referralProposalApprove({
          proposalId: input.proposalId,
          actorId: approval.actor.userId,
          at: approval.completedAt,
          comment: approval.payload.comment ?? null,
          linkKey,
        });
        return { ...referral, caseId: referral.referralCaseId };
      },
    },
    'disciplineReferralWorkflow',
    (referral) => ({
      caseId: referral.referralCaseId,
      referralId: referral.referralId,
      sourceCaseId: input.sourceCaseId,
      senderDepartmentId: referral.senderDepartmentId,
      receivingDepartmentId: referral.receivingDepartmentId,
      sentAt: approval.completedAt,
      ackWorkingDays: referral.ackWorkingDays,
      resultDays: referral.resultDays,
    }),
  );
  // The referral's own workflow records its steps on the referral row, which the case reads; this one only hands it over.
  state.status = 'APPROVED';
  state.referralId = started.linked.referralId;
  await kernel.finish();
  return state;
}
