import { Injectable } from '@nestjs/common';
import {
  DepartmentLevel,
  levelRank,
  NATIONAL_LEVEL,
  nationalRecipient,
  nationalReporter,
  upwardReportLevels,
  UpwardReportChain,
} from '@safety/domain/accident';
import {
  AccidentReportingRepository,
  AccidentRepository,
  OrganisationRepository,
  TaskRepository,
  UnitOfWork,
} from '@safety/persistence';
import type { AccidentActivities, UpwardReportPlan } from '@safety/temporal/accident.activities';
import { AccidentTaskType } from '@safety/temporal/contracts/accident.contract';
import { AuditService } from '../audit.service';
import { AccidentDepartmentPolicyService } from './accident-department-policy.service';
import { AccidentService } from './accident.service';

const EMERGENCY_MANAGEMENT = 'EMERGENCY_MANAGEMENT';

/** One level's report as `GET /accidents/:id` shows it. */
export interface UpwardReportView {
  chain: UpwardReportChain;
  level: string;
  /** The level's department; null at the State Council's level, which the installation does not hold. */
  departmentId: string | null;
  /** The department's name, or the State Council body's label. */
  departmentName: string;
  /** In whose inbox the task is: the level's own department, or the province that reports to the State Council. */
  inboxDepartmentId: string;
  /** The State Council's level: who received the report and how (from the province's record). */
  recipient: string | null;
  means: string | null;
  taskId: string;
  dueAt: string | null;
  reportedAt: string | null;
  /** Reported after the due instant, or not yet reported and past it. */
  late: boolean;
  /** 越级上报 (条例 Art.10 para.2): a level below reported straight to this one (`reportedFromDepartmentId`). */
  skipLevel: boolean;
  reportedFromDepartmentId: string | null;
}

/**
 * 逐级上报 (条例 Art.10–11): the chains an accident is reported up — the emergency-management
 * department and the department supervising the sector (管行业必须管安全), each from the reporting
 * department's region up through its parents — and the reports as their tasks record them.
 */
@Injectable()
export class AccidentUpwardReportService {
  constructor(
    private readonly repo: AccidentRepository,
    private readonly org: OrganisationRepository,
    private readonly tasks: TaskRepository,
    private readonly accidents: AccidentService,
    private readonly reporting: AccidentReportingRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly policies: AccidentDepartmentPolicyService,
  ) {}

  /** Every modelled level above the reporting department, per chain (the workflow cuts it at the grade's ceiling). */
  async plan(caseId: string): Promise<UpwardReportPlan> {
    const { accident } = await this.accidents.getCase(caseId);
    const reporting = await this.org.findDepartment(accident.reportingDepartmentId);
    const sector = await this.org.findSector(accident.sectorCode);
    const kinds: Array<[UpwardReportChain, string]> = [['EMERGENCY_MANAGEMENT', EMERGENCY_MANAGEMENT]];
    if (sector && sector.supervisingDepartmentKind !== EMERGENCY_MANAGEMENT)
      kinds.push(['SECTOR', sector.supervisingDepartmentKind]);
    const chains: UpwardReportPlan['chains'] = [];
    if (!reporting) return { receivedAt: accident.reportedAt.toISOString(), chains };
    const notifiedBodies = async (departmentId: string) =>
      (await this.policies.effectivePolicy(departmentId)).notifiedBodies;
    const named = async (d: { id: string; level: string }) => ({
      level: d.level,
      departmentId: d.id,
      departmentName: (await this.org.findDepartment(d.id))!.name,
    });
    for (const [chain, kind] of kinds) {
      const start =
        reporting.kind === kind
          ? reporting.id
          : await this.repo.findDepartmentOfKindInRegionChain(reporting.regionId, kind);
      if (!start) continue;
      const levels = upwardReportLevels(
        reporting.level as DepartmentLevel,
        await this.repo.departmentChain(start),
        kind,
      );
      const levelsNamed = [];
      for (const d of levels) levelsNamed.push({ ...(await named(d)), notifiedBodies: await notifiedBodies(d.id) });
      // 条例 Art.10(1): the chain's province (a level above, or the reporting province itself) reports on.
      const reportingOwn =
        reporting.kind === kind ? { id: reporting.id, level: reporting.level as DepartmentLevel, kind } : undefined;
      const reporter = nationalReporter(levels.at(-1) ?? reportingOwn);
      const national = reporter && { ...(await named(reporter)), recipient: nationalRecipient(kind) };
      if (levelsNamed.length > 0 || national)
        chains.push({
          chain,
          departmentKind: kind,
          levels: levelsNamed,
          ...(national && {
            national: {
              departmentId: national.departmentId,
              departmentName: national.departmentName,
              recipient: national.recipient,
            },
          }),
        });
    }
    return {
      receivedAt: accident.reportedAt.toISOString(),
      chains,
      reporting: {
        departmentId: reporting.id,
        departmentName: reporting.name,
        notifiedBodies: await notifiedBodies(reporting.id),
      },
    };
  }

  /** A level reported: the instant the workflow completed its task (idempotent by the task key), audited. */
  async record(input: Parameters<AccidentActivities['accidentRecordUpwardReport']>[0]): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if ((await this.reporting.listUpwardReports(input.caseId, tx)).some((r) => r.taskKey === input.taskKey)) return;
      const dueAt = input.dueAt ? new Date(input.dueAt) : null;
      const reportedAt = new Date(input.reportedAt);
      await this.reporting.recordUpwardReport(
        {
          taskKey: input.taskKey,
          caseId: input.caseId,
          chain: input.chain,
          level: input.level,
          departmentId: input.departmentId,
          dueAt,
          reportedAt,
          reportedBy: input.reportedBy,
          recipient: input.recipient ?? null,
          means: input.means ?? null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.reportedBy,
          action: 'ACCIDENT_REPORTED_UP',
          summary: {
            chain: input.chain,
            level: input.level,
            departmentId: input.departmentId,
            dueAt: input.dueAt,
            reportedAt: input.reportedAt,
            late: dueAt !== null && reportedAt > dueAt,
            ...(input.recipient !== undefined && { recipient: input.recipient, means: input.means }),
          },
        },
        tx,
      );
    });
  }

  /** The upward reports opened so far, lowest level first per chain (from their tasks and the recorded reports). */
  async list(caseId: string, now = new Date()): Promise<UpwardReportView[]> {
    const types: string[] = [
      AccidentTaskType.UPWARD_REPORT,
      AccidentTaskType.SKIP_LEVEL_REPORT,
      AccidentTaskType.NATIONAL_REPORT,
    ];
    const rows = (await this.tasks.listForCase(caseId)).filter((t) => types.includes(t.type));
    const reported = new Map((await this.reporting.listUpwardReports(caseId)).map((r) => [r.taskKey, r]));
    return rows
      .map((t) => {
        const record = reported.get(t.taskKey);
        // On the workflow's clock, or as the province recorded it (the task row's completion instant is the database's).
        const reportedAt = record?.reportedAt ?? (t.status === 'COMPLETED' ? t.completedAt : null);
        const late = t.dueAt !== null && (reportedAt ?? now) > t.dueAt;
        const national = t.type === AccidentTaskType.NATIONAL_REPORT;
        return {
          chain: t.payload.chain as UpwardReportChain,
          level: national ? NATIONAL_LEVEL : String(t.payload.level),
          departmentId: national ? null : t.departmentId,
          departmentName: String((national ? t.payload.recipientBody : t.payload.departmentName) ?? ''),
          inboxDepartmentId: t.departmentId,
          recipient: record?.recipient ?? null,
          means: record?.means ?? null,
          taskId: t.id,
          dueAt: t.dueAt?.toISOString() ?? null,
          reportedAt: reportedAt?.toISOString() ?? null,
          late: t.status === 'CANCELLED' ? false : late,
          skipLevel: t.type === AccidentTaskType.SKIP_LEVEL_REPORT,
          reportedFromDepartmentId:
            typeof t.payload.reportedFromDepartmentId === 'string' ? t.payload.reportedFromDepartmentId : null,
        };
      })
      .sort(
        (a, b) =>
          a.chain.localeCompare(b.chain) ||
          levelRank(a.level as DepartmentLevel) - levelRank(b.level as DepartmentLevel),
      );
  }
}
