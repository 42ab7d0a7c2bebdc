import { Injectable } from '@nestjs/common';
import {
  AccidentGrade,
  chooseInvestigatingDepartment,
  gradeAccident,
  investigationDeadline,
  investigatingLevel,
  regradeMayMoveInvestigationUp,
  TeamProposal,
  AccidentSectorClass,
} from '@safety/domain/accident';
import { endOfLocalDay, toLocalDate } from '@safety/domain/calendar/local-date';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, CaseEntity, CaseRepository, TaskRepository, UnitOfWork } from '@safety/persistence';
import type { AccidentClockAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { CalendarService } from '../calendar.service';
import { AccidentPreCheckService } from './accident-pre-check.service';

/**
 * The writes the accident workflow makes through its activities for the investigation itself: its clock
 * (条例 Art.27/29), the team (Art.22), 补报 (Art.13, 20) and the steps withdrawn at closure; the report,
 * accountability and follow-up have their own services. Every method is idempotent: a retried activity
 * finds its own earlier write (keys: case + version/seq, revision key, workflow id).
 */
@Injectable()
export class AccidentWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly tasks: TaskRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly preChecks: AccidentPreCheckService,
  ) {}

  /** 条例 Art.27/29: 60 calendar days from the accident, appraisal time excluded, one extension ≤ 60 days. */
  async computeClock(input: {
    accidentDate: string;
    pauses: Array<{ from: string; to?: string }>;
    extensions: Array<{ amount: number }>;
  }): Promise<AccidentClockAnswer> {
    const cal = await this.calendar.calendar();
    try {
      const r = investigationDeadline(
        { accidentDate: input.accidentDate, appraisalPauses: input.pauses, extensions: input.extensions },
        cal,
      );
      return {
        dueDate: r.due,
        dueAt: r.due ? endOfLocalDay(r.due).toISOString() : null,
        paused: r.paused,
        pausedDays: r.pausedDays,
        missingYear: null,
      };
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.CALENDAR_YEAR_NOT_LOADED) {
        return {
          dueDate: null,
          dueAt: null,
          paused: false,
          pausedDays: 0,
          missingYear: Number(e.details?.year ?? 0) || null,
        };
      }
      throw e;
    }
  }

  /** Moves the investigation report task's due date (null while paused); the workflow owns the timer. */
  async setTaskClock(input: {
    taskKey: string;
    dueAt: string | null;
    warnAt: string | null;
    needsManualDueDate: boolean;
    reason: string;
    actorId: string | null;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const task = await this.tasks.findByKey(input.taskKey, tx);
      // The task row is opened by a sibling activity scheduled just before; retry until it is there.
      if (!task) throw new Error(`task ${input.taskKey} not opened yet`);
      const before = task.dueAt?.toISOString() ?? null;
      if (
        before === input.dueAt &&
        task.needsManualDueDate === input.needsManualDueDate &&
        (task.warnAt?.toISOString() ?? null) === input.warnAt
      )
        return;
      await this.tasks.update(
        task.id,
        {
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          warnAt: input.warnAt ? new Date(input.warnAt) : null,
          escalation: 'NONE',
          needsManualDueDate: input.needsManualDueDate,
          ...(input.needsManualDueDate ? {} : { missingCalendarYear: null }),
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: task.id,
          actorId: input.actorId,
          action: 'TASK_DEADLINE_CHANGED',
          summary: { before, after: input.dueAt, reason: input.reason, needsManualDueDate: input.needsManualDueDate },
        },
        tx,
      );
    });
  }

  async recordTeam(input: { caseId: string; team: TeamProposal; actorId: string; requiredRoles: string[] }) {
    const checked = await this.preChecks.checkTeam(input.team, input.requiredRoles);
    if (!checked.team) return { ok: false, problems: checked.problems, members: [] };
    await this.uow.transaction(async (tx) => {
      const a = (await this.repo.findAccident(input.caseId, tx, true))!;
      if (a.teamLeadId === input.team.leadId && a.teamFormedAt) return;
      await this.repo.replaceTeam(input.caseId, checked.members, tx);
      await this.repo.updateAccident(
        input.caseId,
        {
          teamLeadId: input.team.leadId,
          procuratorateInvited: input.team.procuratorateInvited,
          teamFormedAt: new Date(),
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'INVESTIGATION_TEAM_FORMED',
          summary: {
            leadId: input.team.leadId,
            members: checked.members,
            procuratorateInvited: input.team.procuratorateInvited,
          },
        },
        tx,
      );
    });
    return { ok: true, problems: [], members: checked.members };
  }

  /** 补报 (条例 Art.13): regrade; where the grade moves the investigation to a higher level, move the case (Art.20). */
  async applyCasualtyRevision(input: {
    caseId: string;
    revisionKey: string;
    deaths: number;
    seriousInjuries: number;
    directLossYuan: number;
    reportedAt: string;
    receivedOn?: string;
    receiptAttachmentIds?: string[];
    actorId: string;
    reportSubmitted: boolean;
  }) {
    // Judged on the day the agency received it (条例 Art.13's window), not the day it is entered.
    const receivedOn = input.receivedOn ?? toLocalDate(new Date(input.reportedAt));
    const receiptAttachmentIds = input.receiptAttachmentIds ?? [];
    return this.uow.transaction(async (tx) => {
      const a = (await this.repo.findAccident(input.caseId, tx, true))!;
      const done = await this.repo.findRevision(input.revisionKey, tx);
      if (done) {
        return {
          previousGrade: done.previousGrade,
          grade: done.newGrade,
          investigatingLevel: a.investigatingLevel,
          departmentId: a.investigatingDepartmentId,
          movedUp: !!done.movedToDepartmentId,
        };
      }
      this.preChecks.assertSupplementaryWindow(a, receivedOn);
      const grade = gradeAccident({
        deaths: input.deaths,
        seriousInjuries: input.seriousInjuries,
        directLossYuan: input.directLossYuan,
      });
      const level = investigatingLevel(grade);
      let departmentId = a.investigatingDepartmentId;
      let exact = a.investigatingLevelExact;
      const mayMove =
        !input.reportSubmitted &&
        regradeMayMoveInvestigationUp({
          occurredOn: toLocalDate(a.occurredAt),
          changedOn: receivedOn,
          sector: a.sectorClass as AccidentSectorClass,
          previousGrade: a.grade as AccidentGrade,
          newGrade: grade,
        });
      if (mayMove) {
        const choice = chooseInvestigatingDepartment(
          await this.repo.departmentChain(a.investigatingDepartmentId, tx),
          level,
        );
        departmentId = choice.department.id;
        exact = choice.exact;
      }
      const movedUp = departmentId !== a.investigatingDepartmentId;
      await this.repo.insertRevision(
        {
          caseId: a.caseId,
          revisionKey: input.revisionKey,
          deaths: input.deaths,
          seriousInjuries: input.seriousInjuries,
          directLossYuan: input.directLossYuan,
          previousGrade: a.grade,
          newGrade: grade,
          movedFromDepartmentId: movedUp ? a.investigatingDepartmentId : null,
          movedToDepartmentId: movedUp ? departmentId : null,
          reportedBy: input.actorId,
          reportedAt: new Date(input.reportedAt),
          receivedOn,
          receiptAttachmentIds,
        },
        tx,
      );
      await this.repo.updateAccident(
        a.caseId,
        {
          deaths: input.deaths,
          seriousInjuries: input.seriousInjuries,
          directLossYuan: input.directLossYuan,
          grade,
          investigatingLevel: movedUp || !input.reportSubmitted ? level : a.investigatingLevel,
          investigatingDepartmentId: departmentId,
          investigatingLevelExact: exact,
        },
        tx,
      );
      await this.cases.patchData(a.caseId, { grade }, tx);
      await this.audit.record(
        {
          caseId: a.caseId,
          actorId: input.actorId,
          action: 'ACCIDENT_CASUALTIES_REVISED',
          summary: {
            before: {
              deaths: a.deaths,
              seriousInjuries: a.seriousInjuries,
              directLossYuan: a.directLossYuan,
              grade: a.grade,
            },
            after: {
              deaths: input.deaths,
              seriousInjuries: input.seriousInjuries,
              directLossYuan: input.directLossYuan,
              grade,
            },
            // The 补报's receipt: received when, entered when (the actor is the officer who entered it).
            receivedOn,
            enteredAt: input.reportedAt,
            receiptAttachmentIds,
          },
        },
        tx,
      );
      if (movedUp) {
        await this.cases.moveToDepartment(a.caseId, departmentId, tx);
        // Open steps of the old investigating department follow the case; members' own tasks stay where they are.
        await this.tasks.moveOpenTasks(a.caseId, a.investigatingDepartmentId, departmentId, tx);
        await this.audit.record(
          {
            caseId: a.caseId,
            actorId: input.actorId,
            action: 'INVESTIGATION_MOVED_UP',
            summary: { before: a.investigatingDepartmentId, after: departmentId, level, basis: '条例 Art.20' },
          },
          tx,
        );
      }
      return { previousGrade: a.grade, grade, investigatingLevel: level, departmentId, movedUp };
    });
  }

  /** On closure, members' findings steps that nobody needs any more are cancelled (audited). */
  async cancelOpenTasks(input: { caseId: string; reason: string; types: string[] }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const open = (await this.tasks.listForCase(input.caseId)).filter(
        (t) => input.types.includes(t.type) && (t.status === 'OPEN' || t.status === 'CLAIMED'),
      );
      for (const t of open) {
        if (await this.tasks.transition(t.id, ['OPEN', 'CLAIMED'], { status: 'CANCELLED' }, tx)) {
          await this.audit.record(
            {
              caseId: t.caseId,
              taskId: t.id,
              action: 'TASK_CANCELLED',
              summary: { type: t.type, before: t.status, after: 'CANCELLED', reason: input.reason },
            },
            tx,
          );
        }
      }
    });
  }

  async caseRow(caseId: string): Promise<CaseEntity | null> {
    return this.cases.findById(caseId);
  }
}
