import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  DrawPool,
  DrawResult,
  INSPECTION_PLAN_KIND_LABELS,
  InspectionPlanConfig,
  RiskGrade,
  runDraw,
} from '@safety/domain/inspection';
import { maskPersonName } from '@safety/domain/privacy/mask';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import {
  InspectionDrawEntity,
  InspectionDrawTargetEntity,
  InspectionRepository,
  OrganisationRepository,
  PageRequest,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';
import { InspectionPlanService } from './inspection-plan.service';

export interface DrawWithTargets {
  draw: InspectionDrawEntity;
  targets: InspectionDrawTargetEntity[];
}

/**
 * 双随机一公开: draws targets and inspectors for an approved plan from a recorded seed and pool
 * snapshot (libs/domain/src/inspection/draw.ts), publishes the result, and recomputes any draw on
 * demand to show it is reproducible.
 */
@Injectable()
export class InspectionDrawService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: InspectionRepository,
    private readonly org: OrganisationRepository,
    private readonly plans: InspectionPlanService,
    private readonly audit: AuditService,
  ) {}

  async draw(actor: Actor, planId: string, suppliedSeed: string | null, requestId?: string): Promise<DrawWithTargets> {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only department administrators and heads run draws');
    const plan = await this.plans.getVisible(actor, planId);
    if (plan.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, "draws are run by the plan's own department");
    if (plan.status !== 'APPROVED')
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the plan must be approved by the head before drawing', {
        planId,
      });
    const dept = (await this.org.findDepartment(plan.departmentId))!;
    // A server seed nobody can choose in advance, unless one was fixed in public beforehand (e.g. at a notarised ceremony).
    const seed = suppliedSeed ?? randomBytes(16).toString('hex');
    const config = plan.config as unknown as InspectionPlanConfig;

    return this.uow.transaction(async (tx) => {
      const enterprises = await this.repo.supervisedEnterprises(plan.departmentId, plan.sectorCodes, tx);
      const officers = await this.repo.credentialedOfficers(plan.departmentId, tx);
      const conflicts = await this.repo.activeConflicts(plan.departmentId, tx);
      const pool: DrawPool = {
        enterprises: enterprises.map((e) => ({ id: e.id, riskGrade: e.riskGrade as RiskGrade })),
        officers: officers.map((o) => ({ id: o.id })),
        conflicts: conflicts.map((c) => ({ officerId: c.officerId, enterpriseId: c.enterpriseId })),
      };
      const result = runDraw(seed, config, pool);
      const year = Number(toLocalDate(new Date()).slice(0, 4));
      const n = await this.repo.nextNumber(plan.departmentId, 'DRAW', year, tx);
      const now = new Date();
      const draw = await this.repo.insertDraw(
        {
          drawNo: `${dept.code}-双随机-${year}-${String(n).padStart(3, '0')}`,
          planId,
          departmentId: plan.departmentId,
          seed,
          algorithm: result.algorithm,
          config: config as unknown as Record<string, unknown>,
          pool: { ...pool, seedSource: suppliedSeed ? 'SUPPLIED' : 'GENERATED' } as unknown as Record<string, unknown>,
          quotas: result.quotas as unknown as Record<string, unknown>,
          drawnBy: actor.userId,
          drawnAt: now,
          publishedAt: now,
        },
        result.targets.map((t) => ({
          position: t.position,
          enterpriseId: t.enterpriseId,
          riskGrade: t.riskGrade,
          inspectorIds: t.inspectorIds,
        })),
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INSPECTION_DRAW_RUN',
          requestId,
          summary: {
            drawId: draw.id,
            drawNo: draw.drawNo,
            planId,
            seed,
            seedSource: suppliedSeed ? 'SUPPLIED' : 'GENERATED',
            algorithm: result.algorithm,
            poolSizes: {
              enterprises: pool.enterprises.length,
              officers: pool.officers.length,
              conflicts: pool.conflicts.length,
            },
            targets: result.targets.length,
          },
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INSPECTION_DRAW_PUBLISHED',
          requestId,
          summary: { drawId: draw.id, drawNo: draw.drawNo },
        },
        tx,
      );
      return {
        draw,
        targets: await this.repo.targetsOf([draw.id], tx),
      };
    }, 'REPEATABLE READ');
  }

  async getVisible(actor: Actor, id: string): Promise<DrawWithTargets> {
    const draw = await this.repo.findDraw(id);
    if (!draw) throw new DomainError(ErrorCode.NOT_FOUND, `draw ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(draw.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this draw belongs to another department');
    return { draw, targets: await this.repo.targetsOf([id]) };
  }

  async list(actor: Actor, q: { planId?: string; offset: number; limit: number }): Promise<Page<DrawWithTargets>> {
    const [draws, total] = await this.repo.listDraws(actor.visibleDepartmentIds, q);
    const targets = await this.repo.targetsOf(draws.map((d) => d.id));
    return {
      items: draws.map((draw) => ({ draw, targets: targets.filter((t) => t.drawId === draw.id) })),
      total,
      offset: q.offset,
      limit: q.limit,
    };
  }

  /** Recomputes the draw from its recorded seed, config and pool snapshot and compares it with what was stored. */
  async verify(
    actor: Actor,
    id: string,
  ): Promise<{ reproducible: boolean; recomputed: DrawResult; mismatches: number[] }> {
    const { draw, targets } = await this.getVisible(actor, id);
    const pool = draw.pool as unknown as DrawPool;
    const recomputed = runDraw(draw.seed, draw.config as unknown as InspectionPlanConfig, {
      enterprises: pool.enterprises,
      officers: pool.officers,
      conflicts: pool.conflicts,
    });
    const mismatches: number[] = [];
    const n = Math.max(recomputed.targets.length, targets.length);
    for (let i = 0; i < n; i++) {
      const a = recomputed.targets[i];
      const b = targets[i];
      if (!a || !b || a.enterpriseId !== b.enterpriseId || a.inspectorIds.join() !== b.inspectorIds.join())
        mismatches.push(i);
    }
    return { reproducible: mismatches.length === 0 && recomputed.algorithm === draw.algorithm, recomputed, mismatches };
  }

  /** Published draws for the public (双随机一公开): enterprise names and inspector counts; officer names masked. */
  async listPublic(q: PageRequest & { departmentId?: string }) {
    const found = await this.repo.publishedDrawsPage(q);
    const draws = found.items;
    const targets = await this.repo.targetsOf(draws.map((d) => d.id));
    const enterprises = await this.repo.enterprisesByIds([...new Set(targets.map((t) => t.enterpriseId))]);
    const officers = await this.repo.usersByIds([...new Set(targets.flatMap((t) => t.inspectorIds))]);
    const depts = await this.repo.departmentsByIds([...new Set(draws.map((d) => d.departmentId))]);
    const planIds = [...new Set(draws.map((d) => d.planId))];
    const plans = await Promise.all(planIds.map((id) => this.repo.findPlan(id)));
    return {
      ...found,
      items: draws.map((d) => {
        const plan = plans.find((p) => p?.id === d.planId);
        return {
          drawNo: d.drawNo,
          department: depts.find((x) => x.id === d.departmentId)?.name ?? null,
          plan: plan
            ? { title: plan.title, kind: plan.kind, kindLabel: INSPECTION_PLAN_KIND_LABELS[plan.kind], year: plan.year }
            : null,
          drawnAt: d.drawnAt.toISOString(),
          publishedAt: d.publishedAt?.toISOString() ?? null,
          seed: d.seed,
          algorithm: d.algorithm,
          targets: targets
            .filter((t) => t.drawId === d.id)
            .map((t) => {
              const e = enterprises.find((x) => x.id === t.enterpriseId);
              return {
                position: t.position,
                enterpriseName: e?.name ?? null,
                creditCode: e?.creditCode ?? null,
                inspectorCount: t.inspectorIds.length,
                inspectors: t.inspectorIds.map((id) =>
                  maskPersonName(officers.find((o) => o.id === id)?.displayName ?? ''),
                ),
              };
            }),
        };
      }),
    };
  }
}
