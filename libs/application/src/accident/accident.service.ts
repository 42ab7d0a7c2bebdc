import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AccidentFigures,
  chooseInvestigatingDepartment,
  evaluateFourNotLetGo,
  FourNotLetGoResult,
  gradeAccident,
  investigatingLevel,
  assertPlausibleAccidentInstant,
  isWithinSupplementaryWindow,
  reportTimeliness,
  ResponsiblePartyOutcome,
  sectorClassOf,
  TeamProposal,
  missingTeamRoles,
  InvestigationReportProposal,
  AccidentSectorClass,
  linkedCaseOutcome,
  referralOutcome,
} from '@safety/domain/accident';
import { LocalDate, toLocalDate } from '@safety/domain/calendar/local-date';
import { receivedOnProblem } from '@safety/domain/enforcement/received-on';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentEducationSessionEntity,
  AccidentEntity,
  AccidentReportingRepository,
  AccidentRepository,
  CaseEntity,
  CaseRepository,
  OrganisationRepository,
  TaskEntity,
  TaskRepository,
  Transaction,
  UnitOfWork,
  KeysetPage,
  PageRequest,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { AccidentPolicyService } from './accident-policy.service';

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

export type ReportingFlag = 'LATE' | 'OMITTED' | 'FALSE_REPORT' | 'CONCEALED';
/** 漏报 / 谎报 / 瞒报 (条例 Art.36) are findings an officer records; 迟报 (LATE) is computed (Art.9). */
export const SETTABLE_REPORTING_FLAGS = ['OMITTED', 'FALSE_REPORT', 'CONCEALED'] as const;

export interface AccidentReportInput {
  title?: string;
  occurredAt: Date;
  unitNotifiedAt?: Date | null;
  reportedAt?: Date | null;
  place: string;
  summary: string;
  enterpriseId?: string | null;
  sectorCode: string;
  regionId?: string | null;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
  flags?: Array<(typeof SETTABLE_REPORTING_FLAGS)[number]>;
}

/** Accident cases: intake, grading, jurisdiction, visibility, pre-checks for workflow steps, 四不放过 gates. */
@Injectable()
export class AccidentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly tasks: TaskRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
    private readonly policies: AccidentPolicyService,
    private readonly reporting: AccidentReportingRepository,
  ) {}

  get policy() {
    return this.policies.policy;
  }

  /**
   * 事故报告 intake: grades the accident (条例 Art.3), picks the investigating department (Art.19),
   * flags 迟报 against the 1-hour rule (Art.9) and inserts the case and accident rows in one
   * transaction. Starting the workflow is the caller's job once this has committed.
   */
  report(
    actor: Actor,
    input: AccidentReportInput,
    requestId?: string,
    now = new Date(),
  ): Promise<{ c: CaseEntity; accident: AccidentEntity }> {
    return this.uow.transaction((tx) => this.reportIn(actor, input, tx, requestId, now));
  }

  private async reportIn(
    actor: Actor,
    input: AccidentReportInput,
    tx: Transaction,
    requestId: string | undefined,
    now: Date,
  ): Promise<{ c: CaseEntity; accident: AccidentEntity }> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'only enforcement officers and agency heads record accident reports',
      );
    const reportedAt = input.reportedAt ?? now;
    assertPlausibleAccidentInstant('occurredAt', input.occurredAt, now);
    if (input.unitNotifiedAt) assertPlausibleAccidentInstant('unitNotifiedAt', input.unitNotifiedAt, now);
    assertPlausibleAccidentInstant('reportedAt', reportedAt, now);
    const clockStart = input.unitNotifiedAt ?? input.occurredAt;
    if (input.unitNotifiedAt && (input.unitNotifiedAt < input.occurredAt || input.unitNotifiedAt > reportedAt)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'unitNotifiedAt must lie between occurredAt and reportedAt');
    }
    const figures: AccidentFigures = {
      deaths: input.deaths,
      seriousInjuries: input.seriousInjuries,
      directLossYuan: input.directLossYuan,
    };
    const grade = gradeAccident(figures);
    const level = investigatingLevel(grade);
    // 条例 Art.9: within 1 hour of the unit head being told (the accident time where that is not recorded).
    const timeliness = reportTimeliness(clockStart, reportedAt, { firstReportHours: this.policy.firstReportHours });

    const sector = await this.org.findSector(input.sectorCode);
    if (!sector)
      throw new DomainError(ErrorCode.NOT_FOUND, `sector ${input.sectorCode} not found`, {
        sectorCode: input.sectorCode,
      });
    let regionId = input.regionId ?? null;
    if (input.enterpriseId) {
      const ent = await this.org.findEnterprise(input.enterpriseId);
      if (!ent)
        throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${input.enterpriseId} not found`, {
          enterpriseId: input.enterpriseId,
        });
      regionId ??= ent.regionId;
    }
    const chain = await this.repo.departmentChain(actor.departmentId, tx);
    if (chain.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, 'your department was not found');
    if (regionId) {
      if (!(await this.org.regionExists(regionId)))
        throw new DomainError(ErrorCode.NOT_FOUND, `region ${regionId} not found`);
    }
    regionId ??= chain[0].regionId;
    const choice = chooseInvestigatingDepartment(chain, level);
    const sectorClass = sectorClassOf(input.sectorCode, this.policy);
    const flags: ReportingFlag[] = [
      ...new Set<ReportingFlag>([...(timeliness.status === 'LATE' ? ['LATE' as const] : []), ...(input.flags ?? [])]),
    ];

    const id = randomUUID();
    const c = await this.cases.insert(
      {
        id,
        caseType: 'ACCIDENT',
        title: input.title?.trim() || `${toLocalDate(input.occurredAt)} ${input.place}`.slice(0, 200),
        status: 'REPORTED',
        departmentId: choice.department.id,
        enterpriseId: input.enterpriseId ?? null,
        workflowId: `accident-${id}`,
        createdBy: actor.userId,
        handlerIds: [actor.userId],
        data: { grade },
      },
      tx,
    );
    const accident = await this.repo.insertAccident(
      {
        caseId: c.id,
        occurredAt: input.occurredAt,
        unitNotifiedAt: input.unitNotifiedAt ?? null,
        reportedAt,
        place: input.place,
        summary: input.summary,
        enterpriseId: input.enterpriseId ?? null,
        sectorCode: input.sectorCode,
        sectorClass,
        regionId,
        ...figures,
        grade,
        investigatingLevel: level,
        investigatingLevelExact: choice.exact,
        reportingDepartmentId: actor.departmentId,
        investigatingDepartmentId: choice.department.id,
        reportTimeliness: timeliness.status,
        lateByMinutes: Math.ceil(timeliness.lateByMs / 60_000),
        reportingFlags: flags,
        policy: this.policy as unknown as Record<string, unknown>,
        createdBy: actor.userId,
      },
      tx,
    );
    await this.audit.record(
      {
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'CASE_CREATED',
        requestId,
        summary: { caseType: 'ACCIDENT', title: c.title, enterpriseId: c.enterpriseId, after: 'REPORTED' },
      },
      tx,
    );
    await this.audit.record(
      {
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'ACCIDENT_REPORTED',
        requestId,
        summary: {
          grade,
          investigatingLevel: level,
          investigatingDepartmentId: choice.department.id,
          levelExact: choice.exact,
          reportingDepartmentId: actor.departmentId,
          timeliness: timeliness.status,
          lateByMinutes: accident.lateByMinutes,
          flags,
          ...figures,
        },
      },
      tx,
    );
    return { c, accident };
  }

  async getCase(caseId: string): Promise<{ c: CaseEntity; accident: AccidentEntity }> {
    const c = await this.cases.findById(caseId);
    const accident = c?.caseType === 'ACCIDENT' ? await this.repo.findAccident(caseId) : null;
    if (!c || !accident) throw new DomainError(ErrorCode.NOT_FOUND, `accident ${caseId} not found`);
    return { c, accident };
  }

  /**
   * Who sees an accident case: the investigating department (and supervisors above it), the
   * reporting department, and members of its investigation team.
   */
  async getVisible(actor: Actor, caseId: string): Promise<{ c: CaseEntity; accident: AccidentEntity }> {
    const found = await this.getCase(caseId);
    if (
      actor.visibleDepartmentIds.includes(found.c.departmentId) ||
      actor.visibleDepartmentIds.includes(found.accident.reportingDepartmentId)
    )
      return found;
    const team = await this.repo.listTeam(caseId);
    if (team.some((t) => t.userId === actor.userId)) return found;
    throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this accident is handled by another department', {
      caseId,
    });
  }

  /**
   * The unmasked accident detail (ID numbers, the referred official) is for those who need it to do
   * the investigation: a head of the investigating department (who decides on the report and sends
   * the referrals) and the team lead (who writes the report). Everyone else who may see the accident
   * — its officers, other agencies' team members, supervisors above, administrators — gets the
   * masked view only. Every unmasked read is recorded as a personal-data read.
   */
  async authorizeUnmaskedRead(
    actor: Actor,
    found: { c: CaseEntity; accident: AccidentEntity },
    requestId?: string,
  ): Promise<void> {
    const head = hasAnyRole(actor, [Role.AGENCY_HEAD]) && actor.departmentId === found.c.departmentId;
    const lead = found.accident.teamLeadId === actor.userId;
    if (!head && !lead)
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'only a head of the investigating department or the team lead may see unmasked personal data',
        { caseId: found.c.id },
      );
    await this.audit.record({
      caseId: found.c.id,
      actorId: actor.userId,
      actorRole: head ? Role.AGENCY_HEAD : (actor.roles[0] ?? null),
      action: 'PERSONAL_DATA_READ',
      requestId,
      summary: {
        entity: 'accident',
        id: found.c.id,
        fields: ['idNumber', 'responsibleParties.name', 'responsibleParties.position', 'freeText'],
      },
    });
  }

  /** The actor works in the investigating department with one of the roles. */
  async assertInvestigatingDepartment(
    actor: Actor,
    caseId: string,
    roles: Role[],
  ): Promise<{ c: CaseEntity; accident: AccidentEntity }> {
    const found = await this.getVisible(actor, caseId);
    if (actor.departmentId !== found.c.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the investigating department may do this', {
        caseId,
      });
    if (!hasAnyRole(actor, roles))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, `this action needs one of the roles ${roles.join(', ')}`);
    return found;
  }

  /** Accidents the actor's departments investigate or reported, newest first (keyset pages). */
  list(
    actor: Actor,
    q: PageRequest & { status?: string; grade?: string },
  ): Promise<KeysetPage<{ c: CaseEntity; accident: AccidentEntity }>> {
    return this.repo.accidentsPage({ departmentIds: actor.visibleDepartmentIds, ...q });
  }

  async setReportingFlag(
    actor: Actor,
    caseId: string,
    flag: (typeof SETTABLE_REPORTING_FLAGS)[number],
    reason: string,
    requestId?: string,
  ): Promise<AccidentEntity> {
    const { accident, c } = await this.getVisible(actor, caseId);
    if (
      ![c.departmentId, accident.reportingDepartmentId].includes(actor.departmentId) ||
      !hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD])
    ) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'only officers of the reporting or investigating department record reporting violations',
      );
    }
    // Recorded once; a repeat is answered as done, so the caller can go on to open the consequences a
    // first attempt did not reach (Temporal unreachable): their link keys keep them single.
    if (accident.reportingFlags.includes(flag)) return accident;
    return this.uow.transaction(async (tx) => {
      const a = (await this.repo.findAccident(caseId, tx, true))!;
      if (a.reportingFlags.includes(flag)) return a;
      const after = [...a.reportingFlags, flag];
      await this.repo.updateAccident(caseId, { reportingFlags: after }, tx);
      await this.audit.record(
        {
          caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'ACCIDENT_REPORTING_FLAGGED',
          requestId,
          summary: { flag, reason, before: a.reportingFlags, after },
        },
        tx,
      );
      return { ...a, reportingFlags: after };
    });
  }

  // ---- pre-checks the API runs before it hands a step to the workflow (the workflow checks again) ----

  /** 条例 Art.13: within 30 days (7 for road traffic and fire) of the accident; outside → DEADLINE_PASSED. */
  assertSupplementaryWindow(accident: Pick<AccidentEntity, 'occurredAt' | 'sectorClass'>, on: LocalDate): void {
    const occurredOn = toLocalDate(accident.occurredAt);
    if (!isWithinSupplementaryWindow(occurredOn, on, accident.sectorClass as AccidentSectorClass)) {
      throw new DomainError(
        ErrorCode.DEADLINE_PASSED,
        `补报 is only possible within ${accident.sectorClass === 'OTHER' ? 30 : 7} days of the accident (条例 Art.13)`,
        { occurredOn, reportedOn: on },
      );
    }
  }

  /**
   * The day a 补报 was received: not in the future, not before the accident, and with its receipt when earlier than
   * the day it is entered (the received-on rule); 400 naming the field otherwise.
   */
  assertReceivedOn(
    accident: Pick<AccidentEntity, 'occurredAt'>,
    claim: { receivedOn: LocalDate; today: LocalDate; receiptAttachmentIds?: string[] },
  ): void {
    const found = receivedOnProblem({
      receivedOn: claim.receivedOn,
      today: claim.today,
      periodOpenedOn: toLocalDate(accident.occurredAt),
      periodOpenedBy: 'the accident occurred',
      hasReceipt: (claim.receiptAttachmentIds ?? []).length > 0,
    });
    if (found)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `${found.path} ${found.message}`, { fields: [found] });
  }

  /** Team members must be active users holding INVESTIGATION_MEMBER (DISCIPLINE members: DISCIPLINE_BODY). */
  /**
   * The team against the directory and the policy (条例 Art.22): the lead and every member are active
   * users holding the role their place needs, and the required roles are covered. The shape was
   * checked against the step contract before.
   */
  async checkTeam(
    team: TeamProposal,
    requiredRoles: readonly string[],
  ): Promise<{
    team?: TeamProposal;
    problems: string[];
    members: Array<{ userId: string; departmentId: string; teamRole: string }>;
  }> {
    const problems = missingTeamRoles(team.members, requiredRoles).map(
      (role) => `the team needs a ${role} member (条例 Art.22)`,
    );
    const members: Array<{ userId: string; departmentId: string; teamRole: string }> = [];
    const lead = await this.org.findUserById(team.leadId);
    if (!lead || !lead.active) problems.push(`lead ${team.leadId} is not an active user`);
    else if (!lead.roles.some((r) => r === Role.INVESTIGATION_MEMBER || r === Role.AGENCY_HEAD))
      problems.push('the lead must hold INVESTIGATION_MEMBER or AGENCY_HEAD');
    else members.push({ userId: lead.id, departmentId: lead.departmentId, teamRole: 'LEAD' });
    for (const x of team.members) {
      const u = await this.org.findUserById(x.userId);
      const need = x.teamRole === 'DISCIPLINE' ? Role.DISCIPLINE_BODY : Role.INVESTIGATION_MEMBER;
      if (!u || !u.active) problems.push(`member ${x.userId} is not an active user`);
      else if (
        !u.roles.includes(need) &&
        !(
          x.teamRole === 'DISCIPLINE' &&
          u.roles.includes(Role.INVESTIGATION_MEMBER) &&
          (await this.org.findDepartment(u.departmentId))?.kind === 'DISCIPLINE'
        )
      ) {
        problems.push(`member ${x.userId} needs the role ${need} to serve as ${x.teamRole}`);
      } else members.push({ userId: u.id, departmentId: u.departmentId, teamRole: x.teamRole });
    }
    return problems.length ? { problems, members: [] } : { team, problems, members };
  }

  /**
   * Report pre-check against the records: referenced enterprises exist, and a discipline body can
   * receive leads about officials. The shape was checked against the step contract before.
   */
  async checkReport(caseId: string, report: InvestigationReportProposal): Promise<void> {
    for (const p of report.responsibleParties) {
      if (p.enterpriseId && !(await this.org.findEnterprise(p.enterpriseId)))
        throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${p.enterpriseId} not found`);
    }
    if (report.responsibleParties.some((p) => p.kind === 'PUBLIC_OFFICIAL')) {
      const { c } = await this.getCase(caseId);
      if (!(await this.disciplineBodyFor(c.departmentId))) {
        throw new DomainError(
          ErrorCode.RULE_VIOLATION,
          'no discipline inspection/supervision body is configured for this jurisdiction to receive leads about officials',
        );
      }
    }
  }

  /** 纪委监委: the DISCIPLINE-kind department of the investigating department's region (or the nearest region above), else the configured one. */
  async disciplineBodyFor(investigatingDepartmentId: string, tx?: Transaction): Promise<string | null> {
    const dept = await this.org.findDepartment(investigatingDepartmentId);
    if (!dept) return null;
    return (
      (await this.repo.findDepartmentOfKindInRegionChain(dept.regionId, 'DISCIPLINE', tx)) ??
      this.policy.fallbackDisciplineDepartmentId
    );
  }

  /** The open step of a type on the case (for endpoints that complete a specific step). */
  async openTask(caseId: string, type: string, filter?: (t: TaskEntity) => boolean): Promise<TaskEntity> {
    const all = (await this.tasks.listForCase(caseId)).filter(
      (t) => t.type === type && (t.status === 'OPEN' || t.status === 'CLAIMED') && (!filter || filter(t)),
    );
    if (all.length === 0)
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, `the case has no open ${type} step now`, { caseId, type });
    return all[0];
  }

  // ---- 四不放过 ----

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
    const { accident } = await this.assertInvestigatingDepartment(actor, caseId, [
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

  /** Grading preview (no side effects): what a report with these figures would be graded and who investigates. */
  preview(f: AccidentFigures): { grade: string; investigatingLevel: string } {
    const grade = gradeAccident(f);
    return { grade, investigatingLevel: investigatingLevel(grade) };
  }
}
