import { Injectable } from '@nestjs/common';
import {
  AttachmentEntity,
  CaseRepository,
  AccidentRepository,
  DisciplineReferralEntity,
  Transaction,
} from '@safety/persistence';
import type { ReferralAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';

/** An evidence file as the referral's bundle lists it (the content stays on the source case). */
export const referralAttachmentListing = (attachment: AttachmentEntity) => ({
  id: attachment.id,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  sizeBytes: attachment.sizeBytes,
  sha256: attachment.sha256,
  createdAt: attachment.createdAt.toISOString(),
});

/** What opening a referral needs, whichever path (an accident report or a proposal from a case) it came from. */
export interface ReferralOpening {
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
}

/**
 * Opens a 线索移交 to the discipline inspection / supervision body, shared by the accident path and
 * the case-proposal path: the referral's own case row and the referral with its evidence bundle.
 */
@Injectable()
export class ReferralOpeningService {
  constructor(
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
  ) {}

  /**
   * The referral's own case row in the receiving body's department (its inbox and record) and the
   * referral with its evidence bundle, written in the caller's transaction.
   */
  async open(input: ReferralOpening, tx: Transaction): Promise<ReferralAnswer> {
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

  /** The workflow's view of an opened referral, with the deadlines the policy sets for the receiving body. */
  answerOf(referral: DisciplineReferralEntity, openedAt: Date): ReferralAnswer {
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
}
