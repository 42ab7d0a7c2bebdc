import { Injectable } from '@nestjs/common';
import {
  evaluateFourNotLetGo,
  FourNotLetGoResult,
  ResponsiblePartyOutcome,
  linkedCaseOutcome,
  referralOutcome,
} from '@safety/domain/accident';
import { LocalDate, toLocalDate } from '@safety/domain/calendar/local-date';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import {
  AccidentEducationSessionEntity,
  AccidentReportingRepository,
  AccidentRepository,
  CaseRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { AccidentService } from './accident.service';

export interface GateParty {
  id: string;
  seq: number;
  kind: string;
  name: string;
  proposedHandling: string;
  /** Effective outcome (recorded, or read from the linked case / referral answer). */
  outcome: ResponsiblePartyOutcome;
  recordedOutcome: string;
  linkedCase: { id: string; caseType: string; status: string } | null;
}

/** A reporting violation's consequence as the 四不放过 gates count it: open until its case is decided or its referral answered. */
export interface ReportingConsequenceGate {
  id: string;
  flag: string;
  target: string;
  handled: boolean;
  /** The penalty case (none shown for a referral: it stays with the discipline body). */
  linkedCase: { id: string; caseType: string; status: string } | null;
}

/** 四不放过 (the four closure gates) and the 警示教育 sessions one of them counts. */
@Injectable()
export class AccidentGateService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly reporting: AccidentReportingRepository,
    private readonly accidents: AccidentService,
  ) {}

  /**
   * The four closure gates from the records (approved report, party outcomes, verified measures,
   * education). A party's outcome is the recorded one or, while that is still PENDING, read from the
   * case opened for it (penalty decided / transfer answered) or from its referral's answer.
   */
  async gates(
    caseId: string,
    tx?: Transaction,
  ): Promise<
    FourNotLetGoResult & {
      reportVersion: number | null;
      parties: GateParty[];
      reportingConsequences: ReportingConsequenceGate[];
    }
  > {
    const report = await this.repo.latestReport(caseId, tx);
    const rows = report ? await this.repo.listParties(caseId, report.version, tx) : [];
    const measures = report ? await this.repo.listMeasures(caseId, report.version, tx) : [];
    const sessions = await this.repo.listEducation(caseId, tx);
    const parties: GateParty[] = [];
    for (const p of rows) {
      let outcome = p.outcome as ResponsiblePartyOutcome;
      let linkedCase: GateParty['linkedCase'] = null;
      if (p.linkedCaseId) {
        const lc = await this.cases.findById(p.linkedCaseId, tx);
        if (lc) {
          linkedCase = { id: lc.id, caseType: lc.caseType, status: lc.status };
          if (outcome === 'PENDING') outcome = linkedCaseOutcome(lc.caseType, lc.status);
        }
      }
      if (outcome === 'PENDING' && p.proposedHandling === 'DISCIPLINE_REFERRAL') {
        const ref = await this.repo.findReferralForParty(caseId, p.id, tx);
        if (ref?.status === 'ANSWERED') outcome = referralOutcome(ref.resultOutcome);
      }
      parties.push({
        id: p.id,
        seq: p.seq,
        kind: p.kind,
        name: p.name,
        proposedHandling: p.proposedHandling,
        outcome,
        recordedOutcome: p.outcome,
        linkedCase,
      });
    }
    const reportingConsequences = await this.reportingConsequenceGates(caseId, tx);
    const r = evaluateFourNotLetGo({
      reportingConsequences: reportingConsequences.map((x) => ({ id: x.id, handled: x.handled })),
      report: {
        status: report
          ? report.status === 'APPROVED'
            ? 'APPROVED'
            : report.status === 'RETURNED'
              ? 'RETURNED'
              : 'SUBMITTED'
          : 'NOT_SUBMITTED',
        findsNoResponsibleParty: report?.findsNoResponsibleParty,
      },
      responsibleParties: parties.map((p) => ({ id: p.id, outcome: p.outcome })),
      rectificationMeasures: report
        ? measures.map((x) => ({
            id: x.id,
            verifiedAt: x.status === 'VERIFIED' ? x.verifiedAt : null,
            verifiedBy: x.verifiedBy,
          }))
        : [],
      educationSessions: sessions.map((s) => ({ id: s.id, heldOn: s.heldOn, attendeeCount: s.attendeeCount })),
    });
    return { ...r, reportVersion: report?.version ?? null, parties, reportingConsequences };
  }

  /**
   * The penalty cases and referrals a 迟报/漏报/谎报/瞒报 flag opened (条例 Art.36): each holds the gate
   * 责任人员未处理不放过 until the penalty case is decided (or ends without a penalty) or the referral is answered.
   */
  private async reportingConsequenceGates(caseId: string, tx?: Transaction): Promise<ReportingConsequenceGate[]> {
    const out: ReportingConsequenceGate[] = [];
    for (const row of await this.reporting.listConsequences(caseId, tx)) {
      let handled = false;
      let linkedCase: ReportingConsequenceGate['linkedCase'] = null;
      if (row.referralId) handled = (await this.repo.findReferral(row.referralId, tx))?.status === 'ANSWERED';
      else if (row.linkedCaseId) {
        const lc = await this.cases.findById(row.linkedCaseId, tx);
        if (lc) linkedCase = { id: lc.id, caseType: lc.caseType, status: lc.status };
        handled = !!lc && linkedCaseOutcome(lc.caseType, lc.status) !== 'PENDING';
      }
      out.push({ id: row.id, flag: row.flag, target: row.target, handled, linkedCase });
    }
    return out;
  }

  // ---- 警示教育 ----

  async recordEducation(
    actor: Actor,
    caseId: string,
    input: {
      heldOn: LocalDate;
      topic: string;
      location?: string | null;
      attendees: Array<{ name: string; organisation?: string | null }>;
    },
    requestId?: string,
    now = new Date(),
  ): Promise<AccidentEducationSessionEntity> {
    const { accident } = await this.accidents.assertInvestigatingDepartment(actor, caseId, [
      Role.ENFORCEMENT_OFFICER,
      Role.AGENCY_HEAD,
    ]);
    if (input.heldOn < toLocalDate(accident.occurredAt) || input.heldOn > toLocalDate(now)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'heldOn must lie between the accident day and today');
    }
    const names = input.attendees.map((a) => a.name.trim());
    if (new Set(names).size !== names.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'an attendee is listed twice');
    return this.uow.transaction(async (tx) => {
      const s = await this.repo.insertEducation(
        {
          caseId,
          heldOn: input.heldOn,
          topic: input.topic,
          location: input.location ?? null,
          attendees: input.attendees.map((a) => ({ name: a.name.trim(), organisation: a.organisation ?? null })),
          attendeeCount: input.attendees.length,
          recordedBy: actor.userId,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'WARNING_EDUCATION_RECORDED',
          requestId,
          summary: { sessionId: s.id, heldOn: s.heldOn, topic: s.topic, attendeeCount: s.attendeeCount },
        },
        tx,
      );
      return s;
    });
  }
}
