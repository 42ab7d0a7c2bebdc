import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { mayProposeReferralFrom, REFERRAL_SOURCE_CASE_TYPES } from '@safety/domain/accident/referral-sources';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentRepository,
  CaseEntity,
  CaseRepository,
  DisciplineReferralEntity,
  DisciplineReferralProposalEntity,
  UnitOfWork,
  KeysetPage,
  PageRequest,
} from '@safety/persistence';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import { caseReferralProposalWorkflowId } from '@safety/temporal/contracts/discipline-referral.contract';
import type { AccidentActivities, ReferralAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';
import { referralAttachmentListing, ReferralOpeningService } from './referral-opening.service';

/** What an officer proposes: the official, the suspected misconduct, the evidence chosen from the case. */
export interface ReferralLead {
  official: { name: string; post: string; organisation: string };
  misconduct: string;
  attachmentIds: string[];
}

/**
 * Referrals proposed from any case: the officer's proposal, the head's approval (which opens the
 * referral) or refusal, and the case's own list of them. Only the case's own department sees these.
 */
@Injectable()
export class ReferralProposalService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
    private readonly opening: ReferralOpeningService,
  ) {}

  /**
   * An officer of the case's department proposes a lead about a public official found in the case
   * (国务院令第310号 Art.18–19, 监察法 Art.37): the official, the suspected misconduct and evidence chosen
   * from the case's own attachments. The proposal and its approval workflow start together (`start`
   * runs inside the transaction, so both exist or neither does). A case the actor cannot see is 404.
   */
  async propose(
    actor: Actor,
    caseId: string,
    lead: ReferralLead,
    start: (proposal: DisciplineReferralProposalEntity) => Promise<void>,
    requestId?: string,
  ): Promise<DisciplineReferralProposalEntity> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only enforcement officers and agency heads propose referrals');
    const c = await this.senderCase(actor, caseId);
    if (!mayProposeReferralFrom(c.caseType))
      throw new DomainError(ErrorCode.RULE_VIOLATION, `a referral cannot be proposed from a ${c.caseType} case`, {
        caseType: c.caseType,
        allowed: REFERRAL_SOURCE_CASE_TYPES,
      });
    const attachmentIds = [...new Set(lead.attachmentIds)];
    const own = new Set(await this.cases.attachmentIdsOfCase(caseId, attachmentIds));
    const strangers = attachmentIds.filter((id) => !own.has(id));
    if (strangers.length)
      throw new DomainError(ErrorCode.RULE_VIOLATION, "the evidence must be chosen from this case's own attachments", {
        attachmentIds: strangers,
      });
    const receiving = await this.accidents.disciplineBodyFor(c.departmentId);
    if (!receiving)
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        'no discipline inspection/supervision body is configured for this jurisdiction to receive leads about officials',
      );
    return this.uow.transaction(async (tx) => {
      const id = randomUUID();
      const saved = await this.repo.insertProposal(
        {
          id,
          sourceCaseId: c.id,
          senderDepartmentId: c.departmentId,
          receivingDepartmentId: receiving,
          workflowId: caseReferralProposalWorkflowId(id),
          subjectName: lead.official.name,
          subjectPosition: lead.official.post,
          subjectOrganisation: lead.official.organisation,
          allegation: lead.misconduct,
          attachmentIds,
          status: 'PROPOSED',
          proposedBy: actor.userId,
        },
        tx,
      );
      // The case's record notes the proposal without the lead's content (the case is read more widely).
      await this.audit.record(
        {
          caseId: c.id,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'DISCIPLINE_REFERRAL_PROPOSED',
          requestId,
          summary: { proposalId: saved.id, attachments: attachmentIds.length, after: 'PROPOSED' },
        },
        tx,
      );
      await start(saved);
      return saved;
    });
  }

  /** Referrals proposed from the case with their progress, newest first: for its own department only; audited. */
  async listForCase(
    actor: Actor,
    caseId: string,
    page: PageRequest,
    requestId?: string,
  ): Promise<KeysetPage<{ proposal: DisciplineReferralProposalEntity; referral: DisciplineReferralEntity | null }>> {
    const c = await this.senderCase(actor, caseId);
    const proposals = await this.repo.proposalsPage(c.id, page);
    const referrals = await this.repo.findReferralsByIds(
      proposals.items.map((proposal) => proposal.referralId).filter((id): id is string => id !== null),
    );
    const byId = new Map(referrals.map((referral) => [referral.id, referral]));
    if (proposals.items.length) {
      await this.audit.record({
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'DISCIPLINE_REFERRALS_LISTED',
        requestId,
        summary: { proposalIds: proposals.items.map((proposal) => proposal.id) },
      });
    }
    return {
      ...proposals,
      items: proposals.items.map((proposal) => ({
        proposal,
        referral: proposal.referralId ? (byId.get(proposal.referralId) ?? null) : null,
      })),
    };
  }

  /**
   * The case, for a user of its own department (the sender side of a referral, whose head decides on
   * it). Anyone else — another department, a supervisor above, the discipline body — learns nothing
   * from these endpoints, not even that the case exists.
   */
  private async senderCase(actor: Actor, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.findById(caseId);
    if (!c || c.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.NOT_FOUND, `case ${caseId} not found`);
    return c;
  }

  /** The head approved: the proposal is decided and the referral opened in one transaction (idempotent by link key). */
  async approveProposal(input: Parameters<AccidentActivities['referralProposalApprove']>[0]): Promise<ReferralAnswer> {
    return this.uow.transaction(async (tx) => {
      const opened = await this.cases.findByLinkKey(input.linkKey, tx);
      const existing = opened ? await this.repo.findReferralByWorkflow(opened.workflowId, tx) : null;
      if (opened && existing) return this.opening.answerOf(existing, opened.createdAt);
      const proposal = await this.repo.lockProposal(input.proposalId, tx);
      if (!proposal) throw new DomainError(ErrorCode.NOT_FOUND, `referral proposal ${input.proposalId} not found`);
      const c = await this.cases.findById(proposal.sourceCaseId, tx);
      if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${proposal.sourceCaseId} not found`);
      const chosen = new Set(proposal.attachmentIds);
      const attachments = (await this.cases.listAttachments(c.id)).filter((attachment) => chosen.has(attachment.id));
      const workflowId = await this.cases.nextLinkedWorkflowId(c.id, LINKED_WORKFLOW_PREFIX.DISCIPLINE_REFERRAL, tx);
      const answer = await this.opening.open(
        {
          sourceCaseId: c.id,
          sourcePartyId: null,
          senderDepartmentId: proposal.senderDepartmentId,
          receivingDepartmentId: proposal.receivingDepartmentId,
          workflowId,
          linkKey: input.linkKey,
          actorId: input.actorId,
          sentAt: new Date(input.at),
          subject: {
            name: proposal.subjectName,
            position: proposal.subjectPosition,
            organisation: proposal.subjectOrganisation,
          },
          allegation: proposal.allegation,
          evidence: {
            case: { caseId: c.id, caseType: c.caseType, referenceNo: c.referenceNo, title: c.title },
            proposal: {
              id: proposal.id,
              proposedBy: proposal.proposedBy,
              proposedAt: proposal.proposedAt.toISOString(),
              approvedBy: input.actorId,
              approvedAt: input.at,
              comment: input.comment,
            },
            attachments: attachments.map(referralAttachmentListing),
          },
        },
        tx,
      );
      await this.repo.updateProposal(
        proposal.id,
        {
          status: 'APPROVED',
          decidedBy: input.actorId,
          decidedAt: new Date(input.at),
          decisionComment: input.comment,
          referralId: answer.referralId,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: c.id,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_APPROVED',
          summary: { proposalId: proposal.id, referralId: answer.referralId, before: 'PROPOSED', after: 'APPROVED' },
        },
        tx,
      );
      return answer;
    });
  }

  /** The head refused the proposal (idempotent: a decided proposal stays as it is). */
  async rejectProposal(input: Parameters<AccidentActivities['referralProposalReject']>[0]): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const proposal = await this.repo.lockProposal(input.proposalId, tx);
      if (!proposal) throw new DomainError(ErrorCode.NOT_FOUND, `referral proposal ${input.proposalId} not found`);
      if (proposal.status !== 'PROPOSED') return;
      await this.repo.updateProposal(
        proposal.id,
        { status: 'REJECTED', decidedBy: input.actorId, decidedAt: new Date(input.at), decisionComment: input.reason },
        tx,
      );
      await this.audit.record(
        {
          caseId: proposal.sourceCaseId,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_REJECTED',
          summary: { proposalId: proposal.id, before: 'PROPOSED', after: 'REJECTED' },
        },
        tx,
      );
    });
  }
}
