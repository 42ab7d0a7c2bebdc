import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CaseService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { changeTaskDeadlineUpdate, completeTaskUpdate, TaskActor } from '@safety/temporal';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { caseView, taskView } from '../cases/case.dto';
import { PageQuery } from '../common/pagination';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';

export class InboxQueryDto extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ enum: ['OPEN', 'CLAIMED', 'COMPLETED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['OPEN', 'CLAIMED', 'COMPLETED', 'CANCELLED'])
  status?: 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELLED';
  @ApiPropertyOptional({ enum: ['NONE', 'YELLOW', 'RED'] }) @IsOptional() @IsIn(['NONE', 'YELLOW', 'RED']) escalation?:
    'NONE' | 'YELLOW' | 'RED';
  @ApiPropertyOptional({ description: 'only tasks past their due date' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'APPROVE' }) @IsString() @IsNotEmpty() @MaxLength(48) outcome!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() payload?: Record<
    string,
    unknown
  >;
}

export class ReassignDto {
  @ApiProperty() @IsUUID() assigneeId!: string;
}

export class ChangeDeadlineDto {
  @ApiProperty({ description: 'New due instant (ISO 8601)' }) @IsISO8601({ strict: true }) dueAt!: string;
  @ApiProperty({ description: 'e.g. the approved extension' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

const taskActor = (a: Actor): TaskActor => ({
  userId: a.userId,
  roles: a.roles,
  departmentId: a.departmentId,
  credentialNo: a.credentialNo,
});

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskService,
    private readonly cases: CaseService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'My inbox: tasks assigned to me and open tasks for my roles in my department; soonest due first',
  })
  async inbox(@CurrentActor() actor: Actor, @Query() q: InboxQueryDto) {
    const page = await this.tasks.inbox(actor, { ...q, overdue: q.overdue === 'true' });
    return { ...page, items: page.items.map(taskView) };
  }

  @Get('dashboard')
  @Roles(Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Open, due-soon (yellow) and overdue (red) task counts per visible department' })
  async dashboard(@CurrentActor() actor: Actor) {
    return { departments: await this.tasks.dashboard(actor) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task with its case context' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const task = await this.tasks.getVisible(actor, id);
    const c = await this.cases.getVisible(actor, task.caseId);
    return { ...taskView(task), case: caseView(c) };
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim an open task (409 if someone already has it)' })
  async claim(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return taskView(await this.tasks.claim(actor, id, requestId));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a claimed task back to the group' })
  async release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return taskView(await this.tasks.release(actor, id, requestId));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({ summary: 'Assign the task to another eligible officer (heads only)' })
  async reassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReassignDto,
    @RequestId() requestId?: string,
  ) {
    return taskView(await this.tasks.reassign(actor, id, dto.assigneeId, requestId));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Complete the step; the case workflow validates it (wrong step, actor, repeat or payload are rejected) and the answer is the workflow's verdict",
  })
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteTaskDto,
    @RequestId() requestId?: string,
  ) {
    const task = await this.tasks.getVisible(actor, id);
    if (task.status === 'COMPLETED' || task.status === 'CANCELLED') {
      // Fast path; the workflow's validator gives the same verdict for a race that slips past this check.
      throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'this task is already completed', { taskId: id });
    }
    this.tasks.assertMayAct(actor, task);
    await this.cases.assertCitedAttachmentsBelong(task.caseId, dto.payload);
    const result = await this.temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
      args: [
        { taskKey: task.taskKey, actor: taskActor(actor), outcome: dto.outcome, payload: dto.payload ?? {}, requestId },
      ],
    });
    return { ...result, task: taskView(await this.tasks.getVisible(actor, id)) };
  }

  @Post(':id/deadline')
  @HttpCode(200)
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Move the due date (approved extension, or a manual date where the calendar year is missing); the workflow re-arms its timer',
  })
  async changeDeadline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeDeadlineDto,
  ) {
    const task = await this.tasks.getVisible(actor, id);
    const view = await this.temporal.workflow.getHandle(task.workflowId).executeUpdate(changeTaskDeadlineUpdate, {
      args: [{ taskKey: task.taskKey, actor: taskActor(actor), dueAt: dto.dueAt, reason: dto.reason }],
    });
    return { workflow: view, task: taskView(await this.tasks.getVisible(actor, id)) };
  }
}
