import { Injectable } from '@nestjs/common';
import {
  AccidentGateService,
  AccidentInsightService,
  AccidentReportNotificationService,
  AccidentService,
  AccidentUpwardReportService,
  TaskService,
} from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import { AccidentRepository, PageRequest } from '@safety/persistence';
import { getAccidentStateQuery } from '@safety/temporal';
import { taskView } from '../tasks/task.view';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { maskAccidentDetail, unmaskedAccidentDetail } from './accident-privacy';
import type { NearMissBodyDto, NearMissListQueryDto } from './accident-insights.schemas';
import {
  accidentView,
  educationView,
  measureView,
  nearMissView,
  partyView,
  reportView,
  teamView,
} from './accident.views';

/** Accidents as the API shows them: lists, the (masked) detail, the 四不放过 gates, statistics and near misses. */
@Injectable()
export class AccidentQueries {
  constructor(
    private readonly accidents: AccidentService,
    private readonly gateService: AccidentGateService,
    private readonly insights: AccidentInsightService,
    private readonly repo: AccidentRepository,
    private readonly tasks: TaskService,
    private readonly answers: WorkflowAnswers,
    private readonly upward: AccidentUpwardReportService,
    private readonly notifications: AccidentReportNotificationService,
  ) {}

  async list(actor: Actor, query: PageRequest & { status?: string; grade?: string }) {
    const page = await this.accidents.list(actor, query);
    return { ...page, items: page.items.map((row) => accidentView(row.c, row.accident)) };
  }

  /**
   * Record, team, 补报 history, report, parties, measures, education, evaluation, listing, live
   * workflow state and steps: masked unless the unmasked view is asked for and allowed (audited).
   */
  async detail(actor: Actor, id: string, unmask: boolean, requestId?: string) {
    const found = await this.accidents.getVisible(actor, id);
    if (unmask) await this.accidents.authorizeUnmaskedRead(actor, found, requestId);
    const { c, accident } = found;
    const report = await this.repo.latestReport(id);
    const [
      team,
      revisions,
      parties,
      measures,
      education,
      evaluation,
      listing,
      tasks,
      upwardReports,
      reportNotifications,
    ] = await Promise.all([
      this.repo.listTeam(id),
      this.repo.listRevisions(id),
      report ? this.repo.listParties(id, report.version) : [],
      report ? this.repo.listMeasures(id, report.version) : [],
      this.repo.listEducation(id),
      this.repo.findEvaluation(id),
      this.repo.findListing(id),
      this.tasks.listForCase(id),
      this.upward.list(id),
      this.notifications.list(id),
    ]);
    const workflow = await this.answers.query(c.workflowId, getAccidentStateQuery);
    const detail = {
      ...accidentView(c, accident),
      team: team.map(teamView),
      casualtyRevisions: revisions.map((revision) => ({
        deaths: revision.deaths,
        seriousInjuries: revision.seriousInjuries,
        directLossYuan: revision.directLossYuan,
        previousGrade: revision.previousGrade,
        newGrade: revision.newGrade,
        movedToDepartmentId: revision.movedToDepartmentId,
        reportedBy: revision.reportedBy,
        reportedAt: revision.reportedAt.toISOString(),
        receivedOn: revision.receivedOn,
        receiptAttachmentIds: revision.receiptAttachmentIds,
      })),
      report: report ? reportView(report) : null,
      responsibleParties: parties.map(partyView),
      rectificationMeasures: measures.map(measureView),
      educationSessions: education.map(educationView),
      evaluation: evaluation
        ? {
            openedAt: evaluation.openedAt.toISOString(),
            completedAt: evaluation.completedAt?.toISOString() ?? null,
            teamIds: evaluation.teamIds,
            findings: evaluation.findings,
            slippedMeasureIds: evaluation.slippedMeasureIds,
            publishedAt: evaluation.publishedAt?.toISOString() ?? null,
          }
        : null,
      supervisedListing: listing
        ? {
            noticeNo: listing.noticeNo,
            listedOn: listing.listedOn,
            deadlineDays: listing.deadlineDays,
            listedByDepartmentId: listing.listedByDepartmentId,
            completedAt: listing.completedAt?.toISOString() ?? null,
          }
        : null,
      upwardReports,
      reportNotifications,
      workflow,
      tasks: tasks.map(taskView),
    };
    return unmask ? unmaskedAccidentDetail(detail) : maskAccidentDetail(detail);
  }

  /** 四不放过: the gates; a referred official's handling stays with the discipline body (only whether it came back). */
  async gates(actor: Actor, id: string) {
    await this.accidents.getVisible(actor, id);
    const gates = await this.gateService.gates(id);
    return {
      causesEstablished: gates.causesEstablished,
      responsiblePartiesHandled: gates.responsiblePartiesHandled,
      rectificationVerified: gates.rectificationVerified,
      educationRecorded: gates.educationRecorded,
      closable: gates.closable,
      missing: gates.missing,
      reportVersion: gates.reportVersion,
      parties: gates.parties.map((party) => {
        const shown = {
          id: party.id,
          seq: party.seq,
          kind: party.kind,
          proposedHandling: party.proposedHandling,
          handled: party.outcome !== 'PENDING',
        };
        return party.kind === 'PUBLIC_OFFICIAL'
          ? shown
          : { ...shown, outcome: party.outcome, linkedCase: party.linkedCase };
      }),
      reportingConsequences: gates.reportingConsequences.map((x) => ({
        id: x.id,
        flag: x.flag,
        target: x.target,
        handled: x.handled,
        ...(x.target === 'OFFICIAL' ? {} : { linkedCase: x.linkedCase }),
      })),
    };
  }

  statistics(actor: Actor, query: { from: string; to: string; groupBy: 'grade' | 'sector' | 'region' }) {
    return this.insights.statistics(actor, { ...query, from: new Date(query.from), to: new Date(query.to) });
  }

  async recordNearMiss(actor: Actor, body: NearMissBodyDto, requestId?: string) {
    return nearMissView(
      await this.insights.recordNearMiss(actor, { ...body, occurredAt: new Date(body.occurredAt) }, requestId),
    );
  }

  async nearMisses(actor: Actor, query: NearMissListQueryDto) {
    const page = await this.insights.listNearMisses(actor, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { ...page, items: page.items.map(nearMissView) };
  }

  nearMissAnalysis(actor: Actor, query: { from: string; to: string }) {
    return this.insights.nearMissAnalysis(actor, { from: new Date(query.from), to: new Date(query.to) });
  }
}
