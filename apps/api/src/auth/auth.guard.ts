import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { IdentityService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { isUuid } from '@safety/domain/ids';
import type { Role } from '@safety/domain/identity/roles';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';

/**
 * The user id of verified claims. The signature, algorithm, issuer and audience are checked by the
 * JWT library; a token must also expire and name a user by id (a missing `sub` once matched any user).
 */
export function tokenSubject(claims: Record<string, unknown>): string {
  if (typeof claims.exp !== 'number')
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the token has no expiry and is refused');
  if (!isUuid(claims.sub)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the token does not name a user');
  return claims.sub;
}

/** Global guard: a valid bearer token on every endpoint not marked @Public, then the @Roles check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the token is invalid or expired');
    }
    req.actor = await this.identity.resolveActor(tokenSubject(claims));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !req.actor.roles.some((r: Role) => roles.includes(r))) {
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, `this action needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
