import { Injectable } from '@nestjs/common';
import { AccidentService, ReferralLead, ReferralProposalService, SentReferralService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import type { PageRequest } from '@safety/persistence';
import { DisciplineReferralTaskType } from '@safety/temporal';
import type { CaseReferralProposalInput } from '@safety/temporal/contracts/discipline-referral.contract';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { TaskGateway } from '../tasks/task.gateway';
import { caseReferralView, referralView } from './accident.views';

/**
 * 线索移交 as the API shows and completes it: reads for the two sides only (audited by the service),
 * and the receiving body's two steps on the referral's own case.
 */
@Injectable()
export class DisciplineReferralGateway {
  constructor(
    private readonly proposals: ReferralProposalService,
    private readonly referrals: SentReferralService,
    private readonly accidents: AccidentService,
    private readonly tasks: TaskGateway,
    private readonly answers: WorkflowAnswers,
  ) {}

  /**
   * A referral proposed from a case: the proposal and its approval workflow start together, and the
   * answer comes once the head's approval step is open.
   */
  async propose(actor: Actor, caseId: string, lead: ReferralLead, requestId?: string) {
    const proposal = await this.proposals.propose(
      actor,
      caseId,
      lead,
      (saved) =>
        this.answers.start('caseReferralProposalWorkflow', saved.workflowId, {
          proposalId: saved.id,
          sourceCaseId: saved.sourceCaseId,
          senderDepartmentId: saved.senderDepartmentId,
          proposedBy: saved.proposedBy,
          proposedAt: saved.proposedAt.toISOString(),
          approvalWorkingDays: this.accidents.policy.referralApprovalWorkingDays,
        } satisfies CaseReferralProposalInput),
      requestId,
    );
    await this.answers.settle(proposal.workflowId);
    return caseReferralView({ proposal, referral: null });
  }

  async listForCase(actor: Actor, caseId: string, page: PageRequest, requestId?: string) {
    const found = await this.proposals.listForCase(actor, caseId, page, requestId);
    return { ...found, items: found.items.map(caseReferralView) };
  }

  async list(actor: Actor, query: PageRequest & { status?: string }, requestId?: string) {
    const page = await this.referrals.list(actor, query, requestId);
    return { ...page, items: page.items.map(referralView) };
  }

  async detail(actor: Actor, id: string, requestId?: string) {
    const { referral, side } = await this.referrals.get(actor, id, requestId);
    return { ...referralView(referral), evidence: referral.evidence, side };
  }

  attachment(actor: Actor, id: string, attachmentId: string, requestId?: string) {
    return this.referrals.attachment(actor, id, attachmentId, requestId);
  }

  async acknowledge(actor: Actor, id: string, requestId?: string) {
    const task = await this.receiverStep(actor, id, DisciplineReferralTaskType.ACKNOWLEDGE, requestId);
    return this.tasks.completeTask(actor, task, { outcome: 'ACKNOWLEDGE', payload: {}, requestId });
  }

  async reportResult(actor: Actor, id: string, body: { outcome: string; summary: string }, requestId?: string) {
    const task = await this.receiverStep(actor, id, DisciplineReferralTaskType.RESULT, requestId);
    return this.tasks.completeTask(actor, task, {
      outcome: body.outcome,
      payload: { summary: body.summary },
      requestId,
    });
  }

  /** The open step of the referral's case, for the receiving body only. */
  private async receiverStep(actor: Actor, id: string, type: string, requestId?: string) {
    const purpose = type === DisciplineReferralTaskType.ACKNOWLEDGE ? 'ACKNOWLEDGE' : 'RESULT';
    const { referral, side } = await this.referrals.get(actor, id, requestId, purpose);
    if (side !== 'RECEIVER')
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        purpose === 'ACKNOWLEDGE'
          ? 'only the receiving body acknowledges'
          : 'only the receiving body reports the result',
      );
    return this.accidents.openTask(referral.referralCaseId, type);
  }
}
