import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@safety/domain/identity/roles';

export const IS_PUBLIC = 'isPublic';
export const REQUIRED_ROLES = 'requiredRoles';
export const ANY_AUTHENTICATED = 'anyAuthenticated';

/** Opens an endpoint to unauthenticated callers (health, login, public disclosure). Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Requires at least one of the roles; checked by the auth guard, denials answered 403 FORBIDDEN_ROLE and audited. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
/**
 * Any authenticated user may call it: the service checks the jurisdiction (department, case, assignment).
 * Declares that on purpose, so a route without any of these three decorators stands out (route-permissions.ts).
 */
export const AnyAuthenticated = () => SetMetadata(ANY_AUTHENTICATED, true);

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor,
);
export const RequestId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const id = ctx.switchToHttp().getRequest().id;
  return typeof id === 'string' ? id : undefined;
});
