import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { AccidentService, TaskService } from '@safety/application';
import { workflowPolicyOf } from '@safety/domain/accident/policy';
import { toReportProposal } from '@safety/domain/accident/proposals';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AccidentRepository } from '@safety/persistence';
import {
  AccidentCaseInput,
  AccidentTaskType,
  appraisalUpdate,
  closeAccidentUpdate,
  extendInvestigationUpdate,
  getAccidentStateQuery,
  reviseCasualtiesUpdate,
  superviseListingUpdate,
} from '@safety/temporal';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { taskView } from '../tasks/task.view';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import {
  AccidentDetailQuery,
  AccidentListQuery,
  AppraisalDto,
  ApprovalDto,
  CasualtyUpdateDto,
  CloseAccidentDto,
  CreateAccidentDto,
  EducationSessionDto,
  ExtensionDto,
  FormTeamDto,
  InvestigationReportDto,
  ReportingFlagDto,
  SupervisedListingDto,
} from './accident.dto';
import { taskActor } from '../tasks/task.gateway';
import { maskAccidentDetail, unmaskedAccidentDetail } from './accident-privacy';
import { AccidentSteps as Steps } from './accident-steps';
import { accidentView, educationView, measureView, partyView, reportView, teamView } from './accident.views';

const {
  ENFORCEMENT_OFFICER: OFFICER,
  AGENCY_HEAD: HEAD,
  INVESTIGATION_MEMBER: MEMBER,
  DEPARTMENT_ADMIN: ADMIN,
  SYSTEM_ADMIN: SYSADMIN,
  DISCIPLINE_BODY: DISCIPLINE,
} = Role;

/** 生产安全事故报告和调查处理 (国务院令第493号) over HTTP; the workflow gives the final verdict on every step. */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentsController {
  constructor(
    private readonly accidents: AccidentService,
    private readonly repo: AccidentRepository,
    private readonly tasks: TaskService,
    private readonly steps: Steps,
    private readonly starter: WorkflowStarter,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post()
  @Roles(OFFICER, HEAD)
  @ApiOperation({
    summary:
      '事故报告: grade (条例 Art.3), investigating level (Art.19), 迟报 check (Art.9); the case goes to the department at that level',
  })
  async report(@CurrentActor() actor: Actor, @Body() dto: CreateAccidentDto, @RequestId() requestId?: string) {
    const { c, accident } = await this.accidents.report(
      actor,
      {
        title: dto.title,
        occurredAt: new Date(dto.occurredAt),
        unitNotifiedAt: dto.unitNotifiedAt ? new Date(dto.unitNotifiedAt) : null,
        reportedAt: dto.reportedAt ? new Date(dto.reportedAt) : null,
        place: dto.place,
        summary: dto.summary,
        enterpriseId: dto.enterpriseId ?? null,
        sectorCode: dto.sectorCode,
        regionId: dto.regionId ?? null,
        deaths: dto.deaths,
        seriousInjuries: dto.seriousInjuries,
        directLossYuan: dto.directLossYuan,
        flags: dto.flags,
      },
      requestId,
    );
    const p = this.accidents.policy;
    const input: AccidentCaseInput = {
      caseId: c.id,
      departmentId: c.departmentId,
      reportingDepartmentId: accident.reportingDepartmentId,
      createdBy: actor.userId,
      occurredAt: accident.occurredAt.toISOString(),
      grade: accident.grade as AccidentCaseInput['grade'],
      policy: workflowPolicyOf(p),
    };
    await this.starter.start(c, 'accidentWorkflow', input, actor.userId);
    return accidentView(c, accident);
  }

  @Get()
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @ApiOperation({
    summary:
      'Accidents investigated or reported by your department (and the levels below for supervisors), newest first',
  })
  async list(@CurrentActor() actor: Actor, @Query() q: AccidentListQuery) {
    const page = await this.accidents.list(actor, q);
    return { ...page, items: page.items.map((x) => accidentView(x.c, x.accident)) };
  }

  @Get(':id')
  @Roles(OFFICER, HEAD, MEMBER, DISCIPLINE, ADMIN, SYSADMIN)
  @ApiOperation({
    summary:
      'One accident: record, team, 补报 history, report, parties, measures, education, live workflow state and steps. Personal data masked unless ?unmask=true (head of the investigating department or team lead; audited)',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: AccidentDetailQuery,
    @RequestId() requestId?: string,
  ) {
    const found = await this.accidents.getVisible(actor, id);
    const unmasked = q.unmask === 'true';
    if (unmasked) await this.accidents.authorizeUnmaskedRead(actor, found, requestId);
    const { c, accident } = found;
    const report = await this.repo.latestReport(id);
    const [team, revisions, parties, measures, education, evaluation, listing, tasks] = await Promise.all([
      this.repo.listTeam(id),
      this.repo.listRevisions(id),
      report ? this.repo.listParties(id, report.version) : [],
      report ? this.repo.listMeasures(id, report.version) : [],
      this.repo.listEducation(id),
      this.repo.findEvaluation(id),
      this.repo.findListing(id),
      this.tasks.listForCase(id),
    ]);
    const workflow = await this.temporal.workflow.getHandle(c.workflowId).query(getAccidentStateQuery);
    const detail = {
      ...accidentView(c, accident),
      team: team.map(teamView),
      casualtyRevisions: revisions.map((r) => ({
        deaths: r.deaths,
        seriousInjuries: r.seriousInjuries,
        directLossYuan: r.directLossYuan,
        previousGrade: r.previousGrade,
        newGrade: r.newGrade,
        movedToDepartmentId: r.movedToDepartmentId,
        reportedBy: r.reportedBy,
        reportedAt: r.reportedAt.toISOString(),
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
      workflow,
      tasks: tasks.map(taskView),
    };
    return unmasked ? unmaskedAccidentDetail(detail) : maskAccidentDetail(detail);
  }

  @Post(':id/reporting-flags')
  @Roles(OFFICER, HEAD)
  @ApiOperation({ summary: 'Record 漏报 / 谎报 / 瞒报 (条例 Art.36); 409 if already recorded' })
  async flag(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReportingFlagDto,
    @RequestId() requestId?: string,
  ) {
    const a = await this.accidents.setReportingFlag(actor, id, dto.flag, dto.reason, requestId);
    return { id, reportingFlags: a.reportingFlags };
  }

  @Post(':id/casualty-updates')
  @HttpCode(200)
  @Roles(OFFICER, HEAD)
  @ApiOperation({
    summary:
      '补报 within 30 days (road traffic and fire: 7) of the accident (条例 Art.13): regrades, and may move the investigation up (Art.20); later → 422 DEADLINE_PASSED',
  })
  async revise(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CasualtyUpdateDto) {
    const { c, accident } = await this.accidents.getVisible(actor, id);
    if (![c.departmentId, accident.reportingDepartmentId].includes(actor.departmentId)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'only the reporting or investigating department files a 补报',
      );
    }
    const reportedAt = new Date();
    this.accidents.assertSupplementaryWindow(accident, reportedAt);
    this.accidents.preview({
      deaths: dto.deaths,
      seriousInjuries: dto.seriousInjuries,
      directLossYuan: dto.directLossYuan ?? accident.directLossYuan,
    });
    return this.temporal.workflow.getHandle(c.workflowId).executeUpdate(reviseCasualtiesUpdate, {
      args: [
        {
          actor: taskActor(actor),
          revisionKey: randomUUID(),
          deaths: dto.deaths,
          seriousInjuries: dto.seriousInjuries,
          directLossYuan: dto.directLossYuan ?? accident.directLossYuan,
          reportedAt: reportedAt.toISOString(),
        },
      ],
    });
  }

  @Post(':id/team')
  @HttpCode(200)
  @Roles(HEAD)
  @ApiOperation({
    summary:
      '组建事故调查组 (条例 Art.22): lead + members (INVESTIGATION_MEMBER; DISCIPLINE members from the discipline body), police, trade union; procuratorate invited',
  })
  async team(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FormTeamDto,
    @RequestId() requestId?: string,
  ) {
    await this.accidents.assertInvestigatingDepartment(actor, id, [HEAD]);
    const task = await this.accidents.openTask(id, AccidentTaskType.TEAM_FORMATION);
    const team = this.steps.payloadOf(AccidentSteps.TEAM_FORMATION, 'FORM', dto);
    const checked = await this.accidents.checkTeam(team, this.accidents.policy.teamRequiredRoles);
    if (!checked.team)
      throw new DomainError(ErrorCode.RULE_VIOLATION, checked.problems.join('; '), { problems: checked.problems });
    return this.steps.complete(actor, task, 'FORM', team, { requestId });
  }

  @Post(':id/appraisals/start')
  @HttpCode(200)
  @Roles(HEAD, MEMBER)
  @ApiOperation({ summary: 'A technical appraisal starts: the investigation clock stops (条例 Art.27)' })
  async appraisalStart(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AppraisalDto,
  ) {
    const { c } = await this.accidents.getVisible(actor, id);
    return this.temporal.workflow.getHandle(c.workflowId).executeUpdate(appraisalUpdate, {
      args: [{ actor: taskActor(actor), action: 'START', on: dto.on, reason: dto.reason }],
    });
  }

  @Post(':id/appraisals/end')
  @HttpCode(200)
  @Roles(HEAD, MEMBER)
  @ApiOperation({
    summary: 'The technical appraisal ends: the clock runs again, its due date moved by the paused days',
  })
  async appraisalEnd(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AppraisalDto) {
    const { c } = await this.accidents.getVisible(actor, id);
    return this.temporal.workflow.getHandle(c.workflowId).executeUpdate(appraisalUpdate, {
      args: [{ actor: taskActor(actor), action: 'END', on: dto.on, reason: dto.reason }],
    });
  }

  @Post(':id/investigation/extension')
  @HttpCode(200)
  @Roles(HEAD)
  @ApiOperation({ summary: 'Approve the one extension of ≤ 60 days (条例 Art.29); the due date and its timer move' })
  async extend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtensionDto) {
    const { c } = await this.accidents.assertInvestigatingDepartment(actor, id, [HEAD]);
    return this.temporal.workflow.getHandle(c.workflowId).executeUpdate(extendInvestigationUpdate, {
      args: [{ actor: taskActor(actor), days: dto.days, reason: dto.reason }],
    });
  }

  @Post(':id/supervised-listing')
  @HttpCode(200)
  @Roles(HEAD)
  @ApiOperation({
    summary:
      '挂牌督办 by a higher level: its own deadline (UNVERIFIED default 60 days) and periodic progress-report tasks',
  })
  async supervisedListing(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SupervisedListingDto,
  ) {
    const { c } = await this.accidents.getVisible(actor, id);
    if (actor.departmentId === c.departmentId || !actor.visibleDepartmentIds.includes(c.departmentId)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'only a level above the investigating department lists the case for supervision',
      );
    }
    return this.temporal.workflow.getHandle(c.workflowId).executeUpdate(superviseListingUpdate, {
      args: [{ actor: taskActor(actor), noticeNo: dto.noticeNo, deadlineDays: dto.deadlineDays }],
    });
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles(MEMBER, HEAD)
  @ApiOperation({
    summary:
      'The team lead submits the investigation report: causes, responsible parties with proposed handling, rectification and education measures',
  })
  async submitReport(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InvestigationReportDto,
    @RequestId() requestId?: string,
  ) {
    await this.accidents.getVisible(actor, id);
    const task = await this.accidents.openTask(id, AccidentTaskType.INVESTIGATION_REPORT);
    const report = this.steps.payloadOf(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', dto);
    await this.accidents.checkReport(id, toReportProposal(report));
    return this.steps.complete(actor, task, 'SUBMIT', report, { requestId });
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles(HEAD)
  @ApiOperation({
    summary:
      '批复 (条例 Art.32): APPROVE publishes the report and, in the same step, opens penalty cases, discipline referrals and criminal transfers; RETURN sends it back',
  })
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApprovalDto,
    @RequestId() requestId?: string,
  ) {
    await this.accidents.assertInvestigatingDepartment(actor, id, [HEAD]);
    const task = await this.accidents.openTask(id, AccidentTaskType.REPORT_APPROVAL);
    const { decision, ...payload } = dto;
    return this.steps.complete(actor, task, decision, payload, { requestId });
  }

  @Post(':id/education-sessions')
  @Roles(OFFICER, HEAD)
  @ApiOperation({ summary: '警示教育: a session with its attendees (四不放过: 有关人员未受到教育不放过)' })
  async education(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EducationSessionDto,
    @RequestId() requestId?: string,
  ) {
    return educationView(await this.accidents.recordEducation(actor, id, dto, requestId));
  }

  @Get(':id/gates')
  @Roles(OFFICER, HEAD, MEMBER, ADMIN, SYSADMIN)
  @ApiOperation({ summary: '四不放过: the four closure gates and what is still missing' })
  async gates(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.accidents.getVisible(actor, id);
    const g = await this.accidents.gates(id);
    return {
      causesEstablished: g.causesEstablished,
      responsiblePartiesHandled: g.responsiblePartiesHandled,
      rectificationVerified: g.rectificationVerified,
      educationRecorded: g.educationRecorded,
      closable: g.closable,
      missing: g.missing,
      reportVersion: g.reportVersion,
      parties: g.parties.map((p) =>
        p.kind === 'PUBLIC_OFFICIAL'
          ? {
              id: p.id,
              seq: p.seq,
              kind: p.kind,
              proposedHandling: p.proposedHandling,
              handled: p.outcome !== 'PENDING',
            }
          : {
              id: p.id,
              seq: p.seq,
              kind: p.kind,
              proposedHandling: p.proposedHandling,
              handled: p.outcome !== 'PENDING',
              outcome: p.outcome,
              linkedCase: p.linkedCase,
            },
      ),
    };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(HEAD)
  @ApiOperation({ summary: 'Close the case; 422 RULE_VIOLATION with details.missing while any 四不放过 gate is open' })
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseAccidentDto,
    @RequestId() requestId?: string,
  ) {
    const { c } = await this.accidents.assertInvestigatingDepartment(actor, id, [HEAD]);
    const g = await this.accidents.gates(id);
    if (!g.closable)
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `四不放过: the case cannot close while gates are open: ${g.missing.join(', ')}`,
        { missing: g.missing },
      );
    return this.temporal.workflow
      .getHandle(c.workflowId)
      .executeUpdate(closeAccidentUpdate, { args: [{ actor: taskActor(actor), comment: dto.comment, requestId }] });
  }
}
