import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import type { EnforcementRepository, OrganisationRepository, Transaction, UnitOfWork } from '@safety/persistence';
import type { AuditService } from './audit.service';

/** Where a per-department policy keeps each department's overrides (its repository). */
export interface PolicyOverridesStore {
  findPolicies(departmentIds: string[]): Promise<Array<{ departmentId: string; overrides: Record<string, unknown> }>>;
  upsertPolicy(
    departmentId: string,
    overrides: Record<string, unknown>,
    updatedBy: string,
    tx: Transaction,
  ): Promise<void>;
}

/**
 * A per-department policy of values the statutes leave to local rules (complaints, supervision):
 * each department may override the defaults for itself and those below; the policy in force is
 * the defaults, then each ancestor's overrides from the top down, then the department's own.
 */
export abstract class DepartmentPolicyService<Policy> {
  /** What the policy is called in messages, e.g. `complaint policy`. */
  protected abstract readonly name: string;
  /** The audit action of a saved override. */
  protected abstract readonly savedAction: string;
  /** Merges the layers (outermost first) over the defaults and validates the result (throws 400/422). */
  protected abstract merge(...layers: Array<Partial<Policy>>): Policy;

  protected constructor(
    protected readonly uow: UnitOfWork,
    protected readonly store: PolicyOverridesStore,
    protected readonly org: OrganisationRepository,
    protected readonly enforcement: EnforcementRepository,
    protected readonly audit: AuditService,
  ) {}

  /** The policy in force for the department. */
  async effectivePolicy(departmentId: string): Promise<Policy> {
    return this.merge(...(await this.layers(await this.enforcement.departmentChain(departmentId))));
  }

  /** The stored overrides of a department chain (nearest first), outermost first. */
  private async layers(chain: string[]): Promise<Array<Partial<Policy>>> {
    const rows = new Map((await this.store.findPolicies(chain)).map((row) => [row.departmentId, row.overrides]));
    return [...chain].reverse().map((id) => (rows.get(id) ?? {}) as Partial<Policy>);
  }

  /** The department's own overrides and the effective policy, for someone whose jurisdiction includes it. */
  async policyFor(actor: Actor, departmentId: string) {
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    const own = (await this.store.findPolicies([departmentId]))[0]?.overrides ?? {};
    return { departmentId, overrides: own, effective: await this.effectivePolicy(departmentId) };
  }

  /** Replaces the department's overrides (validated with what it inherits; nothing stored when invalid); audited. */
  async putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, `only administrators configure the ${this.name}`);
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you may configure only your department and those below');
    const chain = await this.enforcement.departmentChain(departmentId);
    const effective = this.merge(...(await this.layers(chain.slice(1))), overrides as Partial<Policy>);
    const before = (await this.store.findPolicies([departmentId]))[0]?.overrides ?? {};
    await this.uow.transaction(async (tx) => {
      await this.store.upsertPolicy(departmentId, overrides, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: this.savedAction,
          requestId,
          summary: { departmentId, before, after: overrides },
        },
        tx,
      );
    });
    return { departmentId, overrides, effective };
  }
}
