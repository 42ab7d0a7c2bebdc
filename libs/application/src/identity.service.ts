import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Actor, Role, SUPERVISORY_ROLES } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { OrganisationRepository } from '@safety/persistence';
import { AuditService } from './audit.service';

/** argon2id (OWASP's first choice for password storage); hashes carry their own salt and parameters. */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

@Injectable()
export class IdentityService {
  constructor(
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Checks the password and audits the attempt. The same error for unknown user and wrong password. */
  async verifyLogin(username: string, password: string, requestId?: string): Promise<Actor> {
    const user = await this.org.findUserByUsername(username);
    const ok = !!user && user.active && (await argon2.verify(user.passwordHash, password).catch(() => false));
    if (!ok || !user) {
      await this.audit.record({ actorId: user?.id ?? null, action: 'LOGIN_FAILED', requestId, summary: { username } });
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'wrong username or password');
    }
    await this.audit.record({
      actorId: user.id,
      actorRole: user.roles[0] ?? null,
      action: 'LOGIN_SUCCEEDED',
      requestId,
      summary: { username },
    });
    return this.resolveActor(user.id);
  }

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
