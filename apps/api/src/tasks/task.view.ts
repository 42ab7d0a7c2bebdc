import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { TaskEntity } from '@safety/persistence';
import { isoInstant, isoInstantOrNull, uuid } from '../contract/schemas';

export const TaskViewSchema = z.object({
  id: uuid(),
  taskKey: z.string(),
  caseId: uuid(),
  type: z.string(),
  title: z.string(),
  status: z.enum(['OPEN', 'CLAIMED', 'COMPLETED', 'CANCELLED']),
  candidateRoles: z.array(z.string()),
  departmentId: uuid(),
  assigneeId: uuid().nullable(),
  dueAt: isoInstantOrNull(),
  warnAt: isoInstantOrNull(),
  needsManualDueDate: z.boolean(),
  escalation: z.enum(['NONE', 'YELLOW', 'RED']),
  outcome: z.string().nullable(),
  completedBy: uuid().nullable(),
  completedAt: isoInstantOrNull(),
  payload: z.record(z.string(), z.unknown()).meta({ description: "What the task shows about its case's context" }),
  createdAt: isoInstant(),
});

export type TaskView = z.infer<typeof TaskViewSchema>;

export const taskView = (t: TaskEntity): TaskView => ({
  id: t.id,
  taskKey: t.taskKey,
  caseId: t.caseId,
  type: t.type,
  title: t.title,
  status: t.status,
  candidateRoles: t.candidateRoles,
  departmentId: t.departmentId,
  assigneeId: t.assigneeId,
  dueAt: t.dueAt?.toISOString() ?? null,
  warnAt: t.warnAt?.toISOString() ?? null,
  needsManualDueDate: t.needsManualDueDate,
  escalation: t.escalation,
  outcome: t.outcome,
  completedBy: t.completedBy,
  completedAt: t.completedAt?.toISOString() ?? null,
  payload: t.payload,
  createdAt: t.createdAt.toISOString(),
});

export class TaskDto extends createZodDto(TaskViewSchema) {}
