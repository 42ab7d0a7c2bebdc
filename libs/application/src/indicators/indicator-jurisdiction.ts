import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { IndicatorRepository } from '@safety/persistence';

/**
 * Who may read and administer the indicators of a region: the regions of the departments in the actor's
 * jurisdiction (their own department and, for heads and administrators, every department below it). An
 * officer of a county bureau sees the county's plans; the head of the city bureau the city's and its
 * counties'; an administrator enters plans and denominators of the same regions only.
 */
@Injectable()
export class IndicatorJurisdiction {
  constructor(private readonly repo: IndicatorRepository) {}

  regionsOf(actor: Actor): Promise<string[]> {
    return this.repo.regionsOfDepartments(actor.visibleDepartmentIds);
  }

  /** 404 for an unknown region, 403 for one outside the jurisdiction. */
  async assertRegion(actor: Actor, regionId: string): Promise<void> {
    if (!(await this.repo.findRegion(regionId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `region ${regionId} not found`, { regionId });
    if (!(await this.regionsOf(actor)).includes(regionId))
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'this region is outside your jurisdiction (the regions of your department and those below it)',
        { regionId },
      );
  }
}
