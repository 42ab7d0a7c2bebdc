import { Injectable } from '@nestjs/common';
import { ComplaintPolicy, complaintPolicy } from '@safety/domain/complaint';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { ComplaintRepository, EnforcementRepository, OrganisationRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';

/**
 * 投诉举报 (12350) policy: each department may override the defaults for itself and those below;
 * the policy in force layers the overrides of the department's chain over the defaults.
 */
@Injectable()
export class ComplaintPolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ComplaintRepository,
    private readonly org: OrganisationRepository,
    private readonly enforcement: EnforcementRepository,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for the department: defaults, then each ancestor's overrides from the top down, then its own. */
  async effectivePolicy(departmentId: string): Promise<ComplaintPolicy> {
    return complaintPolicy(...(await this.overrideLayers(await this.enforcement.departmentChain(departmentId))));
  }

  /** The stored overrides of a department chain (nearest first), outermost first. */
  private async overrideLayers(chain: string[]): Promise<Array<Partial<ComplaintPolicy>>> {
    const rows = new Map((await this.repo.findPolicies(chain)).map((row) => [row.departmentId, row.overrides]));
    return [...chain].reverse().map((id) => (rows.get(id) ?? {}) as Partial<ComplaintPolicy>);
  }

  /** The department's own overrides and the effective policy, for someone whose jurisdiction includes it. */
  async policyFor(actor: Actor, departmentId: string) {
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    const own = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    return { departmentId, overrides: own, effective: await this.effectivePolicy(departmentId) };
  }

  /** Replaces the department's overrides (validated with what it inherits); audited with before and after. */
  async putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only administrators configure the complaint policy');
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you may configure only your department and those below');
    const chain = await this.enforcement.departmentChain(departmentId);
    const inherited = await this.overrideLayers(chain.slice(1));
    const effective = complaintPolicy(...inherited, overrides as Partial<ComplaintPolicy>); // throws; nothing stored
    const before = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    await this.uow.transaction(async (tx) => {
      await this.repo.upsertPolicy(departmentId, overrides, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'COMPLAINT_POLICY_SAVED',
          requestId,
          summary: { departmentId, before, after: overrides },
        },
        tx,
      );
    });
    return { departmentId, overrides, effective };
  }
}
