import { Injectable } from '@nestjs/common';
import { ComplaintPolicy, complaintPolicy } from '@safety/domain/complaint';
import { ComplaintRepository, EnforcementRepository, OrganisationRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { DepartmentPolicyService } from '../department-policy';

/**
 * 投诉举报 (12350) policy: each department may override the defaults for itself and those below;
 * the policy in force layers the overrides of the department's chain over the defaults.
 */
@Injectable()
export class ComplaintPolicyService extends DepartmentPolicyService<ComplaintPolicy> {
  protected readonly name = 'complaint policy';
  protected readonly savedAction = 'COMPLAINT_POLICY_SAVED';

  constructor(
    uow: UnitOfWork,
    repo: ComplaintRepository,
    org: OrganisationRepository,
    enforcement: EnforcementRepository,
    audit: AuditService,
  ) {
    super(uow, repo.policies, org, enforcement, audit);
  }

  protected merge(...layers: Array<Partial<ComplaintPolicy>>): ComplaintPolicy {
    return complaintPolicy(...layers);
  }
}
