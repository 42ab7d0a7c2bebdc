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
} from '@safety/persistence';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import type { AccidentActivities, ReferralAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';

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
    const policy = this.accidents.policy;
    return this.uow.transaction(async (tx) => {
      // Idempotent: a retried activity finds the referral it opened (by link key, or by the workflow id older histories chose).
      const linkedRow = input.linkKey ? await this.cases.findByLinkKey(input.linkKey, tx) : null;
      const existing = await this.repo.findReferralByWorkflow(linkedRow?.workflowId ?? input.workflowId ?? '', tx);
      if (existing) {
        const row = linkedRow ?? (await this.cases.findById(existing.referralCaseId, tx));
        return {
          referralId: existing.id,
          referralCaseId: existing.referralCaseId,
          workflowId: existing.workflowId,
          openedAt: (row?.createdAt ?? existing.sentAt).toISOString(),
          senderDepartmentId: existing.senderDepartmentId,
          receivingDepartmentId: existing.receivingDepartmentId,
          ackWorkingDays: policy.referralAckWorkingDays,
          resultDays: policy.referralResultDays,
        };
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
      const referralCase = await this.cases.insert(
        {
          caseType: 'DISCIPLINE_REFERRAL',
          title: '纪检监察线索移交',
          status: 'SENT',
          departmentId: receiving,
          enterpriseId: null,
          workflowId,
          createdBy: input.actorId,
          handlerIds: [],
          linkKey: input.linkKey ?? null,
          data: { referral: true, sourceCaseId: input.caseId },
        },
        tx,
      );
      const caseId = referralCase.id;
      const saved = await this.repo.insertReferral(
        {
          sourceCaseId: input.caseId,
          sourcePartyId: party.id,
          referralCaseId: caseId,
          workflowId,
          senderDepartmentId: c.departmentId,
          receivingDepartmentId: receiving,
          subjectName: party.name,
          subjectPosition: party.position,
          subjectOrganisation: party.organisation,
          allegation: party.responsibility,
          status: 'SENT',
          sentAt: new Date(input.sentAt),
          createdBy: input.actorId,
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
            attachments: attachments.map((a) => ({
              id: a.id,
              fileName: a.fileName,
              contentType: a.contentType,
              sizeBytes: a.sizeBytes,
              sha256: a.sha256,
              createdAt: a.createdAt.toISOString(),
            })),
          },
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
            senderDepartmentId: c.departmentId,
            receivingDepartmentId: receiving,
            attachments: attachments.length,
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
      return {
        referralId: saved.id,
        referralCaseId: caseId,
        workflowId,
        openedAt: referralCase.createdAt.toISOString(),
        senderDepartmentId: c.departmentId,
        receivingDepartmentId: receiving,
        ackWorkingDays: policy.referralAckWorkingDays,
        resultDays: policy.referralResultDays,
      };
    });
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
    });
  }
}
