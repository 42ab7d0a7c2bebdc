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

/**
 * The caller's key for retrying a request safely: the Idempotency-Key header, else an x-request-id
 * the caller chose. Absent when the caller sent neither (then every request is a new one).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const headers = ctx.switchToHttp().getRequest().headers as Record<string, string | string[] | undefined>;
  const key = headers['idempotency-key'] ?? headers['x-request-id'];
  return typeof key === 'string' && /^[\w.:-]{1,100}$/.test(key) ? key : undefined;
});

/** The client's address as Express resolved it (X-Forwarded-For only from proxies TRUST_PROXY names). */
export const ClientAddress = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().ip ?? 'unknown',
);
