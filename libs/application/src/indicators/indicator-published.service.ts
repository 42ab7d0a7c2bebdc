import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@safety/domain/calendar';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { PublishedVerdict, VERDICT_LABELS } from '@safety/domain/indicators';
import {
  IndicatorPlanEntity,
  IndicatorPublishedResultEntity,
  IndicatorRepository,
  PlanIndicatorEntity,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { IndicatorAdminService, rule } from './indicator-admin.service';

export interface PublishedResultInput {
  value: number;
  verdict: PublishedVerdict;
  source: string;
  /** The day the document was published (China local date). */
  publishedOn: string;
}

export interface PublishedResultKey {
  planId: string;
  indicatorId: string;
  regionId: string;
  year: number;
}

export interface PublishedResultView extends PublishedResultInput {
  planId: string;
  indicatorId: string;
  regionId: string;
  year: number;
  verdictLabel: string;
  revisionReason: string | null;
  recordedAt: string;
  updatedAt: string;
}

/**
 * The results the agencies published for an indicator (a mid-term review's value and 未完成), entered by the
 * administrators who enter the plan, one per indicator, region and year; a revision needs a reason. Audited
 * like a revised indicator: `INDICATOR_RESULT_PUBLISHED`, `INDICATOR_PUBLISHED_RESULT_REVISED` (before and after).
 */
@Injectable()
export class IndicatorPublishedResultService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: IndicatorRepository,
    private readonly admin: IndicatorAdminService,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: Actor,
    key: PublishedResultKey,
    input: PublishedResultInput,
    requestId?: string,
  ): Promise<PublishedResultView> {
    const { plan, indicator } = await this.checked(actor, key, input);
    const id = { indicatorId: indicator.id, regionId: key.regionId, year: key.year };
    return this.uow.transaction(async (tx) => {
      const inserted = await this.repo.insertPublishedResult({ ...id, ...input, recordedBy: actor.userId }, tx);
      if (!inserted)
        throw new DomainError(
          ErrorCode.ALREADY_EXISTS,
          `a published result of ${key.year} is recorded for this indicator and region; revise it with a reason`,
          id,
        );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_RESULT_PUBLISHED',
          requestId,
          summary: { planId: plan.id, ...id, seq: indicator.seq, after: input },
        },
        tx,
      );
      return view(plan.id, (await this.repo.findPublishedResult(id, tx))!);
    });
  }

  async revise(
    actor: Actor,
    key: PublishedResultKey,
    input: PublishedResultInput & { reason: string },
    requestId?: string,
  ): Promise<PublishedResultView> {
    const { reason, ...fields } = input;
    const { plan, indicator } = await this.checked(actor, key, fields);
    const id = { indicatorId: indicator.id, regionId: key.regionId, year: key.year };
    return this.uow.transaction(async (tx) => {
      const before = await this.repo.findPublishedResultForUpdate(id, tx);
      if (!before)
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `no published result of ${key.year} for this indicator and region`,
          id,
        );
      await this.repo.updatePublishedResult(id, { ...fields, revisionReason: reason, updatedBy: actor.userId }, tx);
      const after = (await this.repo.findPublishedResult(id, tx))!;
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_PUBLISHED_RESULT_REVISED',
          requestId,
          summary: {
            planId: plan.id,
            ...id,
            seq: indicator.seq,
            reason,
            before: entryOf(before),
            after: entryOf(after),
          },
        },
        tx,
      );
      return view(plan.id, after);
    });
  }

  /**
   * 404 for an unknown plan, indicator or region, 403 outside the jurisdiction; 422 for a result the report could
   * not show beside its computed value (another region than the plan's, a year outside the years it rates) or a
   * publication day before the year began or in the future.
   */
  private async checked(
    actor: Actor,
    key: PublishedResultKey,
    input: PublishedResultInput,
  ): Promise<{ plan: IndicatorPlanEntity; indicator: PlanIndicatorEntity }> {
    const plan = await this.admin.plan(actor, key.planId);
    const indicator = (await this.admin.indicatorsOf(plan.id)).find((i) => i.id === key.indicatorId);
    if (!indicator)
      throw new DomainError(ErrorCode.NOT_FOUND, `indicator ${key.indicatorId} of plan ${plan.id} not found`, {
        indicatorId: key.indicatorId,
      });
    if (key.regionId !== plan.regionId) {
      if (!(await this.repo.findRegion(key.regionId)))
        throw new DomainError(ErrorCode.NOT_FOUND, `region ${key.regionId} not found`, { regionId: key.regionId });
      rule('regionId', "a published result is recorded for the plan's region, whose values the report computes");
    }
    const lastYear = Math.max(plan.periodEndYear, indicator.targetYear);
    if (key.year < plan.periodStartYear || key.year > lastYear)
      rule('year', `the report rates the years ${plan.periodStartYear}–${lastYear} of this indicator`);
    if (input.publishedOn < `${key.year}-01-01`)
      rule('publishedOn', `a result of ${key.year} is published after it began`);
    if (input.publishedOn > toLocalDate(new Date())) rule('publishedOn', 'must not be in the future');
    return { plan, indicator };
  }
}

/** What a published result says, for the audit of a revision. */
function entryOf(r: IndicatorPublishedResultEntity) {
  return { value: r.value, verdict: r.verdict, source: r.source, publishedOn: r.publishedOn };
}

function view(planId: string, r: IndicatorPublishedResultEntity): PublishedResultView {
  return {
    planId,
    indicatorId: r.indicatorId,
    regionId: r.regionId,
    year: r.year,
    value: r.value,
    verdict: r.verdict,
    verdictLabel: VERDICT_LABELS[r.verdict],
    source: r.source,
    publishedOn: r.publishedOn,
    revisionReason: r.revisionReason,
    recordedAt: r.recordedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
