import { Injectable } from '@nestjs/common';
import { SupervisionPolicy, supervisionPolicy } from '@safety/domain/supervision';
import { EnforcementRepository, OrganisationRepository, SupervisionRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { DepartmentPolicyService } from '../department-policy';

/** 督办 and 约谈 policy (periods, publication, warning lead), per department down the chain. */
@Injectable()
export class SupervisionPolicyService extends DepartmentPolicyService<SupervisionPolicy> {
  protected readonly name = 'supervision policy';
  protected readonly savedAction = 'SUPERVISION_POLICY_SAVED';

  constructor(
    uow: UnitOfWork,
    repo: SupervisionRepository,
    org: OrganisationRepository,
    enforcement: EnforcementRepository,
    audit: AuditService,
  ) {
    super(uow, repo.policies, org, enforcement, audit);
  }

  protected merge(...layers: Array<Partial<SupervisionPolicy>>): SupervisionPolicy {
    return supervisionPolicy(...layers);
  }
}
