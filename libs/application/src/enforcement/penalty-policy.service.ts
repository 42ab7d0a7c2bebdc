import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  DiscretionBenchmark,
  DiscretionBenchmarkEntry,
  validateDiscretionBenchmark,
} from '@safety/domain/enforcement/benchmark';
import { mergePolicyLayers, ProcedurePolicy, procedurePolicy } from '@safety/domain/enforcement/procedure-policy';
import { documentPrefix } from '@safety/domain/enforcement/document-number';
import { toLocalDate } from '@safety/domain/calendar';
import {
  DiscretionBenchmarkEntity,
  EnforcementRepository,
  OrganisationRepository,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';

export interface BenchmarkView {
  id: string;
  departmentId: string | null;
  jurisdiction: string;
  effectiveFrom: string;
  source: string;
  entries: Array<DiscretionBenchmarkEntry & { title?: string }>;
  createdAt: string;
}

const benchmarkView = (b: DiscretionBenchmarkEntity): BenchmarkView => ({
  id: b.id,
  departmentId: b.departmentId,
  jurisdiction: b.jurisdiction,
  effectiveFrom: b.effectiveFrom,
  source: b.source,
  entries: b.entries as BenchmarkView['entries'],
  createdAt: b.createdAt.toISOString(),
});

const ADMIN_ROLES = [Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN];

const assertVisible = (actor: Actor, departmentId: string): void => {
  if (!actor.visibleDepartmentIds.includes(departmentId))
    throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
};

/**
 * Per-jurisdiction configuration of the penalty procedure: the procedure policy (hearing thresholds,
 * statement window, …) and the 裁量基准. A department inherits from the levels above it; its own
 * overrides win. Everything is validated against the statute before it is stored.
 */
@Injectable()
export class PenaltyPolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: EnforcementRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for the department: defaults, then each ancestor's overrides from the top down, then its own. */
  async effectivePolicy(departmentId: string): Promise<ProcedurePolicy> {
    const chain = await this.repo.departmentChain(departmentId);
    const rows = await this.repo.policies.findPolicies(chain);
    const byDept = new Map(rows.map((r) => [r.departmentId, r.overrides]));
    return procedurePolicy(mergePolicyLayers(chain, (id) => byDept.get(id)));
  }

  async ownOverrides(departmentId: string): Promise<Record<string, unknown>> {
    return (await this.repo.policies.findPolicies([departmentId]))[0]?.overrides ?? {};
  }

  /** The department's own overrides and its effective policy, for someone whose jurisdiction includes it. */
  async policyFor(actor: Actor, departmentId: string) {
    assertVisible(actor, departmentId);
    return {
      departmentId,
      overrides: await this.ownOverrides(departmentId),
      effective: await this.effectivePolicy(departmentId),
    };
  }

  /**
   * Document numbers are unique across the installation and counted per department, so a prefix another
   * department already numbers with (its own, or the one derived from its name and kind) would make the two
   * issue the same numbers.
   */
  private async assertPrefixFree(departmentId: string, prefix: string): Promise<void> {
    const others = await this.repo.otherDepartmentsPrefixes(departmentId);
    const taken = others.find((d) => documentPrefix(d.documentPrefix, d.name, d.kind) === prefix);
    if (taken)
      throw new DomainError(
        ErrorCode.ALREADY_EXISTS,
        `documentPrefix ${prefix} is already used by ${taken.name}; choose another`,
        { field: 'documentPrefix', departmentId: taken.id },
      );
  }

  private async assertAdminOf(actor: Actor, departmentId: string): Promise<void> {
    if (!hasAnyRole(actor, ADMIN_ROLES))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only administrators configure the penalty policy');
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
    if (!actor.visibleDepartmentIds.includes(departmentId)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'you may configure only your own department and those below it',
        { departmentId },
      );
    }
  }

  /** Replaces the department's overrides (validated merged with what it inherits); audited with before/after. */
  async putPolicy(
    actor: Actor,
    departmentId: string,
    overrides: Record<string, unknown>,
    requestId?: string,
  ): Promise<{ departmentId: string; overrides: Record<string, unknown>; effective: ProcedurePolicy }> {
    await this.assertAdminOf(actor, departmentId);
    const chain = await this.repo.departmentChain(departmentId);
    const rows = await this.repo.policies.findPolicies(chain.slice(1));
    const byDept = new Map(rows.map((r) => [r.departmentId, r.overrides]));
    // Throws on a bad value; nothing stored.
    const effective = procedurePolicy(
      mergePolicyLayers(chain, (id) => (id === departmentId ? overrides : byDept.get(id))),
    );
    if (effective.documentPrefix !== null) await this.assertPrefixFree(departmentId, effective.documentPrefix);
    const before = await this.ownOverrides(departmentId);
    await this.uow.transaction(async (tx) => {
      await this.repo.policies.upsertPolicy(departmentId, overrides, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'PENALTY_POLICY_SAVED',
          requestId,
          summary: { departmentId, before, after: overrides },
        },
        tx,
      );
    });
    return { departmentId, overrides, effective };
  }

  // ---- discretion benchmarks (行政处罚法 Art.34) ----

  /** The benchmark in force on `on` for the department (nearest level up), else the installation default. */
  async applicableBenchmark(departmentId: string, on: string): Promise<BenchmarkView | null> {
    const b = await this.repo.applicableBenchmark(await this.repo.departmentChain(departmentId), on);
    return b ? benchmarkView(b) : null;
  }

  /** The benchmark in force for a department of the actor's jurisdiction (default: theirs) on a date (default: today). */
  async applicableBenchmarkFor(actor: Actor, departmentId = actor.departmentId, on = toLocalDate(new Date())) {
    assertVisible(actor, departmentId);
    const benchmark = await this.applicableBenchmark(departmentId, on);
    if (!benchmark) throw new DomainError(ErrorCode.NOT_FOUND, 'no discretion benchmark is in force');
    return benchmark;
  }

  async createBenchmark(
    actor: Actor,
    input: {
      id: string;
      departmentId: string;
      jurisdiction: string;
      effectiveFrom: string;
      source: string;
      entries: Array<DiscretionBenchmarkEntry & { title?: string }>;
    },
    requestId?: string,
  ): Promise<BenchmarkView> {
    await this.assertAdminOf(actor, input.departmentId);
    const asDomain: DiscretionBenchmark = {
      id: input.id,
      jurisdiction: input.jurisdiction,
      effectiveFrom: input.effectiveFrom,
      source: input.source,
      entries: input.entries,
    };
    validateDiscretionBenchmark(asDomain);
    if (await this.repo.findBenchmark(input.id))
      throw new DomainError(
        ErrorCode.ALREADY_EXISTS,
        `benchmark ${input.id} already exists; benchmarks are versioned by id and never edited`,
      );
    const saved = await this.uow.transaction(async (tx) => {
      const b = await this.repo.insertBenchmark({ ...input, createdBy: actor.userId, entries: input.entries }, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'DISCRETION_BENCHMARK_CREATED',
          requestId,
          summary: {
            benchmarkId: b.id,
            departmentId: input.departmentId,
            effectiveFrom: input.effectiveFrom,
            entries: input.entries.length,
          },
        },
        tx,
      );
      return b;
    });
    return benchmarkView(saved);
  }

  async listBenchmarks(actor: Actor, offset: number, limit: number): Promise<Page<BenchmarkView>> {
    const [rows, total] = await this.repo.listBenchmarks(await this.benchmarkDepartments(actor), offset, limit);
    return { items: rows.map(benchmarkView), total, offset, limit };
  }

  /**
   * One benchmark version by id (the one a proposal names), if the actor may see it: the default, or one of
   * their department, the levels above it or their jurisdiction below — the same set as the list.
   */
  async benchmarkFor(actor: Actor, id: string): Promise<BenchmarkView> {
    const found = await this.repo.findBenchmark(id);
    if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `no discretion benchmark ${id}`);
    if (found.departmentId !== null && !(await this.benchmarkDepartments(actor)).includes(found.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this benchmark belongs to another jurisdiction');
    return benchmarkView(found);
  }

  /** Departments whose benchmarks the actor sees: their own, the levels above it and their jurisdiction. */
  private async benchmarkDepartments(actor: Actor): Promise<string[]> {
    const chain = await this.repo.departmentChain(actor.departmentId);
    return [...new Set([...chain, ...actor.visibleDepartmentIds])];
  }
}
