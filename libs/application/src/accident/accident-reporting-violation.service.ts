import { Injectable } from '@nestjs/common';
import { REPORTING_VIOLATION_LABELS, reportingConsequences, ReportingViolation } from '@safety/domain/accident';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import {
  AccidentReportingRepository,
  AccidentRepository,
  CaseRepository,
  OrganisationRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import type { AccidentActivities, LinkedCaseAnswer, ReferralAnswer } from '@safety/temporal/accident.activities';
import type { OpenedReportingConsequence } from '@safety/temporal/contracts/accident.contract';
import {
  reportingConsequencePurpose,
  violationPenaltyInput,
  violationReferralInput,
} from '@safety/temporal/contracts/reporting-consequence.contract';
import { AuditService } from '../audit.service';
import { LinkedCaseService } from '../linked-case.service';
import { AccidentService } from './accident.service';
import { referralAttachmentListing, ReferralOpeningService } from './referral-opening.service';

/** A consequence's own workflow, to be started by the caller. */
export interface ConsequenceStart {
  workflowType: 'penaltyCaseWorkflow' | 'disciplineReferralWorkflow';
  workflowId: string;
  input: object;
}

/**
 * The consequences of 迟报/漏报/谎报/瞒报 (条例 Art.36, see libs/domain reporting-violations.ts): the
 * penalty cases against the enterprise's principal and the enterprise, and the referrals of the
 * officials named, each linked to the accident and recorded once (idempotent by the link key).
 */
@Injectable()
export class AccidentReportingViolationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly reporting: AccidentReportingRepository,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly linkedCases: LinkedCaseService,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
    private readonly opening: ReferralOpeningService,
  ) {}

  /**
   * A flag raised once the accident's workflow has ended (it runs until the one-year evaluation is done, and
   * an ended workflow takes no message): the same consequences the workflow opens (条例 Art.36, 39), under
   * the same link keys, so a later opening finds them; answers what was opened and the workflow each needs
   * started (the caller starts them: this layer holds no Temporal client). Audited on the accident.
   */
  async openAfterWorkflowEnded(input: {
    caseId: string;
    flag: ReportingViolation;
    officials: Array<{ name: string; position?: string; organisation?: string }>;
    actorId: string;
    requestId?: string;
  }): Promise<{ opened: OpenedReportingConsequence[]; starts: ConsequenceStart[] }> {
    const { c, accident } = await this.accidents.getCase(input.caseId);
    const rules = reportingConsequences(input.flag, {
      hasEnterprise: accident.enterpriseId !== null,
      officials: input.officials.length,
    });
    const opened: OpenedReportingConsequence[] = [];
    const starts: ConsequenceStart[] = [];
    for (const rule of rules) {
      const linkKey = `${c.workflowId}:${reportingConsequencePurpose(input.flag, rule.target, rule.officialIndex)}`;
      const common = {
        caseId: input.caseId,
        flag: input.flag,
        legalBasis: rule.legalBasis,
        actorId: input.actorId,
        linkKey,
      };
      if (rule.target === 'OFFICIAL') {
        const referral = await this.openReferral({
          ...common,
          official: input.officials[rule.officialIndex!],
          sentAt: new Date().toISOString(),
        });
        starts.push({
          workflowType: 'disciplineReferralWorkflow',
          workflowId: referral.workflowId,
          input: violationReferralInput(referral, input.caseId),
        });
        opened.push({ flag: input.flag, target: 'OFFICIAL', kind: 'DISCIPLINE_REFERRAL', caseId: null });
      } else {
        const linked = await this.openPenalty({ ...common, target: rule.target });
        starts.push({
          workflowType: 'penaltyCaseWorkflow',
          workflowId: linked.workflowId,
          input: violationPenaltyInput(linked, input.actorId, input.caseId),
        });
        opened.push({ flag: input.flag, target: rule.target, kind: 'PENALTY', caseId: linked.caseId });
      }
    }
    await this.audit.record({
      caseId: input.caseId,
      actorId: input.actorId,
      action: 'ACCIDENT_REPORTING_CONSEQUENCES_OPENED',
      requestId: input.requestId,
      summary: {
        flag: input.flag,
        after: 'WORKFLOW_ENDED',
        consequences: opened.map((o) => ({ target: o.target, kind: o.kind })),
      },
    });
    return { opened, starts };
  }

  /** 条例 Art.35/36; 安全生产法 Art.110: the penalty case, in the investigating department. */
  async openPenalty(
    input: Parameters<AccidentActivities['accidentOpenViolationPenalty']>[0],
  ): Promise<LinkedCaseAnswer> {
    const { c, accident } = await this.accidents.getCase(input.caseId);
    if (!accident.enterpriseId)
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'the accident names no enterprise to hold to account');
    const enterprise = await this.org.findEnterprise(accident.enterpriseId);
    const label = REPORTING_VIOLATION_LABELS[input.flag as ReportingViolation];
    const subjectName =
      input.target === 'PRINCIPAL'
        ? (enterprise?.principalName ?? '主要负责人')
        : (enterprise?.name ?? accident.enterpriseId);
    const opened = await this.uow.transaction(async (tx) => {
      const row = await this.linkedCases.openLinkedCase(
        {
          caseType: 'PENALTY',
          title: `事故${label}行政处罚：${input.target === 'PRINCIPAL' ? '主要负责人' : '事故发生单位'}`.slice(0, 200),
          departmentId: c.departmentId,
          enterpriseId: accident.enterpriseId,
          createdBy: input.actorId,
          handlerIds: [],
          sourceCaseId: input.caseId,
          linkKey: input.linkKey,
          data: {
            origin: 'ACCIDENT_REPORTING_VIOLATION',
            violation: input.flag,
            subject: input.target,
            legalBasis: input.legalBasis,
          },
        },
        tx,
      );
      await this.recordOnce(input, { subjectName, linkedCaseId: row.id, referralId: null }, tx);
      return row;
    });
    return {
      caseId: opened.id,
      workflowId: opened.workflowId,
      departmentId: c.departmentId,
      enterpriseId: accident.enterpriseId,
      openedAt: opened.createdAt.toISOString(),
    };
  }

  /** 条例 Art.39: the official's lead to the discipline body of the investigating department's region. */
  async openReferral(
    input: Parameters<AccidentActivities['accidentOpenViolationReferral']>[0],
  ): Promise<ReferralAnswer> {
    const { c, accident } = await this.accidents.getCase(input.caseId);
    return this.uow.transaction(async (tx) => {
      const done = await this.reporting.findConsequence(input.linkKey, tx);
      const existing = done?.referralId ? await this.repo.findReferral(done.referralId, tx) : null;
      if (existing) {
        const row = await this.cases.findById(existing.referralCaseId, tx);
        return this.opening.answerOf(existing, row?.createdAt ?? existing.sentAt);
      }
      const receiving = await this.accidents.disciplineBodyFor(c.departmentId, tx);
      // Retryable on purpose: an administrator can configure the body and the referral then goes out.
      if (!receiving) throw new Error(`no discipline body configured for department ${c.departmentId}`);
      const workflowId = await this.cases.nextLinkedWorkflowId(
        input.caseId,
        LINKED_WORKFLOW_PREFIX.DISCIPLINE_REFERRAL,
        tx,
      );
      const label = REPORTING_VIOLATION_LABELS[input.flag as ReportingViolation];
      const attachments = await this.cases.listAttachments(input.caseId);
      const answer = await this.opening.open(
        {
          sourceCaseId: input.caseId,
          sourcePartyId: null,
          senderDepartmentId: c.departmentId,
          receivingDepartmentId: receiving,
          workflowId,
          linkKey: input.linkKey,
          actorId: input.actorId,
          sentAt: new Date(input.sentAt),
          subject: {
            name: input.official.name,
            position: input.official.position ?? null,
            organisation: input.official.organisation ?? null,
          },
          allegation: `事故${label}（${input.legalBasis}）`,
          evidence: {
            accident: {
              caseId: c.id,
              occurredAt: accident.occurredAt.toISOString(),
              reportedAt: accident.reportedAt.toISOString(),
              place: accident.place,
              grade: accident.grade,
              deaths: accident.deaths,
              seriousInjuries: accident.seriousInjuries,
            },
            reportingViolation: { flag: input.flag, legalBasis: input.legalBasis },
            attachments: attachments.map(referralAttachmentListing),
          },
        },
        tx,
      );
      await this.recordOnce(
        input,
        {
          subjectName: input.official.name,
          subjectPosition: input.official.position ?? null,
          subjectOrganisation: input.official.organisation ?? null,
          linkedCaseId: answer.referralCaseId,
          referralId: answer.referralId,
        },
        tx,
      );
      return answer;
    });
  }

  private async recordOnce(
    input: { caseId: string; flag: string; legalBasis: string; actorId: string; linkKey: string; target?: string },
    fields: {
      subjectName: string;
      subjectPosition?: string | null;
      subjectOrganisation?: string | null;
      linkedCaseId: string;
      referralId: string | null;
    },
    tx: Transaction,
  ): Promise<void> {
    if (await this.reporting.findConsequence(input.linkKey, tx)) return;
    const target = (input.target ?? 'OFFICIAL') as 'PRINCIPAL' | 'ENTERPRISE' | 'OFFICIAL';
    const row = await this.reporting.insertConsequence(
      {
        caseId: input.caseId,
        flag: input.flag,
        target,
        subjectName: fields.subjectName.slice(0, 200),
        subjectPosition: fields.subjectPosition ?? null,
        subjectOrganisation: fields.subjectOrganisation ?? null,
        legalBasis: input.legalBasis,
        linkKey: input.linkKey,
        linkedCaseId: fields.linkedCaseId,
        referralId: fields.referralId,
        createdBy: input.actorId,
      },
      tx,
    );
    // The accident's own record notes a referral without naming the official (referral confidentiality).
    await this.audit.record(
      {
        caseId: input.caseId,
        actorId: input.actorId,
        action: target === 'OFFICIAL' ? 'ACCOUNTABILITY_REFERRED' : 'ACCOUNTABILITY_CASE_OPENED',
        summary:
          target === 'OFFICIAL'
            ? { consequenceId: row.id, flag: input.flag, to: 'DISCIPLINE_BODY' }
            : {
                consequenceId: row.id,
                flag: input.flag,
                target,
                linkedCaseId: fields.linkedCaseId,
                caseType: 'PENALTY',
              },
      },
      tx,
    );
  }
}
