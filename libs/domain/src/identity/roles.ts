/** Roles a user may hold (DOMAIN.md "Who uses it"). A user may hold several. */
export enum Role {
  ENFORCEMENT_OFFICER = 'ENFORCEMENT_OFFICER', // 执法人员
  AGENCY_HEAD = 'AGENCY_HEAD', // 负责人
  LEGAL_REVIEWER = 'LEGAL_REVIEWER', // 法制审核人员
  INVESTIGATION_MEMBER = 'INVESTIGATION_MEMBER', // 事故调查组成员
  DISCIPLINE_BODY = 'DISCIPLINE_BODY', // 纪检监察机关
  DEPARTMENT_ADMIN = 'DEPARTMENT_ADMIN', // 部门管理员
  SYSTEM_ADMIN = 'SYSTEM_ADMIN', // 系统管理员
}

export const ALL_ROLES = Object.values(Role) as Role[];

/** The authenticated person acting on a request or a task, with the jurisdiction resolved at login. */
export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
  departmentId: string;
  /** The department and, for heads and administrators (supervisors), every department below it. */
  visibleDepartmentIds: string[];
  credentialNo: string | null;
  legalQualified: boolean;
}

/** Supervisory roles see their own department and the levels below it. */
export const SUPERVISORY_ROLES: readonly Role[] = [Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN];

export const hasAnyRole = (actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean =>
  actor.roles.some((r) => roles.includes(r));
