import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import {
  AccidentRepository,
  AttachmentEntity,
  CaseRepository,
  DisciplineReferralEntity,
  UnitOfWork,
  KeysetPage,
  PageRequest,
  Transaction,
} from '@safety/persistence';
import { AuditService } from '../audit.service';

/**
 * 线索移交 to the discipline inspection / supervision body, once sent. A referral is visible ONLY to the heads
 * of the sending department and the DISCIPLINE_BODY users of the receiving body: everyone else gets
 * 403 (supervisors above either side included), it appears on no public endpoint, and every read is
 * audited on the referral's own case record. The receiving body acknowledges it and reports the result.
 */
@Injectable()
export class SentReferralService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
  ) {}

  private side(actor: Actor, referral: DisciplineReferralEntity): 'SENDER' | 'RECEIVER' | null {
    if (actor.departmentId === referral.receivingDepartmentId && actor.roles.includes(Role.DISCIPLINE_BODY))
      return 'RECEIVER';
    if (actor.departmentId === referral.senderDepartmentId && actor.roles.includes(Role.AGENCY_HEAD)) return 'SENDER';
    return null;
  }

  /** Loads a referral for the actor, or 404/403; successful reads are audited. */
  async get(
    actor: Actor,
    id: string,
    requestId?: string,
    purpose = 'READ',
  ): Promise<{ referral: DisciplineReferralEntity; side: 'SENDER' | 'RECEIVER' }> {
    const referral = await this.repo.findReferral(id);
    if (!referral) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${id} not found`);
    const side = this.side(actor, referral);
    if (!side)
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'a discipline referral is visible only to the sending department and the receiving discipline body',
        { referralId: id },
      );
    await this.audit.record({
      caseId: referral.referralCaseId,
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'DISCIPLINE_REFERRAL_READ',
      requestId,
      summary: { referralId: referral.id, side, purpose },
    });
    return { referral, side };
  }

  /** Referrals the actor's department sent (heads) or received (discipline bodies), newest first; the read is audited. */
  async list(
    actor: Actor,
    query: PageRequest & { status?: string },
    requestId?: string,
  ): Promise<KeysetPage<DisciplineReferralEntity>> {
    const sentBy = actor.roles.includes(Role.AGENCY_HEAD) ? actor.departmentId : undefined;
    const receivedBy = actor.roles.includes(Role.DISCIPLINE_BODY) ? actor.departmentId : undefined;
    if (!sentBy && !receivedBy)
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'discipline referrals are for agency heads (sent) and discipline bodies (received)',
      );
    const page = await this.repo.referralsPage({
      sentBy,
      receivedBy,
      status: query.status,
      limit: query.limit,
      cursor: query.cursor,
    });
    if (page.items.length) {
      await this.audit.record({
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'DISCIPLINE_REFERRALS_LISTED',
        requestId,
        summary: { referralIds: page.items.map((referral) => referral.id) },
      });
    }
    return page;
  }

  /** Evidence files listed in the bundle, readable by both sides through the referral (not through the accident case). */
  async attachment(actor: Actor, id: string, attachmentId: string, requestId?: string): Promise<AttachmentEntity> {
    const { referral } = await this.get(actor, id, requestId, `ATTACHMENT:${attachmentId}`);
    const listed = ((referral.evidence.attachments as Array<{ id: string }> | undefined) ?? []).some(
      (listedAttachment) => listedAttachment.id === attachmentId,
    );
    if (!listed) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${attachmentId} is not part of this referral`);
    const attachment = await this.cases.attachmentContent(referral.sourceCaseId, attachmentId);
    if (!attachment) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${attachmentId} not found`);
    return attachment;
  }

  /** A referral proposed from a case reports its progress on that case's record too (status only, not the content). */
  private async noteOnSourceCase(
    referral: DisciplineReferralEntity,
    action: string,
    actorId: string,
    after: string,
    tx: Transaction,
  ): Promise<void> {
    const proposal = await this.repo.findProposalByReferral(referral.id, tx);
    if (!proposal) return;
    await this.audit.record(
      {
        caseId: proposal.sourceCaseId,
        actorId,
        action,
        summary: { proposalId: proposal.id, referralId: referral.id, before: referral.status, after },
      },
      tx,
    );
  }

  async recordAck(input: { referralId: string; actorId: string; at: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const referral = await this.repo.findReferral(input.referralId, tx);
      if (!referral) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${input.referralId} not found`);
      if (referral.status !== 'SENT') return;
      await this.repo.updateReferral(
        referral.id,
        { status: 'ACKNOWLEDGED', acknowledgedAt: new Date(input.at), acknowledgedBy: input.actorId },
        tx,
      );
      await this.cases.updateStatus(
        referral.referralCaseId,
        'ACKNOWLEDGED',
        { lastAction: 'DISCIPLINE_REFERRAL_ACKNOWLEDGED' },
        tx,
      );
      await this.audit.record(
        {
          caseId: referral.referralCaseId,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_ACKNOWLEDGED',
          summary: { referralId: referral.id, before: 'SENT', after: 'ACKNOWLEDGED' },
        },
        tx,
      );
      await this.noteOnSourceCase(referral, 'DISCIPLINE_REFERRAL_ACKNOWLEDGED', input.actorId, 'ACKNOWLEDGED', tx);
    });
  }

  async recordResult(input: {
    referralId: string;
    outcome: string;
    summary: string;
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const referral = await this.repo.findReferral(input.referralId, tx);
      if (!referral) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${input.referralId} not found`);
      if (referral.status === 'ANSWERED') return;
      await this.repo.updateReferral(
        referral.id,
        {
          status: 'ANSWERED',
          resultOutcome: input.outcome,
          resultSummary: input.summary,
          answeredAt: new Date(input.at),
          answeredBy: input.actorId,
        },
        tx,
      );
      await this.cases.updateStatus(
        referral.referralCaseId,
        'ANSWERED',
        { lastAction: 'DISCIPLINE_REFERRAL_ANSWERED' },
        tx,
      );
      await this.audit.record(
        {
          caseId: referral.referralCaseId,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_ANSWERED',
          summary: { referralId: referral.id, before: referral.status, after: 'ANSWERED', outcome: input.outcome },
        },
        tx,
      );
      await this.noteOnSourceCase(referral, 'DISCIPLINE_REFERRAL_ANSWERED', input.actorId, 'ANSWERED', tx);
    });
  }
}
