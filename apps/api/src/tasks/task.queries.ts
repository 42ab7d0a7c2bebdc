import { Injectable } from '@nestjs/common';
import { CaseService, IdentityService, TaskService } from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import type { InboxSort } from '@safety/persistence';
import { caseView } from '../cases/case.schemas';
import { formOf } from './step-catalogue';
import { TaskGateway } from './task.gateway';
import { taskView } from './task.schemas';

/** The task inbox as the API shows it: rows mapped to views, with the checks a claim needs. */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly tasks: TaskService,
    private readonly cases: CaseService,
    private readonly identity: IdentityService,
    private readonly gateway: TaskGateway,
  ) {}

  async inbox(
    actor: Actor,
    query: {
      type?: string;
      caseId?: string;
      status?: 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELLED';
      escalation?: 'NONE' | 'YELLOW' | 'RED';
      overdue?: 'true' | 'false';
      sort: InboxSort;
      limit: number;
      cursor?: string;
    },
  ) {
    const page = await this.tasks.inbox(actor, { ...query, overdue: query.overdue === 'true' });
    const cases = await this.cases.summaries(page.items.map((t) => t.caseId));
    return { ...page, items: page.items.map((t) => ({ ...taskView(t), case: cases.get(t.caseId) ?? null })) };
  }

  async dashboard(actor: Actor) {
    return { departments: await this.tasks.dashboard(actor) };
  }

  async detail(actor: Actor, id: string) {
    const task = await this.tasks.getVisible(actor, id);
    const visibleCase = await this.cases.getForTask(actor, task);
    return { ...taskView(task), case: caseView(visibleCase), form: formOf(task) };
  }

  async claim(actor: Actor, id: string, requestId?: string) {
    const task = await this.tasks.getVisible(actor, id);
    this.tasks.assertMayAct(actor, task);
    await this.gateway.assertCouldComplete(actor, task);
    return taskView(await this.tasks.claim(actor, id, requestId));
  }

  async release(actor: Actor, id: string, requestId?: string) {
    return taskView(await this.tasks.release(actor, id, requestId));
  }

  async reassign(actor: Actor, id: string, assigneeId: string, requestId?: string) {
    const task = await this.tasks.getVisible(actor, id);
    const target = await this.identity.actorOf(assigneeId);
    if (target) await this.gateway.assertCouldComplete(target, task, 'assignee');
    return taskView(await this.tasks.reassign(actor, id, assigneeId, requestId));
  }
}
