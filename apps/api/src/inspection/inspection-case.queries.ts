import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  AuditService,
  InspectionAreaCaseType,
  InspectionCaseService,
  OpenInspection,
  ProposeTransfer,
  SimplePenaltyDecision,
  TaskService,
} from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import type { PageRequest } from '@safety/persistence';
import { getCriminalTransferStateQuery, getInspectionStateQuery, getSimplePenaltyStateQuery } from '@safety/temporal';
import type { QueryDefinition } from '@temporalio/common';
import { taskView } from '../tasks/task.view';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import {
  areaCaseView,
  InspectionCasePageDto,
  caseView,
  CriminalTransferDetailDto,
  InspectionDetailDto,
  SimplePenaltyDetailDto,
  SimplePenaltyDecidedDto,
} from './inspection-cases.schemas';
import { InspectionWorkflowGateway } from './inspection-workflow.gateway';

/** What a method answers: the input of the DTO's schema (the response is parsed by it on the way out). */
type Answer<Dto extends { schema: z.ZodType }> = Promise<z.input<Dto['schema']>>;

/** Inspections, 简易程序 decisions and criminal transfers as the API shows them: opening, lists, detail. */
@Injectable()
export class InspectionCaseQueries {
  constructor(
    private readonly inspections: InspectionCaseService,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly starter: WorkflowStarter,
    private readonly answers: WorkflowAnswers,
    private readonly gateway: InspectionWorkflowGateway,
  ) {}

  async openInspection(actor: Actor, body: OpenInspection, requestId?: string) {
    const { created, workflowInput } = await this.inspections.openInspection(actor, body, requestId);
    await this.starter.start(created, 'inspectionWorkflow', workflowInput, actor.userId);
    return caseView(created);
  }

  async decideSimplePenalty(
    actor: Actor,
    body: SimplePenaltyDecision,
    requestId?: string,
  ): Answer<typeof SimplePenaltyDecidedDto> {
    const { created, workflowInput } = await this.inspections.decideSimplePenalty(actor, body, requestId);
    await this.starter.start(created, 'simplePenaltyWorkflow', workflowInput, actor.userId);
    return { ...caseView(created), decisionNo: created.referenceNo! };
  }

  async proposeTransfer(actor: Actor, body: ProposeTransfer, requestId?: string) {
    return caseView(await this.gateway.proposeTransfer(actor, body, requestId));
  }

  /** One keyset page of the cases of a type in the actor's jurisdiction, newest first. */
  async list(
    actor: Actor,
    caseType: InspectionAreaCaseType,
    query: PageRequest & { status?: string },
  ): Answer<typeof InspectionCasePageDto> {
    const page = await this.inspections.list(actor, caseType, query);
    return { ...page, items: page.items.map(caseView) };
  }

  inspection(actor: Actor, id: string, requestId?: string): Answer<typeof InspectionDetailDto> {
    return this.detail(actor, id, 'INSPECTION', getInspectionStateQuery, requestId);
  }

  simplePenalty(actor: Actor, id: string, requestId?: string): Answer<typeof SimplePenaltyDetailDto> {
    return this.detail(actor, id, 'SIMPLE_PENALTY', getSimplePenaltyStateQuery, requestId);
  }

  criminalTransfer(actor: Actor, id: string, requestId?: string): Answer<typeof CriminalTransferDetailDto> {
    return this.detail(actor, id, 'CRIMINAL_TRANSFER', getCriminalTransferStateQuery, requestId);
  }

  /** The case with its recorded data, its workflow's live state and its steps. */
  private async detail<State>(
    actor: Actor,
    id: string,
    type: InspectionAreaCaseType,
    stateQuery: QueryDefinition<State, []>,
    requestId?: string,
  ) {
    const found = await this.inspections.getVisible(actor, id, type);
    const workflow = found.status === 'START_FAILED' ? null : await this.answers.query(found.workflowId, stateQuery);
    const decision = (found.data?.decision ?? null) as { partyType?: string } | null;
    if (type === 'SIMPLE_PENALTY' && decision?.partyType === 'INDIVIDUAL') {
      // Reading an individual party's name is a personal-data read: part of the full-process record.
      await this.audit.record({
        caseId: found.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'PERSONAL_DATA_READ',
        requestId,
        summary: { fields: ['partyName'] },
      });
    }
    return { ...areaCaseView(found), workflow, tasks: (await this.tasks.listForCase(found.id)).map(taskView) };
  }
}
