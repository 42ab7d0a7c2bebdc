import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { InspectionDrawService, InspectionPlanService, NewConflict } from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import type { InspectionPlanConfig } from '@safety/domain/inspection';
import {
  conflictView,
  CreatePlanDto,
  drawView,
  DrawVerificationDto,
  PublicDrawPageDto,
  PublicDrawQueryDto,
  planView,
} from './inspection.schemas';

interface OffsetPage {
  offset: number;
  limit: number;
}

/** Plans, draws and the 回避 list as the API shows them. */
@Injectable()
export class InspectionPlanQueries {
  constructor(
    private readonly plans: InspectionPlanService,
    private readonly draws: InspectionDrawService,
  ) {}

  async createPlan(actor: Actor, body: z.output<typeof CreatePlanDto.schema>, requestId?: string) {
    // The service fills in what is absent, each risk grade's frequency on its own, then validates the whole.
    const config = body.config as Partial<InspectionPlanConfig> | undefined;
    const plan = await this.plans.create(
      actor,
      { year: body.year, kind: body.kind, title: body.title, sectorCodes: body.sectorCodes ?? [], config },
      requestId,
    );
    return planView(plan);
  }

  async plansOf(actor: Actor, query: OffsetPage & { year?: number; status?: string }) {
    const page = await this.plans.list(actor, query);
    return { ...page, items: page.items.map(planView) };
  }

  async plan(actor: Actor, id: string) {
    return planView(await this.plans.getVisible(actor, id));
  }

  async approve(actor: Actor, id: string, comment: string | undefined, requestId?: string) {
    return planView(await this.plans.approve(actor, id, comment ?? null, requestId));
  }

  async draw(actor: Actor, planId: string, seed: string | undefined, requestId?: string) {
    const drawn = await this.draws.draw(actor, planId, seed ?? null, requestId);
    return drawView(drawn.draw, drawn.targets);
  }

  async drawsOf(actor: Actor, query: OffsetPage & { planId?: string }) {
    const page = await this.draws.list(actor, query);
    return { ...page, items: page.items.map((item) => drawView(item.draw, item.targets)) };
  }

  async drawById(actor: Actor, id: string) {
    const found = await this.draws.getVisible(actor, id);
    return drawView(found.draw, found.targets);
  }

  async verify(actor: Actor, id: string): Promise<z.input<typeof DrawVerificationDto.schema>> {
    const verified = await this.draws.verify(actor, id);
    return {
      reproducible: verified.reproducible,
      mismatchedPositions: verified.mismatches,
      algorithm: verified.recomputed.algorithm,
      recomputedTargets: verified.recomputed.targets,
    };
  }

  async addConflict(actor: Actor, body: NewConflict, requestId?: string) {
    return conflictView(await this.plans.addConflict(actor, body, requestId));
  }

  async conflictsOf(
    actor: Actor,
    query: OffsetPage & { officerId?: string; enterpriseId?: string; active?: 'true' | 'false' },
  ) {
    const page = await this.plans.listConflicts(actor, {
      ...query,
      active: query.active === undefined ? undefined : query.active === 'true',
    });
    return { ...page, items: page.items.map(conflictView) };
  }

  async deactivateConflict(actor: Actor, id: string, requestId?: string) {
    return conflictView(await this.plans.deactivateConflict(actor, id, requestId));
  }

  publicDraws(query: PublicDrawQueryDto): Promise<z.input<typeof PublicDrawPageDto.schema>> {
    return this.draws.listPublic(query);
  }
}
