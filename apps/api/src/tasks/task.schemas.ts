import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ALL_ROLES } from '@safety/domain/identity/roles';
import { INBOX_SORTS } from '@safety/persistence';
import { isoInstant, isoInstantOrNull, pageOf, PageQuerySchema, uuid } from '../contract/schemas';
import { CaseSummarySchema } from '../cases/case.schemas';
import { CaseViewSchema } from '../cases/case.view';
import { TaskViewSchema } from './task.view';

export { TaskDto, taskView, TaskViewSchema } from './task.view';

const Label = z.object({ zh: z.string(), en: z.string() });

/** One outcome of a step: its button label and the JSON Schema (draft 2020-12) of its payload. */
export const OutcomeViewSchema = z.object({
  outcome: z.string().meta({ description: 'The outcome code sent as `outcome` when completing' }),
  label: Label,
  schema: z
    .record(z.string(), z.unknown())
    .meta({ description: 'JSON Schema (draft 2020-12) of the payload; also in components as `component`' }),
  component: z.string().meta({ description: 'Name of the same schema among the OpenAPI components' }),
});

export const TaskTypeViewSchema = z.object({
  type: z.string(),
  title: Label,
  roles: z.array(z.enum(ALL_ROLES as [string, ...string[]])),
  outcomes: z.array(OutcomeViewSchema),
});

export class TaskTypeCatalogueDto extends createZodDto(z.object({ items: z.array(TaskTypeViewSchema) })) {}

/** The inbox: tasks assigned to me, and open tasks for my roles in my department. */
export const InboxQuerySchema = PageQuerySchema.extend({
  type: z.string().max(48).optional(),
  caseId: uuid().optional(),
  status: z.enum(['OPEN', 'CLAIMED', 'COMPLETED', 'CANCELLED']).optional(),
  escalation: z.enum(['NONE', 'YELLOW', 'RED']).optional(),
  overdue: z.enum(['true', 'false']).optional().meta({ description: 'only tasks past their due date' }),
  sort: z.enum(INBOX_SORTS).default('due').meta({
    description:
      'due: soonest due first, tasks without a due date last; created: newest first; priority: overdue, then due soon, then the rest, each soonest due first',
  }),
});
export class InboxQueryDto extends createZodDto(InboxQuerySchema) {}

export class InboxPageDto extends createZodDto(
  pageOf(
    TaskViewSchema.extend({
      case: CaseSummarySchema.nullable().meta({ description: "The task's case: number, title, enterprise" }),
    }),
  ),
) {}

export class CompleteTaskDto extends createZodDto(
  z.strictObject({
    outcome: z.string().min(1).max(48).meta({ example: 'APPROVE', description: 'One of the task form’s outcomes' }),
    payload: z.record(z.string(), z.unknown()).optional().meta({
      description: "The outcome's payload: see the task's form or GET /task-types (StepPayload_* components)",
    }),
  }),
) {}

export const OpenTaskRefSchema = z.object({ id: uuid().nullable(), type: z.string(), title: z.string() });

export class CompletionDto extends createZodDto(
  z.object({
    taskKey: z.string(),
    outcome: z.string(),
    completedAt: isoInstant(),
    task: TaskViewSchema,
    nextTasks: z
      .array(OpenTaskRefSchema)
      .meta({ description: "The case's open tasks once its workflow has acted on the completion" }),
  }),
) {}

export class ReassignDto extends createZodDto(z.strictObject({ assigneeId: uuid() })) {}

export class ChangeDeadlineDto extends createZodDto(
  z.strictObject({
    dueAt: isoInstant().meta({
      description: 'New due instant (ISO 8601 with offset); in the future, within the bound of the step',
    }),
    reason: z.string().min(1).max(500).regex(/\S/).meta({ description: 'e.g. the approved extension' }),
  }),
) {}

export class DeadlineChangeResultDto extends createZodDto(
  z.object({
    workflow: z.object({
      taskKey: z.string(),
      type: z.string(),
      dueAt: isoInstantOrNull(),
      warnAt: isoInstantOrNull(),
      escalation: z.enum(['NONE', 'YELLOW', 'RED']),
    }),
    task: TaskViewSchema,
  }),
) {}

export class DashboardDto extends createZodDto(
  z.object({
    departments: z.array(
      z.object({
        departmentId: uuid(),
        open: z.int(),
        dueSoon: z.int(),
        overdue: z.int(),
        withoutDueDate: z.int().meta({
          description: "Open tasks whose deadline could not be computed (a year's holiday notice not loaded)",
        }),
      }),
    ),
  }),
) {}

export class TaskDetailDto extends createZodDto(
  TaskViewSchema.extend({
    case: CaseViewSchema,
    form: z.object({ outcomes: z.array(OutcomeViewSchema) }).meta({
      description: 'The outcomes this task offers, each with the JSON Schema of its payload: enough to render the form',
    }),
  }),
) {}
