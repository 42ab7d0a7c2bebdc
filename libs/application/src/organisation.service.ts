import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { maskPhone } from '@safety/domain/privacy/mask';
import {
  DepartmentEntity,
  DirectoryRepository,
  EnterpriseEntity,
  OrganisationRepository,
  UserEntity,
  KeysetPage,
  PageRequest,
} from '@safety/persistence';
import { AuditService, Page } from './audit.service';
import { hashPassword } from './password-hasher';

export interface EnterpriseView {
  id: string;
  creditCode: string;
  name: string;
  sectorCode: string;
  regionId: string;
  enforcementDepartmentId: string;
  riskGrade: string;
  creditStatus: string;
  principalName: string | null;
  principalPhone: string | null;
}

@Injectable()
export class OrganisationService {
  constructor(
    private readonly dir: DirectoryRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  async departments(q: {
    ids?: string[];
    level?: string;
    kind?: string;
    offset: number;
    limit: number;
  }): Promise<Page<DepartmentEntity>> {
    const [items, total] = await this.dir.listDepartments(q);
    return { items, total, offset: q.offset, limit: q.limit };
  }
  /**
   * The departments a step may name (the competent department a complaint is transferred to, a joint inspection's
   * partner): every department in existence today, searched by name. Not personal data, so not limited to the
   * reader's jurisdiction: a transfer goes to a body outside it.
   */
  departmentDirectory(page: PageRequest & { nameContains?: string }): Promise<KeysetPage<DepartmentEntity>> {
    return this.dir.currentDepartmentsPage(page);
  }

  /** Enterprises the actor's departments supervise, by name (keyset pages); lists always mask the principal's phone. */
  async enterprises(
    actor: Actor,
    q: PageRequest & { sectorCode?: string; riskGrade?: string },
  ): Promise<KeysetPage<EnterpriseView>> {
    const page = await this.dir.enterprisesPage({ departmentIds: actor.visibleDepartmentIds, ...q });
    return { ...page, items: page.items.map((e) => this.view(e, false)) };
  }

  /** One enterprise; the unmasked phone is personal data, so that read is recorded. */
  async enterprise(actor: Actor, id: string, requestId?: string): Promise<EnterpriseView> {
    const e = await this.org.findEnterprise(id);
    if (!e) throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(e.enforcementDepartmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this enterprise is supervised by another department', {
        enterpriseId: id,
      });
    }
    await this.audit.record({
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'PERSONAL_DATA_READ',
      requestId,
      summary: { entity: 'enterprise', id, fields: ['principalName', 'principalPhone'] },
    });
    return this.view(e, true);
  }

  /** Users of the departments the actor administers, by username (keyset pages). */
  users(actor: Actor, q: PageRequest): Promise<KeysetPage<UserEntity>> {
    return this.dir.usersPage({ departmentIds: this.administered(actor), ...q });
  }

  async createUser(
    actor: Actor,
    input: {
      username: string;
      password: string;
      displayName: string;
      departmentId: string;
      roles: Role[];
      credentialNo?: string | null;
      legalQualified?: boolean;
    },
    requestId?: string,
  ): Promise<UserEntity> {
    if (!this.administers(actor, input.departmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you do not administer that department', {
        departmentId: input.departmentId,
      });
    }
    if (input.roles.includes(Role.SYSTEM_ADMIN) && !hasAnyRole(actor, [Role.SYSTEM_ADMIN])) {
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only a system administrator can grant SYSTEM_ADMIN');
    }
    // 持证上岗: enforcement officers need an enforcement credential number (行政处罚法 Art.42).
    if (input.roles.includes(Role.ENFORCEMENT_OFFICER) && !input.credentialNo) {
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'an enforcement officer needs a credential number (执法证号)');
    }
    const dept = await this.org.findDepartment(input.departmentId);
    if (!dept) throw new DomainError(ErrorCode.NOT_FOUND, `department ${input.departmentId} not found`);
    const user = await this.dir.insertUser({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      departmentId: input.departmentId,
      roles: input.roles,
      credentialNo: input.credentialNo ?? null,
      legalQualified: input.legalQualified ?? false,
    });
    if (!user) throw new DomainError(ErrorCode.ALREADY_EXISTS, `username ${input.username} is taken`);
    await this.audit.record({
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'USER_CREATED',
      requestId,
      summary: { userId: user.id, username: user.username, departmentId: user.departmentId, roles: user.roles },
    });
    return user;
  }

  async setActive(actor: Actor, userId: string, active: boolean, requestId?: string): Promise<UserEntity> {
    const user = await this.org.findUserById(userId);
    if (!user) throw new DomainError(ErrorCode.NOT_FOUND, `user ${userId} not found`);
    if (!this.administers(actor, user.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you do not administer that user');
    if (user.id === actor.userId)
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'you cannot change your own activation');
    await this.dir.setUserActive(userId, active);
    await this.audit.record({
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: active ? 'USER_ACTIVATED' : 'USER_DEACTIVATED',
      requestId,
      summary: { userId, before: user.active, after: active },
    });
    return { ...user, active };
  }

  /**
   * System administrators administer the accounts of every department of the installation (police,
   * trade unions and discipline bodies too, whose users join accident teams); department
   * administrators their own department's. `null`: every department.
   */
  private administered(actor: Actor): string[] | null {
    if (hasAnyRole(actor, [Role.SYSTEM_ADMIN])) return null;
    if (hasAnyRole(actor, [Role.DEPARTMENT_ADMIN])) return [actor.departmentId];
    return [];
  }

  private administers(actor: Actor, departmentId: string): boolean {
    const administered = this.administered(actor);
    return administered === null || administered.includes(departmentId);
  }

  private view(e: EnterpriseEntity, full: boolean): EnterpriseView {
    return {
      id: e.id,
      creditCode: e.creditCode,
      name: e.name,
      sectorCode: e.sectorCode,
      regionId: e.regionId,
      enforcementDepartmentId: e.enforcementDepartmentId,
      riskGrade: e.riskGrade,
      creditStatus: e.creditStatus,
      principalName: e.principalName,
      principalPhone: full ? e.principalPhone : maskPhone(e.principalPhone),
    };
  }

  /**
   * Colleagues a step may name (co-investigating officers, reviewers): active users of the departments
   * the actor sees. Names, roles and credential numbers only, which the agency shows to parties anyway.
   * With a name to search for, the officials of every department (an accident's investigation team takes
   * police, trade-union and discipline members from other bodies; 条例 Art.22).
   */
  directory(
    actor: Actor,
    page: PageRequest & { nameContains?: string; ids?: string[] },
  ): Promise<KeysetPage<UserEntity>> {
    // By id, the people a record the reader sees refers to: of any body, and named still after they left.
    if (page.ids) return this.dir.usersPage({ departmentIds: null, ...page });
    return this.dir.usersPage({
      departmentIds: page.nameContains ? null : actor.visibleDepartmentIds,
      activeOnly: true,
      ...page,
    });
  }
}
