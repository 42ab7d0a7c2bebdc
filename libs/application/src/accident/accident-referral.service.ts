import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, CaseRepository, UnitOfWork } from '@safety/persistence';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import type { AccidentActivities, ReferralAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';
import { referralAttachmentListing, ReferralOpeningService } from './referral-opening.service';

/** Referrals the accident workflow opens for the public officials named in an approved report (idempotent). */
@Injectable()
export class AccidentReferralService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
    private readonly opening: ReferralOpeningService,
  ) {}

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
        return this.opening.answerOf(existing, row?.createdAt ?? existing.sentAt);
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
      const answer = await this.opening.open(
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
            attachments: attachments.map(referralAttachmentListing),
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
}
