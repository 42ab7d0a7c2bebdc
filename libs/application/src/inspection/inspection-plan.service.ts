import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { DEFAULT_PLAN_CONFIG, InspectionPlanConfig, validatePlanConfig } from '@safety/domain/inspection';
import {
  InspectionConflictEntity,
  InspectionPlanEntity,
  InspectionRepository,
  OrganisationRepository,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';

export interface NewPlan {
  year: number;
  kind: 'ANNUAL' | 'SPECIAL';
  title: string;
  sectorCodes: string[];
  config?: Partial<InspectionPlanConfig>;
}

export interface NewConflict {
  officerId: string;
  enterpriseId: string;
  reason: InspectionConflictEntity['reason'];
  note?: string | null;
}

/** 年度/专项检查计划 (approved by the head) and the conflict-of-interest exclusion list used by draws. */
@Injectable()
export class InspectionPlanService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: InspectionRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: NewPlan, requestId?: string): Promise<InspectionPlanEntity> {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only department administrators and heads draft plans');
    const config = validatePlanConfig({
      ...DEFAULT_PLAN_CONFIG,
      ...input.config,
      frequencyPerYear: { ...DEFAULT_PLAN_CONFIG.frequencyPerYear, ...(input.config?.frequencyPerYear ?? {}) },
    });
    const sectorCodes = [...new Set(input.sectorCodes)].sort();
    if (sectorCodes.length) {
      const known = new Set(await this.org.existingSectorCodes(sectorCodes));
      const missing = sectorCodes.filter((c) => !known.has(c));
      if (missing.length)
        throw new DomainError(ErrorCode.NOT_FOUND, `unknown sector(s): ${missing.join(', ')}`, { missing });
    }
    return this.uow.transaction(async (tx) => {
      const plan = await this.repo.insertPlan(
        {
          departmentId: actor.departmentId,
          year: input.year,
          kind: input.kind,
          title: input.title,
          sectorCodes,
          config: config as unknown as Record<string, unknown>,
          status: 'DRAFT',
          createdBy: actor.userId,
          approvedBy: null,
          approvedAt: null,
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INSPECTION_PLAN_CREATED',
          requestId,
          summary: {
            planId: plan.id,
            year: plan.year,
            kind: plan.kind,
            title: plan.title,
            sectorCodes,
            config,
            after: 'DRAFT',
          },
        },
        tx,
      );
      return plan;
    });
  }

  async getVisible(actor: Actor, id: string): Promise<InspectionPlanEntity> {
    const plan = await this.repo.findPlan(id);
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `plan ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(plan.departmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this plan belongs to another department', {
        planId: id,
      });
    }
    return plan;
  }

  async list(
    actor: Actor,
    q: { year?: number; status?: string; offset: number; limit: number },
  ): Promise<Page<InspectionPlanEntity>> {
    const [items, total] = await this.repo.listPlans(actor.visibleDepartmentIds, q);
    return { items, total, offset: q.offset, limit: q.limit };
  }

  /** The head of the plan's own department approves it (DRAFT → APPROVED, once). */
  async approve(actor: Actor, id: string, comment: string | null, requestId?: string): Promise<InspectionPlanEntity> {
    const plan = await this.getVisible(actor, id);
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only an agency head approves a plan');
    if (plan.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, "only the head of the plan's own department approves it");
    if (plan.status !== 'DRAFT')
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the plan is already approved', { planId: id });
    return this.uow.transaction(async (tx) => {
      if (!(await this.repo.approvePlan(id, actor.userId, tx)))
        throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the plan is already approved', { planId: id });
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: Role.AGENCY_HEAD,
          action: 'INSPECTION_PLAN_APPROVED',
          requestId,
          summary: { planId: id, comment, before: 'DRAFT', after: 'APPROVED' },
        },
        tx,
      );
      return (await this.repo.findPlan(id, tx))!;
    });
  }

  // ---- conflicts of interest (回避) ----

  async addConflict(actor: Actor, input: NewConflict, requestId?: string): Promise<InspectionConflictEntity> {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD]))
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'only department administrators and heads keep the exclusion list',
      );
    const officer = await this.org.findUserById(input.officerId);
    if (!officer) throw new DomainError(ErrorCode.NOT_FOUND, `officer ${input.officerId} not found`);
    if (officer.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'the officer belongs to another department');
    if (!(await this.org.findEnterprise(input.enterpriseId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${input.enterpriseId} not found`);
    return this.uow.transaction(async (tx) => {
      if (await this.repo.findActiveConflict(input.officerId, input.enterpriseId, tx)) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'this conflict is already on the list', {
          officerId: input.officerId,
          enterpriseId: input.enterpriseId,
        });
      }
      const c = await this.repo.insertConflict(
        {
          departmentId: actor.departmentId,
          officerId: input.officerId,
          enterpriseId: input.enterpriseId,
          reason: input.reason,
          note: input.note ?? null,
          active: true,
          createdBy: actor.userId,
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INSPECTION_CONFLICT_ADDED',
          requestId,
          summary: { conflictId: c.id, officerId: c.officerId, enterpriseId: c.enterpriseId, reason: c.reason },
        },
        tx,
      );
      return c;
    });
  }

  async listConflicts(
    actor: Actor,
    q: { officerId?: string; enterpriseId?: string; active?: boolean; offset: number; limit: number },
  ): Promise<Page<InspectionConflictEntity>> {
    const [items, total] = await this.repo.listConflicts(actor.visibleDepartmentIds, q);
    return { items, total, offset: q.offset, limit: q.limit };
  }

  async deactivateConflict(actor: Actor, id: string, requestId?: string): Promise<InspectionConflictEntity> {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD]))
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'only department administrators and heads keep the exclusion list',
      );
    const c = await this.repo.findConflict(id);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `conflict ${id} not found`);
    if (c.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this entry belongs to another department');
    if (!c.active) throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'this entry is already inactive');
    return this.uow.transaction(async (tx) => {
      if (!(await this.repo.deactivateConflict(id, actor.userId, tx)))
        throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'this entry is already inactive');
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INSPECTION_CONFLICT_REMOVED',
          requestId,
          summary: {
            conflictId: id,
            officerId: c.officerId,
            enterpriseId: c.enterpriseId,
            before: 'ACTIVE',
            after: 'INACTIVE',
          },
        },
        tx,
      );
      return (await this.repo.findConflict(id))!;
    });
  }
}
