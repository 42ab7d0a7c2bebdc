import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { SupervisionPolicy, supervisionPolicy } from '@safety/domain/supervision';
import { EnforcementRepository, OrganisationRepository, SupervisionRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';

/**
 * 督办 and 约谈 policy: each department may override the defaults for itself and those below; the
 * policy in force layers the overrides of the department's chain over the defaults.
 */
@Injectable()
export class SupervisionPolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SupervisionRepository,
    private readonly org: OrganisationRepository,
    private readonly enforcement: EnforcementRepository,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for the department: defaults, then each ancestor's overrides from the top down, then its own. */
  async effectivePolicy(departmentId: string): Promise<SupervisionPolicy> {
    const chain = await this.enforcement.departmentChain(departmentId);
    return supervisionPolicy(...(await this.layers(chain)));
  }

  private async layers(chain: string[]): Promise<Array<Partial<SupervisionPolicy>>> {
    const rows = new Map((await this.repo.findPolicies(chain)).map((row) => [row.departmentId, row.overrides]));
    return [...chain].reverse().map((id) => (rows.get(id) ?? {}) as Partial<SupervisionPolicy>);
  }

  async policyFor(actor: Actor, departmentId: string) {
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    const own = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    return { departmentId, overrides: own, effective: await this.effectivePolicy(departmentId) };
  }

  /** Replaces the department's overrides (validated with what it inherits; nothing stored when invalid); audited. */
  async putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only administrators configure the supervision policy');
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you may configure only your department and those below');
    const chain = await this.enforcement.departmentChain(departmentId);
    const effective = supervisionPolicy(
      ...(await this.layers(chain.slice(1))),
      overrides as Partial<SupervisionPolicy>,
    );
    const before = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    await this.uow.transaction(async (tx) => {
      await this.repo.upsertPolicy(departmentId, overrides, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'SUPERVISION_POLICY_SAVED',
          requestId,
          summary: { departmentId, before, after: overrides },
        },
        tx,
      );
    });
    return { departmentId, overrides, effective };
  }
}
