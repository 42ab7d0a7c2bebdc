import { Injectable } from '@nestjs/common';
import {
  AccidentGrade,
  chooseInvestigatingDepartment,
  gradeAccident,
  investigationDeadline,
  investigatingLevel,
  InvestigationReportProposal,
  regradeMayMoveInvestigationUp,
  TeamProposal,
  AccidentSectorClass,
} from '@safety/domain/accident';
import { endOfLocalDay, toLocalDate } from '@safety/domain/calendar/local-date';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, CaseEntity, CaseRepository, TaskRepository, UnitOfWork } from '@safety/persistence';
import type {
  AccidentClockAnswer,
  AccidentActivities,
  LinkedCaseAnswer,
  SavedReport,
} from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { CalendarService } from '../calendar.service';
import { CaseService } from '../case.service';
import { AccidentService } from './accident.service';

/**
 * The writes the accident workflow makes through its activities. Every method is idempotent: a
 * retried activity finds its own earlier write (keys: case + version/seq, revision key, workflow id).
 */
@Injectable()
export class AccidentWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly cases: CaseRepository,
    private readonly tasks: TaskRepository,
    private readonly caseService: CaseService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
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
    const checked = await this.accidents.checkTeam(input.team, input.requiredRoles);
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
      this.accidents.assertSupplementaryWindow(a, receivedOn);
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

  async saveReport(input: {
    caseId: string;
    version: number;
    report: InvestigationReportProposal;
    submittedBy: string;
    submittedAt: string;
  }): Promise<SavedReport> {
    return this.uow.transaction(async (tx) => {
      const existing = await this.repo.findReport(input.caseId, input.version, tx);
      if (!existing) {
        const r = input.report;
        await this.repo.insertReport(
          {
            caseId: input.caseId,
            version: input.version,
            status: 'SUBMITTED',
            directCauses: r.directCauses,
            indirectCauses: r.indirectCauses,
            summary: r.summary,
            educationMeasures: r.educationMeasures,
            findsNoResponsibleParty: r.findsNoResponsibleParty,
            submittedBy: input.submittedBy,
            submittedAt: new Date(input.submittedAt),
          },
          tx,
        );
        for (const [i, p] of r.responsibleParties.entries()) {
          await this.repo.insertParty(
            {
              caseId: input.caseId,
              reportVersion: input.version,
              seq: i + 1,
              kind: p.kind,
              name: p.name,
              enterpriseId: p.enterpriseId,
              organisation: p.organisation,
              position: p.position,
              idNumber: p.idNumber,
              responsibility: p.responsibility,
              proposedHandling: p.proposedHandling,
              handlingDetail: p.handlingDetail,
              outcome: 'PENDING',
              outcomeDetail: {},
            },
            tx,
          );
        }
        for (const [i, x] of r.rectificationMeasures.entries()) {
          await this.repo.insertMeasure(
            {
              caseId: input.caseId,
              reportVersion: input.version,
              seq: i + 1,
              description: x.description,
              owner: x.owner,
              dueDate: x.dueDate,
              status: 'OPEN',
              round: 1,
              evidence: {},
            },
            tx,
          );
        }
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.submittedBy,
            action: 'INVESTIGATION_REPORT_SUBMITTED',
            summary: {
              version: input.version,
              parties: r.responsibleParties.length,
              measures: r.rectificationMeasures.length,
              findsNoResponsibleParty: r.findsNoResponsibleParty,
            },
          },
          tx,
        );
      }
      const parties = await this.repo.listParties(input.caseId, input.version, tx);
      const measures = await this.repo.listMeasures(input.caseId, input.version, tx);
      return {
        parties: parties.map((p) => ({
          id: p.id,
          seq: p.seq,
          kind: p.kind,
          proposedHandling: p.proposedHandling,
          name: p.name,
          enterpriseId: p.enterpriseId,
          responsibility: p.responsibility,
          handlingDetail: p.handlingDetail,
        })),
        measures: measures.map((x) => ({ id: x.id, seq: x.seq, dueDate: x.dueDate })),
      };
    });
  }

  /** 批复 (条例 Art.32). On approval the report is published (条例 Art.34, 安全生产法 Art.86). */
  async decideReport(input: {
    caseId: string;
    version: number;
    decision: 'APPROVE' | 'RETURN';
    actorId: string;
    comment: string | null;
    decidedAt: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const r = await this.repo.findReport(input.caseId, input.version, tx);
      if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `report v${input.version} not found`);
      if (r.status !== 'SUBMITTED') return;
      const at = new Date(input.decidedAt);
      const status = input.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED';
      await this.repo.updateReport(
        r.id,
        {
          status,
          decidedBy: input.actorId,
          decidedAt: at,
          decisionComment: input.comment,
          publishedAt: status === 'APPROVED' ? at : null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: status === 'APPROVED' ? 'INVESTIGATION_REPORT_APPROVED' : 'INVESTIGATION_REPORT_RETURNED',
          summary: { version: input.version, comment: input.comment, before: 'SUBMITTED', after: status },
        },
        tx,
      );
      if (status === 'APPROVED')
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'INVESTIGATION_REPORT_PUBLISHED',
            summary: { version: input.version },
          },
          tx,
        );
    });
  }

  /**
   * Case row of an automatic penalty case or criminal transfer for a responsible party, linked both
   * ways. The database numbers its workflow id (one scheme with the API's own openings, idempotent
   * by link key); older histories chose the id themselves.
   */
  async openLinkedCase(input: Parameters<AccidentActivities['accidentOpenLinkedCase']>[0]): Promise<LinkedCaseAnswer> {
    const { c } = await this.accidents.getCase(input.caseId);
    const party = await this.repo.findParty(input.partyId);
    if (!party) throw new DomainError(ErrorCode.NOT_FOUND, `party ${input.partyId} not found`);
    const opening = {
      caseType: input.kind,
      title: `${input.kind === 'PENALTY' ? '事故责任行政处罚' : '事故涉嫌犯罪移送'}：${party.name}`.slice(0, 200),
      departmentId: c.departmentId,
      enterpriseId: party.enterpriseId,
      createdBy: input.actorId,
      handlerIds: [],
      sourceCaseId: input.caseId,
      data: { origin: 'ACCIDENT', partyId: party.id },
    };
    const linked =
      input.workflowId === undefined
        ? await this.caseService.openLinked({ ...opening, linkKey: input.linkKey })
        : await this.caseService.createLinked({ ...opening, workflowId: input.workflowId }).then((row) => ({
            caseId: row.id,
            workflowId: row.workflowId,
            openedAt: row.createdAt.toISOString(),
          }));
    if (party.linkedCaseId !== linked.caseId) {
      await this.uow.transaction(async (tx) => {
        await this.repo.updateParty(party.id, { linkedCaseId: linked.caseId }, tx);
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'ACCOUNTABILITY_CASE_OPENED',
            summary: { partyId: party.id, linkedCaseId: linked.caseId, caseType: input.kind },
          },
          tx,
        );
      });
    }
    return {
      caseId: linked.caseId,
      workflowId: linked.workflowId,
      departmentId: c.departmentId,
      enterpriseId: party.enterpriseId,
      openedAt: linked.openedAt,
    };
  }

  async recordPartyOutcome(input: {
    partyId: string;
    outcome: string;
    detail: Record<string, unknown>;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const p = await this.repo.findParty(input.partyId, tx);
      if (!p) throw new DomainError(ErrorCode.NOT_FOUND, `party ${input.partyId} not found`);
      if (p.outcome === input.outcome) return;
      await this.repo.updateParty(
        p.id,
        { outcome: input.outcome, outcomeDetail: input.detail as never, outcomeRecordedAt: new Date() },
        tx,
      );
      // The outcome of a referred official stays with the discipline body and the sender: the case record only notes that it came back.
      const official = p.kind === 'PUBLIC_OFFICIAL';
      await this.audit.record(
        {
          caseId: p.caseId,
          actorId: (input.detail.actorId as string | undefined) ?? null,
          action: 'RESPONSIBLE_PARTY_HANDLED',
          summary: official
            ? { partyId: p.id, handled: true }
            : { partyId: p.id, before: p.outcome, after: input.outcome, detail: input.detail },
        },
        tx,
      );
    });
  }

  async recordMeasureEvidence(input: {
    measureId: string;
    round: number;
    evidence: Record<string, unknown>;
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const x = await this.repo.findMeasure(input.measureId, tx);
      if (!x) throw new DomainError(ErrorCode.NOT_FOUND, `measure ${input.measureId} not found`);
      if (
        x.round === input.round &&
        x.status === 'EVIDENCE_SUBMITTED' &&
        x.evidenceBy === input.actorId &&
        x.evidenceAt?.toISOString() === input.at
      )
        return;
      await this.repo.updateMeasure(
        x.id,
        {
          status: 'EVIDENCE_SUBMITTED',
          evidence: input.evidence as never,
          evidenceBy: input.actorId,
          evidenceAt: new Date(input.at),
          verifiedAt: null,
          verifiedBy: null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: x.caseId,
          actorId: input.actorId,
          action: 'RECTIFICATION_EVIDENCE_SUBMITTED',
          summary: {
            measureId: x.id,
            seq: x.seq,
            round: input.round,
            before: x.status,
            after: 'EVIDENCE_SUBMITTED',
            evidence: input.evidence,
          },
        },
        tx,
      );
    });
  }

  async recordMeasureVerification(input: {
    measureId: string;
    round: number;
    verified: boolean;
    comment: string | null;
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const x = await this.repo.findMeasure(input.measureId, tx);
      if (!x) throw new DomainError(ErrorCode.NOT_FOUND, `measure ${input.measureId} not found`);
      const after = input.verified ? 'VERIFIED' : 'OPEN';
      if (x.status === after && (input.verified ? x.verifiedBy === input.actorId : x.evidenceBy === null)) return;
      await this.repo.updateMeasure(
        x.id,
        input.verified
          ? { status: 'VERIFIED', verifiedBy: input.actorId, verifiedAt: new Date(input.at) }
          : { status: 'OPEN', evidenceBy: null, evidenceAt: null },
        tx,
      );
      await this.audit.record(
        {
          caseId: x.caseId,
          actorId: input.actorId,
          action: input.verified ? 'RECTIFICATION_VERIFIED' : 'RECTIFICATION_REJECTED',
          summary: { measureId: x.id, seq: x.seq, round: input.round, before: x.status, after, comment: input.comment },
        },
        tx,
      );
    });
  }

  async openEvaluation(input: { caseId: string; openedAt: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (await this.repo.findEvaluation(input.caseId, tx)) return;
      await this.repo.insertEvaluation(
        { caseId: input.caseId, openedAt: new Date(input.openedAt), teamIds: [], slippedMeasureIds: [] },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          action: 'ONE_YEAR_EVALUATION_OPENED',
          summary: { openedAt: input.openedAt, basis: '安全生产法 Art.86; 安委办〔2021〕4号' },
        },
        tx,
      );
    });
  }

  /** Records and publishes the evaluation; 回头看: measures found to have slipped are reopened. */
  async recordEvaluation(input: {
    caseId: string;
    teamIds: string[];
    findings: string;
    slippedMeasureIds: string[];
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const ev = await this.repo.findEvaluation(input.caseId, tx);
      if (!ev) throw new DomainError(ErrorCode.NOT_FOUND, 'the evaluation is not open');
      if (ev.completedAt) return;
      const at = new Date(input.at);
      await this.repo.updateEvaluation(
        input.caseId,
        {
          completedAt: at,
          completedBy: input.actorId,
          teamIds: input.teamIds,
          findings: input.findings,
          slippedMeasureIds: input.slippedMeasureIds,
          publishedAt: at,
        },
        tx,
      );
      for (const id of input.slippedMeasureIds) {
        const x = await this.repo.findMeasure(id, tx, input.caseId);
        if (!x) continue;
        await this.repo.updateMeasure(
          id,
          {
            status: 'REOPENED',
            round: x.round + 1,
            verifiedAt: null,
            verifiedBy: null,
            evidenceBy: null,
            evidenceAt: null,
          },
          tx,
        );
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'RECTIFICATION_REOPENED',
            summary: { measureId: id, seq: x.seq, before: x.status, after: 'REOPENED', round: x.round + 1 },
          },
          tx,
        );
      }
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'ONE_YEAR_EVALUATION_PUBLISHED',
          summary: { teamIds: input.teamIds, slippedMeasures: input.slippedMeasureIds.length },
        },
        tx,
      );
    });
  }

  async recordListing(input: {
    caseId: string;
    listedBy: string;
    listedByDepartmentId: string;
    noticeNo: string;
    listedOn: string;
    deadlineDays: number;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (await this.repo.findListing(input.caseId, tx)) return;
      await this.repo.insertListing({ ...input }, tx);
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.listedBy,
          action: 'SUPERVISED_LISTING_RECEIVED',
          summary: {
            noticeNo: input.noticeNo,
            listedOn: input.listedOn,
            deadlineDays: input.deadlineDays,
            listedByDepartmentId: input.listedByDepartmentId,
          },
        },
        tx,
      );
    });
  }

  async completeListing(input: { caseId: string; at: string; actorId: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const l = await this.repo.findListing(input.caseId, tx);
      if (!l || l.completedAt) return;
      await this.repo.updateListing(input.caseId, { completedAt: new Date(input.at) }, tx);
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'SUPERVISED_LISTING_COMPLETED',
          summary: { noticeNo: l.noticeNo },
        },
        tx,
      );
    });
  }

  /** At closure: the gates, with every outcome read from a linked case or referral written to the party's record. */
  async evaluateGates(caseId: string): Promise<{ closable: boolean; missing: string[] }> {
    const g = await this.accidents.gates(caseId);
    for (const p of g.parties) {
      if (p.recordedOutcome === 'PENDING' && p.outcome !== 'PENDING') {
        await this.recordPartyOutcome({
          partyId: p.id,
          outcome: p.outcome,
          detail: {
            source: p.linkedCase ? { caseId: p.linkedCase.id, status: p.linkedCase.status } : 'DISCIPLINE_REFERRAL',
          },
        });
      }
    }
    return { closable: g.closable, missing: g.missing };
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
