import { Injectable } from '@nestjs/common';
import {
  NewSummons,
  NewSupervisionItem,
  SupervisionIntakeService,
  SupervisionPolicyService,
  SupervisionReadService,
} from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import type { SummonsInput, SupervisionItemInput } from '@safety/temporal';
import { attachmentView } from '../cases/case.schemas';
import { WorkflowStarter } from '../temporal/workflow-starter';
import type {
  PublicSummonsQueryDto,
  CreateSummonsDto,
  CreateSupervisionItemDto,
  SummonsListQueryDto,
  SupervisionEvidenceDto,
  SupervisionListQueryDto,
} from './supervision.schemas';
import { itemDetail, itemView, publicSummonsView, summonsDetail, summonsView } from './supervision.views';

/** 督办 and 约谈 over HTTP: creation and the workflow start, reads, evidence, the policy. */
@Injectable()
export class SupervisionGateway {
  constructor(
    private readonly intake: SupervisionIntakeService,
    private readonly reads: SupervisionReadService,
    private readonly policies: SupervisionPolicyService,
    private readonly starter: WorkflowStarter,
  ) {}

  async create(actor: Actor, body: CreateSupervisionItemDto, requestId?: string) {
    const { item, c } = await this.intake.createItem(actor, body as NewSupervisionItem, requestId);
    const input: SupervisionItemInput = {
      caseId: c.id,
      itemId: item.id,
      issuerDepartmentId: item.issuerDepartmentId,
      leadDepartmentId: item.leadDepartmentId,
      coResponsibleDepartmentIds: item.coResponsibleDepartmentIds,
      startDate: item.startDate,
      deadline: item.deadline,
      frequency: body.reportingFrequency,
      milestones: item.milestones.map(({ index, title, dueDate }) => ({ index, title, dueDate })),
      policy: await this.policies.effectivePolicy(item.issuerDepartmentId),
    };
    await this.starter.start(c, 'supervisionWorkflow', input, actor.userId);
    return { id: item.id, caseId: c.id };
  }

  async list(actor: Actor, query: SupervisionListQueryDto) {
    const page = await this.reads.listItems(actor, query);
    return { ...page, items: page.items.map(itemView) };
  }

  async detail(actor: Actor, id: string, requestId?: string) {
    return itemDetail(await this.reads.item(actor, id, requestId));
  }

  async attach(actor: Actor, id: string, body: SupervisionEvidenceDto, requestId?: string) {
    const file = {
      fileName: body.fileName ?? null,
      contentType: body.contentType ?? null,
      content: Buffer.from(body.contentBase64, 'base64'),
    };
    return attachmentView(await this.intake.attach(actor, id, file, requestId));
  }

  async openSummons(actor: Actor, body: CreateSummonsDto, requestId?: string) {
    const { summons, c } = await this.intake.createSummons(actor, body as NewSummons, requestId);
    const input: SummonsInput = {
      caseId: c.id,
      summonsId: summons.id,
      departmentId: summons.departmentId,
      scheduledOn: summons.scheduledOn,
      policy: await this.policies.effectivePolicy(summons.departmentId),
    };
    await this.starter.start(c, 'summonsWorkflow', input, actor.userId);
    return { id: summons.id, caseId: c.id };
  }

  async summonses(actor: Actor, query: SummonsListQueryDto) {
    const page = await this.reads.listSummonses(actor, query);
    return { ...page, items: page.items.map((summons) => summonsView(summons)) };
  }

  async publishedSummonses(query: PublicSummonsQueryDto) {
    const page = await this.reads.listPublishedSummonses(query);
    return { ...page, items: page.items.map(publicSummonsView) };
  }

  async summons(actor: Actor, id: string, requestId?: string) {
    return summonsDetail(await this.reads.summons(actor, id, requestId));
  }

  policy(actor: Actor, departmentId: string) {
    return this.policies.policyFor(actor, departmentId);
  }

  putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    return this.policies.putPolicy(actor, departmentId, overrides, requestId);
  }
}
