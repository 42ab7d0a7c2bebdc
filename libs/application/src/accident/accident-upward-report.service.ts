import { Injectable } from '@nestjs/common';
import { DepartmentLevel, levelRank, upwardReportLevels, UpwardReportChain } from '@safety/domain/accident';
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
import { AccidentService } from './accident.service';

const EMERGENCY_MANAGEMENT = 'EMERGENCY_MANAGEMENT';

/** One level's report as `GET /accidents/:id` shows it. */
export interface UpwardReportView {
  chain: UpwardReportChain;
  level: string;
  departmentId: string;
  departmentName: string;
  taskId: string;
  dueAt: string | null;
  reportedAt: string | null;
  /** Reported after the due instant, or not yet reported and past it. */
  late: boolean;
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
      const named = [];
      for (const d of levels) {
        named.push({ level: d.level, departmentId: d.id, departmentName: (await this.org.findDepartment(d.id))!.name });
      }
      if (named.length > 0) chains.push({ chain, departmentKind: kind, levels: named });
    }
    return { receivedAt: accident.reportedAt.toISOString(), chains };
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
          },
        },
        tx,
      );
    });
  }

  /** The upward reports opened so far, lowest level first per chain (from their tasks and the recorded reports). */
  async list(caseId: string, now = new Date()): Promise<UpwardReportView[]> {
    const rows = (await this.tasks.listForCase(caseId)).filter((t) => t.type === AccidentTaskType.UPWARD_REPORT);
    const reported = new Map((await this.reporting.listUpwardReports(caseId)).map((r) => [r.taskKey, r.reportedAt]));
    return rows
      .map((t) => {
        // On the workflow's clock (the task row's completion instant is the database's).
        const reportedAt = reported.get(t.taskKey) ?? (t.status === 'COMPLETED' ? t.completedAt : null);
        const late = t.dueAt !== null && (reportedAt ?? now) > t.dueAt;
        return {
          chain: t.payload.chain as UpwardReportChain,
          level: String(t.payload.level),
          departmentId: t.departmentId,
          departmentName: String(t.payload.departmentName ?? ''),
          taskId: t.id,
          dueAt: t.dueAt?.toISOString() ?? null,
          reportedAt: reportedAt?.toISOString() ?? null,
          late: t.status === 'CANCELLED' ? false : late,
        };
      })
      .sort(
        (a, b) =>
          a.chain.localeCompare(b.chain) ||
          levelRank(a.level as DepartmentLevel) - levelRank(b.level as DepartmentLevel),
      );
  }
}
