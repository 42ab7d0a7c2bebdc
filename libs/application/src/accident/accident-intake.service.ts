import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AccidentFigures,
  chooseInvestigatingDepartment,
  gradeAccident,
  investigatingLevel,
  assertPlausibleAccidentInstant,
  reportTimeliness,
  sectorClassOf,
} from '@safety/domain/accident';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentEntity,
  AccidentRepository,
  CaseEntity,
  CaseRepository,
  OrganisationRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { AccidentPolicyService } from './accident-policy.service';
import { ReportingFlag, SETTABLE_REPORTING_FLAGS } from './accident.service';

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

/** 事故报告 intake: grading (条例 Art.3), the investigating department (Art.19) and the 迟报 check (Art.9). */
@Injectable()
export class AccidentIntakeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
    private readonly policies: AccidentPolicyService,
  ) {}

  private get policy() {
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

  /** Grading preview (no side effects): what a report with these figures would be graded and who investigates. */
  preview(f: AccidentFigures): { grade: string; investigatingLevel: string } {
    const grade = gradeAccident(f);
    return { grade, investigatingLevel: investigatingLevel(grade) };
  }
}
