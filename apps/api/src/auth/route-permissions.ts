import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@safety/domain/identity/roles';
import { ANY_AUTHENTICATED, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';

export type RoutePermission =
  | { kind: 'public' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'authenticated' }
  /** None of @Public, @Roles, @AnyAuthenticated: the guard still requires a token, but nobody decided who may call it. */
  | { kind: 'undeclared' };

export interface RouteEntry {
  method: string;
  /** Express template, e.g. `/tasks/:id/complete`. */
  path: string;
  handler: string;
  permission: RoutePermission;
}

const joinPath = (...parts: Array<string | string[] | undefined>): string => {
  const segments = parts.flatMap((part) => (Array.isArray(part) ? part.slice(0, 1) : [part ?? '']));
  const joined = `/${segments
    .map((segment) => segment.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
};

/**
 * The route table as Nest registered it, with each route's declared permission, read from the same metadata
 * the auth guard reads (handler first, then class). Used by the authorization matrix tests.
 */
export function routePermissions(app: INestApplication): RouteEntry[] {
  const reflector = app.get(Reflector);
  const routes: RouteEntry[] = [];
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefix: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, controller);
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const targets = [handler, controller];
        const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
        const permission: RoutePermission = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
          ? { kind: 'public' }
          : roles?.length
            ? { kind: 'roles', roles }
            : reflector.getAllAndOverride<boolean>(ANY_AUTHENTICATED, targets)
              ? { kind: 'authenticated' }
              : { kind: 'undeclared' };
        routes.push({
          method: RequestMethod[method],
          path: joinPath(prefix, path),
          handler: `${controller.name}.${name}`,
          permission,
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
