import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  AccidentGateService,
  AccidentIntakeService,
  AccidentPreCheckService,
  AccidentReportingViolationService,
  AccidentService,
  CaseEvidenceService,
} from '@safety/application';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { workflowPolicyOf } from '@safety/domain/accident/policy';
import { toReportProposal } from '@safety/domain/accident/proposals';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import {
  AccidentCaseInput,
  AccidentTaskType,
  appraisalUpdate,
  closeAccidentUpdate,
  extendInvestigationUpdate,
  openReportingConsequencesUpdate,
  ReportingViolation,
  reviseCasualtiesUpdate,
  skipLevelReportUpdate,
  superviseListingUpdate,
} from '@safety/temporal';
import type { TeamFormationPayload, InvestigationReportPayload } from '@safety/temporal/steps/accident.steps';
import { taskActor, TaskGateway } from '../tasks/task.gateway';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import type {
  AppraisalDto,
  ApprovalDto,
  CasualtyUpdateDto,
  CloseAccidentDto,
  CreateAccidentDto,
  EducationSessionDto,
  ExtensionDto,
  ReportingFlagDto,
  SkipLevelReportDto,
  SupervisedListingDto,
} from './accident.schemas';
import { accidentView, educationView } from './accident.views';

/**
 * The accident case's actions on their way to its workflow: the API's pre-checks against the records
 * (jurisdiction, 补报 window, team members, report references, 四不放过 gates), then the step or the
 * message; the workflow gives the final verdict on each.
 */
@Injectable()
export class AccidentWorkflowGateway {
  constructor(
    private readonly accidents: AccidentService,
    private readonly intake: AccidentIntakeService,
    private readonly preChecks: AccidentPreCheckService,
    private readonly gateService: AccidentGateService,
    private readonly evidence: CaseEvidenceService,
    private readonly tasks: TaskGateway,
    private readonly starter: WorkflowStarter,
    private readonly answers: WorkflowAnswers,
    private readonly violations: AccidentReportingViolationService,
  ) {}

  /** 事故报告: the case and accident rows (graded, the investigating department chosen), then its workflow. */
  async report(actor: Actor, body: CreateAccidentDto, requestId?: string) {
    const { c, accident } = await this.intake.report(
      actor,
      {
        ...body,
        occurredAt: new Date(body.occurredAt),
        unitNotifiedAt: body.unitNotifiedAt ? new Date(body.unitNotifiedAt) : null,
        reportedAt: body.reportedAt ? new Date(body.reportedAt) : null,
        enterpriseId: body.enterpriseId ?? null,
        regionId: body.regionId ?? null,
      },
      requestId,
    );
    const input: AccidentCaseInput = {
      caseId: c.id,
      departmentId: c.departmentId,
      reportingDepartmentId: accident.reportingDepartmentId,
      createdBy: actor.userId,
      occurredAt: accident.occurredAt.toISOString(),
      grade: accident.grade as AccidentCaseInput['grade'],
      policy: workflowPolicyOf(this.accidents.policy),
      enterpriseId: accident.enterpriseId,
      reportingFlags: accident.reportingFlags as ReportingViolation[],
    };
    await this.starter.start(c, 'accidentWorkflow', input, actor.userId);
    return accidentView(c, accident);
  }

  /**
   * 漏报/谎报/瞒报 (条例 Art.36): the flag is recorded, then the workflow opens its consequences (penalty
   * cases, referrals of the officials named) and answers with them.
   *
   * A repeat of the flag is the retry of this whole request: the flag stays recorded once and whatever a
   * first attempt left unopened (Temporal unreachable after the flag was saved) opens now. The Update's
   * id names the flag, so a retry attaches to the Update a first attempt delivered, and the link keys keep
   * every consequence single on both paths.
   */
  async flag(actor: Actor, caseId: string, body: ReportingFlagDto, requestId?: string) {
    const accident = await this.accidents.setReportingFlag(actor, caseId, body.flag, body.reason, requestId);
    const { c } = await this.accidents.getCase(caseId);
    // The workflow runs until the one-year evaluation is done; after that the consequences open here.
    if (!(await this.answers.isRunning(c.workflowId))) {
      const { opened, starts } = await this.violations.openAfterWorkflowEnded({
        caseId,
        flag: body.flag,
        officials: body.officials ?? [],
        actorId: actor.userId,
        requestId,
      });
      for (const start of starts) await this.answers.startOnce(start.workflowType, start.workflowId, start.input);
      return { id: caseId, reportingFlags: accident.reportingFlags, consequences: opened };
    }
    const consequences = await this.answers.update(
      c.workflowId,
      openReportingConsequencesUpdate,
      { actor: taskActor(actor), flag: body.flag, officials: body.officials, requestId },
      `${openReportingConsequencesUpdate.name}:${body.flag}`,
    );
    return { id: caseId, reportingFlags: accident.reportingFlags, consequences };
  }

  /** 越级上报 (条例 Art.10 para.2): the workflow checks the chain, the level and who holds the report. */
  async skipLevel(actor: Actor, caseId: string, body: SkipLevelReportDto) {
    const { c } = await this.accidents.getVisible(actor, caseId);
    return this.message(c.workflowId, skipLevelReportUpdate, { actor: taskActor(actor), ...body });
  }

  /** 补报 (条例 Art.13): filed by the reporting or investigating department inside the window. */
  async reviseCasualties(actor: Actor, caseId: string, body: CasualtyUpdateDto) {
    const { c, accident } = await this.accidents.getVisible(actor, caseId);
    if (![c.departmentId, accident.reportingDepartmentId].includes(actor.departmentId)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'only the reporting or investigating department files a 补报',
      );
    }
    // Judged on the day the agency received it (the received-on rule), which may be before the day it is entered.
    const reportedAt = new Date();
    const today = toLocalDate(reportedAt);
    const receivedOn = body.receivedOn ?? today;
    this.preChecks.assertReceivedOn(accident, { receivedOn, today, receiptAttachmentIds: body.receiptAttachmentIds });
    this.preChecks.assertSupplementaryWindow(accident, receivedOn);
    await this.evidence.assertCitedAttachmentsBelong(caseId, body);
    const figures = {
      deaths: body.deaths,
      seriousInjuries: body.seriousInjuries,
      directLossYuan: body.directLossYuan ?? accident.directLossYuan,
    };
    this.intake.preview(figures);
    return this.message(c.workflowId, reviseCasualtiesUpdate, {
      actor: taskActor(actor),
      revisionKey: randomUUID(),
      ...figures,
      reportedAt: reportedAt.toISOString(),
      receivedOn: body.receivedOn,
      receiptAttachmentIds: body.receiptAttachmentIds,
    });
  }

  /** 组建事故调查组 (条例 Art.22): the team against the directory and the policy, then the step. */
  async formTeam(actor: Actor, caseId: string, team: TeamFormationPayload, requestId?: string) {
    await this.accidents.assertInvestigatingDepartment(actor, caseId, [Role.AGENCY_HEAD]);
    const task = await this.accidents.openTask(caseId, AccidentTaskType.TEAM_FORMATION);
    const checked = await this.preChecks.checkTeam(team, this.accidents.policy.teamRequiredRoles);
    if (!checked.team)
      throw new DomainError(ErrorCode.RULE_VIOLATION, checked.problems.join('; '), { problems: checked.problems });
    return this.tasks.completeTask(actor, task, { outcome: 'FORM', payload: team, requestId });
  }

  /** A technical appraisal starts or ends (条例 Art.27): the clock stops, then runs again. */
  async appraisal(actor: Actor, caseId: string, action: 'START' | 'END', body: AppraisalDto) {
    const { c } = await this.accidents.getVisible(actor, caseId);
    return this.message(c.workflowId, appraisalUpdate, { actor: taskActor(actor), action, ...body });
  }

  /** The one extension of the investigation period (条例 Art.29). */
  async extend(actor: Actor, caseId: string, body: ExtensionDto) {
    const { c } = await this.accidents.assertInvestigatingDepartment(actor, caseId, [Role.AGENCY_HEAD]);
    return this.message(c.workflowId, extendInvestigationUpdate, { actor: taskActor(actor), ...body });
  }

  /** 挂牌督办: ordered by a level above the investigating department. */
  async superviseListing(actor: Actor, caseId: string, body: SupervisedListingDto) {
    const { c } = await this.accidents.getVisible(actor, caseId);
    if (actor.departmentId === c.departmentId || !actor.visibleDepartmentIds.includes(c.departmentId)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'only a level above the investigating department lists the case for supervision',
      );
    }
    return this.message(c.workflowId, superviseListingUpdate, { actor: taskActor(actor), ...body });
  }

  /** The investigation report: its references checked against the records, then the lead's step. */
  async submitReport(actor: Actor, caseId: string, report: InvestigationReportPayload, requestId?: string) {
    await this.accidents.getVisible(actor, caseId);
    const task = await this.accidents.openTask(caseId, AccidentTaskType.INVESTIGATION_REPORT);
    await this.preChecks.checkReport(caseId, toReportProposal(report));
    return this.tasks.completeTask(actor, task, { outcome: 'SUBMIT', payload: report, requestId });
  }

  /** 批复 (条例 Art.32): the approval step's outcome with its payload. */
  async decideReport(actor: Actor, caseId: string, body: ApprovalDto, requestId?: string) {
    await this.accidents.assertInvestigatingDepartment(actor, caseId, [Role.AGENCY_HEAD]);
    const task = await this.accidents.openTask(caseId, AccidentTaskType.REPORT_APPROVAL);
    const { decision, ...payload } = body;
    return this.tasks.completeTask(actor, task, { outcome: decision, payload, requestId });
  }

  async recordEducation(actor: Actor, caseId: string, body: EducationSessionDto, requestId?: string) {
    return educationView(await this.gateService.recordEducation(actor, caseId, body, requestId));
  }

  /** 结案: refused with the open gates while any 四不放过 gate is open (the workflow checks them again). */
  async close(actor: Actor, caseId: string, body: CloseAccidentDto, requestId?: string) {
    const { c } = await this.accidents.assertInvestigatingDepartment(actor, caseId, [Role.AGENCY_HEAD]);
    const gates = await this.gateService.gates(caseId);
    if (!gates.closable)
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `四不放过: the case cannot close while gates are open: ${gates.missing.join(', ')}`,
        { missing: gates.missing },
      );
    return this.message(c.workflowId, closeAccidentUpdate, { actor: taskActor(actor), ...body, requestId });
  }

  private message<Input, Result>(workflowId: string, definition: UpdateDefinition<Result, [Input]>, input: Input) {
    return this.answers.update(workflowId, definition, input, this.answers.updateId(definition.name));
  }
}
