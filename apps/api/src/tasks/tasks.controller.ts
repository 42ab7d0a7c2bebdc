import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { TaskQueries } from './task.queries';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, IdempotencyKey, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { TaskGateway } from './task.gateway';
import {
  ChangeDeadlineDto,
  CompleteTaskDto,
  CompletionDto,
  DashboardDto,
  DeadlineChangeResultDto,
  InboxPageDto,
  InboxQueryDto,
  ReassignDto,
  TaskDetailDto,
  TaskDto,
} from './task.schemas';

const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key attaches to the same workflow Update instead of doing it twice',
});

@ApiTags('tasks')
@ApiBearerAuth()
// Any signed-in user may call these; which cases and tasks they see is decided per row by jurisdiction.
@AnyAuthenticated()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly queries: TaskQueries,
    private readonly gateway: TaskGateway,
  ) {}

  @Get()
  @Endpoint({
    summary:
      'My inbox: tasks assigned to me and open tasks for my roles in my department, each with its case number, title and enterprise; by `sort` (default soonest due first), keyset pages',
    response: InboxPageDto,
    errors: [400],
  })
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto) {
    return this.queries.inbox(actor, query);
  }

  @Get('dashboard')
  @Roles(Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @Endpoint({
    summary: 'Open, due-soon (yellow) and overdue (red) task counts per visible department',
    response: DashboardDto,
    errors: [403],
  })
  dashboard(@CurrentActor() actor: Actor) {
    return this.queries.dashboard(actor);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One task with its case context and its form: the outcomes it offers with their payload schemas',
    response: TaskDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.detail(actor, id);
  }

  @Post(':id/claim')
  @Endpoint({
    summary: 'Claim an open task (403 if you could not complete it, 409 if someone already has it)',
    response: TaskDto,
    errors: [400, 403, 404, 409],
  })
  claim(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.queries.claim(actor, id, requestId);
  }

  @Post(':id/release')
  @Endpoint({ summary: 'Give a claimed task back to the group', response: TaskDto, errors: [400, 403, 404, 409] })
  release(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.queries.release(actor, id, requestId);
  }

  @Post(':id/reassign')
  @Roles(Role.AGENCY_HEAD)
  @Endpoint({
    summary: 'Assign the task to another officer who could complete it (heads only)',
    response: TaskDto,
    errors: [400, 403, 404, 409, 422],
  })
  reassign(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ReassignDto,
    @RequestId() requestId?: string,
  ) {
    return this.queries.reassign(actor, id, body.assigneeId, requestId);
  }

  @Post(':id/complete')
  @IDEMPOTENCY
  @Endpoint({
    summary:
      "Complete the step: the payload is checked against the outcome's published schema (400 listing every invalid field), then the case workflow judges it; answers once the workflow has opened its next tasks",
    response: CompletionDto,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: CompleteTaskDto,
    @IdempotencyKey() idempotencyKey?: string,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.complete(actor, id, { ...body, idempotencyKey, requestId });
  }

  @Post(':id/deadline')
  @Roles(Role.AGENCY_HEAD)
  @IDEMPOTENCY
  @Endpoint({
    summary:
      'Move the due date (an approved extension, or a manual date where the calendar year is missing): in the future, within the bound the statute sets for the step, with a reason; the workflow re-arms its timer',
    response: DeadlineChangeResultDto,
    errors: [400, 403, 404, 409, 422],
  })
  changeDeadline(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ChangeDeadlineDto,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.changeDeadline(actor, id, body, idempotencyKey);
  }
}
