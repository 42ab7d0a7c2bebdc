import { Injectable } from '@nestjs/common';
import { Actor, Role, SUPERVISORY_ROLES } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { isUuid } from '@safety/domain/ids';
import { OrganisationRepository } from '@safety/persistence';

/** Re-exported for callers that hash passwords (administration, seeds, tests). */
export { hashPassword } from './password-hasher';

@Injectable()
export class IdentityService {
  constructor(private readonly org: OrganisationRepository) {}

  /** Loads the user fresh on every request, so a deactivated user or a moved department takes effect at once. */
  /** The actor a user would be, or null for an unknown or deactivated user (e.g. before reassigning to them). */
  async actorOf(userId: string): Promise<Actor | null> {
    try {
      return await this.resolveActor(userId);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.UNAUTHENTICATED) return null;
      throw e;
    }
  }

  async resolveActor(userId: string): Promise<Actor> {
    // Never a lookup by a missing or malformed id (`where: { id: undefined }` matches every row).
    if (!isUuid(userId)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'user is unknown or deactivated');
    const user = await this.org.findUserById(userId);
    if (!user || !user.active) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'user is unknown or deactivated');
    const roles = user.roles as Role[];
    const supervisory = roles.some((r) => SUPERVISORY_ROLES.includes(r));
    const visibleDepartmentIds = supervisory
      ? await this.org.departmentSubtree(user.departmentId)
      : [user.departmentId];
    return {
      userId: user.id,
      username: user.username,
      roles,
      departmentId: user.departmentId,
      visibleDepartmentIds,
      credentialNo: user.credentialNo,
      legalQualified: user.legalQualified,
    };
  }
}
