import { Injectable } from '@nestjs/common';
import { AccidentDepartmentPolicy, accidentDepartmentPolicy } from '@safety/domain/accident';
import {
  AccidentReportingRepository,
  EnforcementRepository,
  OrganisationRepository,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { DepartmentPolicyService } from '../department-policy';

/**
 * The accident policy values a department sets for itself and those below (the bodies 条例 Art.10(1) has it
 * notify); the installation-wide ones are AccidentPolicyService's. Read when a case plans its upward reports,
 * so a later change does not alter a running case.
 */
@Injectable()
export class AccidentDepartmentPolicyService extends DepartmentPolicyService<AccidentDepartmentPolicy> {
  protected readonly name = 'accident department policy';
  protected readonly savedAction = 'ACCIDENT_POLICY_SAVED';

  constructor(
    uow: UnitOfWork,
    repo: AccidentReportingRepository,
    org: OrganisationRepository,
    enforcement: EnforcementRepository,
    audit: AuditService,
  ) {
    super(uow, repo.policies, org, enforcement, audit);
  }

  protected merge(...layers: Array<Partial<AccidentDepartmentPolicy>>): AccidentDepartmentPolicy {
    return accidentDepartmentPolicy(...layers);
  }
}
