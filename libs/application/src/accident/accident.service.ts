import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentEntity,
  AccidentRepository,
  CaseEntity,
  CaseRepository,
  OrganisationRepository,
  TaskEntity,
  TaskRepository,
  UnitOfWork,
  KeysetPage,
  PageRequest,
  Transaction,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { AccidentPolicyService } from './accident-policy.service';

export type ReportingFlag = 'LATE' | 'OMITTED' | 'FALSE_REPORT' | 'CONCEALED';
/** 漏报 / 谎报 / 瞒报 (条例 Art.36) are findings an officer records; 迟报 (LATE) is computed (Art.9). */
export const SETTABLE_REPORTING_FLAGS = ['OMITTED', 'FALSE_REPORT', 'CONCEALED'] as const;

/**
 * Accident cases: finding, visibility and jurisdiction, the reporting-violation flags, the discipline body and the
 * open steps. Intake is AccidentIntakeService's, the step pre-checks AccidentPreCheckService's and the 四不放过 gates
 * AccidentGateService's.
 */
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
  ) {}

  get policy() {
    return this.policies.policy;
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
}
