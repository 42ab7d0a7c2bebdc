import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { mayProposeReferralFrom, REFERRAL_SOURCE_CASE_TYPES } from '@safety/domain/accident/referral-sources';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentRepository,
  AttachmentEntity,
  CaseEntity,
  CaseRepository,
  DisciplineReferralEntity,
  DisciplineReferralProposalEntity,
  UnitOfWork,
  KeysetPage,
  PageRequest,
  Transaction,
} from '@safety/persistence';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import { caseReferralProposalWorkflowId } from '@safety/temporal/contracts/discipline-referral.contract';
import type { AccidentActivities, ReferralAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';

/** What an officer proposes: the official, the suspected misconduct, the evidence chosen from the case. */
export interface ReferralLead {
  official: { name: string; post: string; organisation: string };
  misconduct: string;
  attachmentIds: string[];
}

const attachmentListing = (a: AttachmentEntity) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

/**
 * 线索移交 to the discipline inspection / supervision body. A referral is visible ONLY to the heads
 * of the sending department and the DISCIPLINE_BODY users of the receiving body: everyone else gets
 * 403 (supervisors above either side included), it appears on no public endpoint, and every read is
 * audited on the referral's own case record.
 */
@Injectable()
export class DisciplineReferralService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
  ) {}

  private side(actor: Actor, r: DisciplineReferralEntity): 'SENDER' | 'RECEIVER' | null {
    if (actor.departmentId === r.receivingDepartmentId && actor.roles.includes(Role.DISCIPLINE_BODY)) return 'RECEIVER';
    if (actor.departmentId === r.senderDepartmentId && actor.roles.includes(Role.AGENCY_HEAD)) return 'SENDER';
    return null;
  }

  /** Loads a referral for the actor, or 404/403; successful reads are audited. */
  async get(
    actor: Actor,
    id: string,
    requestId?: string,
    purpose = 'READ',
  ): Promise<{ referral: DisciplineReferralEntity; side: 'SENDER' | 'RECEIVER' }> {
    const r = await this.repo.findReferral(id);
    if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${id} not found`);
    const side = this.side(actor, r);
    if (!side)
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'a discipline referral is visible only to the sending department and the receiving discipline body',
        { referralId: id },
      );
    await this.audit.record({
      caseId: r.referralCaseId,
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'DISCIPLINE_REFERRAL_READ',
      requestId,
      summary: { referralId: r.id, side, purpose },
    });
    return { referral: r, side };
  }

  /** Referrals the actor's department sent (heads) or received (discipline bodies), newest first; the read is audited. */
  async list(
    actor: Actor,
    q: PageRequest & { status?: string },
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
      status: q.status,
      limit: q.limit,
      cursor: q.cursor,
    });
    if (page.items.length) {
      await this.audit.record({
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'DISCIPLINE_REFERRALS_LISTED',
        requestId,
        summary: { referralIds: page.items.map((r) => r.id) },
      });
    }
    return page;
  }

  /** Evidence files listed in the bundle, readable by both sides through the referral (not through the accident case). */
  async attachment(actor: Actor, id: string, attachmentId: string, requestId?: string): Promise<AttachmentEntity> {
    const { referral } = await this.get(actor, id, requestId, `ATTACHMENT:${attachmentId}`);
    const listed = ((referral.evidence.attachments as Array<{ id: string }> | undefined) ?? []).some(
      (a) => a.id === attachmentId,
    );
    if (!listed) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${attachmentId} is not part of this referral`);
    const a = await this.cases.attachmentContent(referral.sourceCaseId, attachmentId);
    if (!a) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${attachmentId} not found`);
    return a;
  }

  // ---- workflow side (idempotent) ----

  /**
   * Creates the referral for a public official named in an approved accident report: the referral's
   * own case row in the receiving body's department (its inbox and record), and the evidence bundle
   * (report excerpt + attachment list).
   */
  async createFromAccident(
    input: Parameters<AccidentActivities['accidentCreateReferral']>[0],
  ): Promise<ReferralAnswer> {
    const { c, accident } = await this.accidents.getCase(input.caseId);
    return this.uow.transaction(async (tx) => {
      // Idempotent: a retried activity finds the referral it opened (by link key, or by the workflow id older histories chose).
      const linkedRow = input.linkKey ? await this.cases.findByLinkKey(input.linkKey, tx) : null;
      const existing = await this.repo.findReferralByWorkflow(linkedRow?.workflowId ?? input.workflowId ?? '', tx);
      if (existing) {
        const row = linkedRow ?? (await this.cases.findById(existing.referralCaseId, tx));
        return this.answerOf(existing, row?.createdAt ?? existing.sentAt);
      }
      const party = await this.repo.findParty(input.partyId, tx);
      if (!party) throw new DomainError(ErrorCode.NOT_FOUND, `party ${input.partyId} not found`);
      const receiving = await this.accidents.disciplineBodyFor(c.departmentId, tx);
      // Retryable on purpose: an administrator can configure the body and the referral then goes out.
      if (!receiving) throw new Error(`no discipline body configured for department ${c.departmentId}`);
      const report = await this.repo.findReport(input.caseId, party.reportVersion, tx);
      const attachments = await this.cases.listAttachments(input.caseId);
      // One id scheme: the database numbers the referral's workflow per accident (older histories chose it).
      const workflowId =
        input.workflowId ??
        (await this.cases.nextLinkedWorkflowId(input.caseId, LINKED_WORKFLOW_PREFIX.DISCIPLINE_REFERRAL, tx));
      const answer = await this.openReferral(
        {
          sourceCaseId: input.caseId,
          sourcePartyId: party.id,
          senderDepartmentId: c.departmentId,
          receivingDepartmentId: receiving,
          workflowId,
          linkKey: input.linkKey ?? null,
          actorId: input.actorId,
          sentAt: new Date(input.sentAt),
          subject: { name: party.name, position: party.position, organisation: party.organisation },
          allegation: party.responsibility,
          evidence: {
            accident: {
              caseId: c.id,
              occurredAt: accident.occurredAt.toISOString(),
              place: accident.place,
              grade: accident.grade,
              deaths: accident.deaths,
              seriousInjuries: accident.seriousInjuries,
            },
            reportExcerpt: report
              ? {
                  version: report.version,
                  approvedAt: report.decidedAt?.toISOString() ?? null,
                  directCauses: report.directCauses,
                  indirectCauses: report.indirectCauses,
                  finding: {
                    name: party.name,
                    position: party.position,
                    organisation: party.organisation,
                    responsibility: party.responsibility,
                    proposedHandling: party.handlingDetail,
                  },
                }
              : null,
            attachments: attachments.map(attachmentListing),
          },
        },
        tx,
      );
      // The accident's own record notes the hand-over without the lead's content.
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'ACCOUNTABILITY_REFERRED',
          summary: { partyId: party.id, to: 'DISCIPLINE_BODY' },
        },
        tx,
      );
      return answer;
    });
  }

  /**
   * The referral's own case row in the receiving body's department (its inbox and record) and the
   * referral with its evidence bundle, written in the caller's transaction.
   */
  private async openReferral(
    input: {
      sourceCaseId: string;
      sourcePartyId: string | null;
      senderDepartmentId: string;
      receivingDepartmentId: string;
      workflowId: string;
      linkKey: string | null;
      actorId: string;
      sentAt: Date;
      subject: { name: string; position: string | null; organisation: string | null };
      allegation: string;
      evidence: Record<string, unknown> & { attachments: unknown[] };
    },
    tx: Transaction,
  ): Promise<ReferralAnswer> {
    const referralCase = await this.cases.insert(
      {
        caseType: 'DISCIPLINE_REFERRAL',
        title: '纪检监察线索移交',
        status: 'SENT',
        departmentId: input.receivingDepartmentId,
        enterpriseId: null,
        workflowId: input.workflowId,
        createdBy: input.actorId,
        handlerIds: [],
        linkKey: input.linkKey,
        data: { referral: true, sourceCaseId: input.sourceCaseId },
      },
      tx,
    );
    const caseId = referralCase.id;
    const saved = await this.repo.insertReferral(
      {
        sourceCaseId: input.sourceCaseId,
        sourcePartyId: input.sourcePartyId,
        referralCaseId: caseId,
        workflowId: input.workflowId,
        senderDepartmentId: input.senderDepartmentId,
        receivingDepartmentId: input.receivingDepartmentId,
        subjectName: input.subject.name,
        subjectPosition: input.subject.position,
        subjectOrganisation: input.subject.organisation,
        allegation: input.allegation,
        status: 'SENT',
        sentAt: input.sentAt,
        createdBy: input.actorId,
        evidence: input.evidence,
      },
      tx,
    );
    await this.audit.record(
      {
        caseId,
        actorId: input.actorId,
        action: 'DISCIPLINE_REFERRAL_SENT',
        summary: {
          referralId: saved.id,
          senderDepartmentId: input.senderDepartmentId,
          receivingDepartmentId: input.receivingDepartmentId,
          attachments: input.evidence.attachments.length,
        },
      },
      tx,
    );
    return this.answerOf(saved, referralCase.createdAt);
  }

  private answerOf(referral: DisciplineReferralEntity, openedAt: Date): ReferralAnswer {
    const policy = this.accidents.policy;
    return {
      referralId: referral.id,
      referralCaseId: referral.referralCaseId,
      workflowId: referral.workflowId,
      openedAt: openedAt.toISOString(),
      senderDepartmentId: referral.senderDepartmentId,
      receivingDepartmentId: referral.receivingDepartmentId,
      ackWorkingDays: policy.referralAckWorkingDays,
      resultDays: policy.referralResultDays,
    };
  }

  // ---- referrals proposed from any case ----

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
      proposals.items.map((p) => p.referralId).filter((id): id is string => id !== null),
    );
    const byId = new Map(referrals.map((r) => [r.id, r]));
    if (proposals.items.length) {
      await this.audit.record({
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'DISCIPLINE_REFERRALS_LISTED',
        requestId,
        summary: { proposalIds: proposals.items.map((p) => p.id) },
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
      if (opened && existing) return this.answerOf(existing, opened.createdAt);
      const proposal = await this.repo.lockProposal(input.proposalId, tx);
      if (!proposal) throw new DomainError(ErrorCode.NOT_FOUND, `referral proposal ${input.proposalId} not found`);
      const c = await this.cases.findById(proposal.sourceCaseId, tx);
      if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${proposal.sourceCaseId} not found`);
      const chosen = new Set(proposal.attachmentIds);
      const attachments = (await this.cases.listAttachments(c.id)).filter((a) => chosen.has(a.id));
      const workflowId = await this.cases.nextLinkedWorkflowId(c.id, LINKED_WORKFLOW_PREFIX.DISCIPLINE_REFERRAL, tx);
      const answer = await this.openReferral(
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
            attachments: attachments.map(attachmentListing),
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
      const r = await this.repo.findReferral(input.referralId, tx);
      if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${input.referralId} not found`);
      if (r.status !== 'SENT') return;
      await this.repo.updateReferral(
        r.id,
        { status: 'ACKNOWLEDGED', acknowledgedAt: new Date(input.at), acknowledgedBy: input.actorId },
        tx,
      );
      await this.cases.updateStatus(
        r.referralCaseId,
        'ACKNOWLEDGED',
        { lastAction: 'DISCIPLINE_REFERRAL_ACKNOWLEDGED' },
        tx,
      );
      await this.audit.record(
        {
          caseId: r.referralCaseId,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_ACKNOWLEDGED',
          summary: { referralId: r.id, before: 'SENT', after: 'ACKNOWLEDGED' },
        },
        tx,
      );
      await this.noteOnSourceCase(r, 'DISCIPLINE_REFERRAL_ACKNOWLEDGED', input.actorId, 'ACKNOWLEDGED', tx);
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
      const r = await this.repo.findReferral(input.referralId, tx);
      if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `referral ${input.referralId} not found`);
      if (r.status === 'ANSWERED') return;
      await this.repo.updateReferral(
        r.id,
        {
          status: 'ANSWERED',
          resultOutcome: input.outcome,
          resultSummary: input.summary,
          answeredAt: new Date(input.at),
          answeredBy: input.actorId,
        },
        tx,
      );
      await this.cases.updateStatus(r.referralCaseId, 'ANSWERED', { lastAction: 'DISCIPLINE_REFERRAL_ANSWERED' }, tx);
      await this.audit.record(
        {
          caseId: r.referralCaseId,
          actorId: input.actorId,
          action: 'DISCIPLINE_REFERRAL_ANSWERED',
          summary: { referralId: r.id, before: r.status, after: 'ANSWERED', outcome: input.outcome },
        },
        tx,
      );
      await this.noteOnSourceCase(r, 'DISCIPLINE_REFERRAL_ANSWERED', input.actorId, 'ANSWERED', tx);
    });
  }
}
