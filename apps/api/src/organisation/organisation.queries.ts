import { Injectable } from '@nestjs/common';
import { OrganisationService } from '@safety/application';
import type { Actor, Role } from '@safety/domain/identity/roles';
import type { PageRequest } from '@safety/persistence';
import {
  DepartmentDirectoryQueryDto,
  DepartmentQueryDto,
  departmentView,
  DirectoryQueryDto,
  directoryUserView,
  idsOf,
  userView,
} from './organisation.schemas';

/** The directory as the API shows it: departments, enterprises and users, with the user administration. */
@Injectable()
export class OrganisationQueries {
  constructor(private readonly org: OrganisationService) {}

  async departments({ ids, ...query }: DepartmentQueryDto) {
    const page = await this.org.departments({ ...query, ids: idsOf(ids) });
    return { ...page, items: page.items.map(departmentView) };
  }

  enterprises(actor: Actor, query: PageRequest & { sectorCode?: string; riskGrade?: string }) {
    return this.org.enterprises(actor, query);
  }

  enterprise(actor: Actor, id: string, requestId?: string) {
    return this.org.enterprise(actor, id, requestId);
  }

  async users(actor: Actor, page: PageRequest) {
    const found = await this.org.users(actor, page);
    return { ...found, items: found.items.map(userView) };
  }

  async directory(actor: Actor, query: DirectoryQueryDto) {
    const { q, ids, ...page } = query;
    const found = await this.org.directory(actor, { ...page, nameContains: q, ids: idsOf(ids) });
    return { ...found, items: found.items.map((user) => directoryUserView(user, actor.visibleDepartmentIds)) };
  }

  async departmentDirectory(query: DepartmentDirectoryQueryDto) {
    const { q, ...page } = query;
    const found = await this.org.departmentDirectory({ ...page, nameContains: q });
    return { ...found, items: found.items.map(departmentView) };
  }

  async createUser(
    actor: Actor,
    input: {
      username: string;
      password: string;
      displayName: string;
      departmentId: string;
      roles: Role[];
      credentialNo?: string;
      legalQualified?: boolean;
    },
    requestId?: string,
  ) {
    return userView(await this.org.createUser(actor, input, requestId));
  }

  async deactivate(actor: Actor, userId: string, requestId?: string) {
    return userView(await this.org.setActive(actor, userId, false, requestId));
  }
}
