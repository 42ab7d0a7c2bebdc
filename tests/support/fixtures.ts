import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@safety/application/identity.service';
import { Role } from '@safety/domain/identity/roles';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  departmentId: string;
  roles: Role[];
}

export interface TestOrg {
  suffix: string;
  regionId: string;
  /** A county emergency bureau, the unit under test. */
  departmentId: string;
  /** Its parent city bureau (supervisor). */
  cityDepartmentId: string;
  /** A sibling county bureau elsewhere (another jurisdiction). */
  otherDepartmentId: string;
  disciplineDepartmentId: string;
  enterpriseId: string;
  otherEnterpriseId: string;
  users: {
    officerA: TestUser;
    officerB: TestUser;
    head: TestUser;
    legal: TestUser;
    admin: TestUser;
    sysadmin: TestUser;
    cityHead: TestUser;
    otherOfficer: TestUser;
    discipline: TestUser;
  };
}

let passwordHash: Promise<string> | null = null;
const PASSWORD = `pw-${randomBytes(8).toString('hex')}`;

/** A fresh organisation with its own ids, so tests never share rows or depend on demo seeds. */
export async function createOrg(ds: DataSource): Promise<TestOrg> {
  const s = randomBytes(4).toString('hex');
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const one = async (sql: string, params: unknown[]) => (await ds.query(sql, params))[0].id as string;
  const regionCity = await one(`INSERT INTO regions (code, name, level) VALUES ($1,$2,'CITY') RETURNING id`, [
    `C${s}`,
    `测试市${s}`,
  ]);
  const regionId = await one(
    `INSERT INTO regions (code, name, level, parent_id) VALUES ($1,$2,'COUNTY',$3) RETURNING id`,
    [`X${s}`, `测试县${s}`, regionCity],
  );
  const regionOther = await one(
    `INSERT INTO regions (code, name, level, parent_id) VALUES ($1,$2,'COUNTY',$3) RETURNING id`,
    [`Y${s}`, `邻县${s}`, regionCity],
  );
  const dept = (code: string, name: string, kind: string, level: string, region: string, parent: string | null) =>
    one(
      `INSERT INTO departments (code, name, kind, level, region_id, parent_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [code, name, kind, level, region, parent],
    );
  const cityDepartmentId = await dept(
    `EM-C${s}`,
    `测试市应急管理局${s}`,
    'EMERGENCY_MANAGEMENT',
    'CITY',
    regionCity,
    null,
  );
  const departmentId = await dept(
    `EM-X${s}`,
    `测试县应急管理局${s}`,
    'EMERGENCY_MANAGEMENT',
    'COUNTY',
    regionId,
    cityDepartmentId,
  );
  const otherDepartmentId = await dept(
    `EM-Y${s}`,
    `邻县应急管理局${s}`,
    'EMERGENCY_MANAGEMENT',
    'COUNTY',
    regionOther,
    cityDepartmentId,
  );
  const disciplineDepartmentId = await dept(`DI-C${s}`, `测试市纪委监委${s}`, 'DISCIPLINE', 'CITY', regionCity, null);
  const enterprise = (code: string, dep: string, region: string) =>
    one(
      `INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade, principal_name, principal_phone)
         VALUES ($1,$2,'HAZARDOUS_CHEMICALS',$3,$4,'RED','负责人','13900001111') RETURNING id`,
      [code, `测试企业${code}`, region, dep],
    );
  const enterpriseId = await enterprise(`E${s}A`.padEnd(18, '0'), departmentId, regionId);
  const otherEnterpriseId = await enterprise(`E${s}B`.padEnd(18, '0'), otherDepartmentId, regionOther);
  const user = async (
    name: string,
    dep: string,
    roles: Role[],
    credential: string | null,
    legal = false,
  ): Promise<TestUser> => {
    const username = `${name}.${s}`;
    const id = await one(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no, legal_qualified)
                          VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [username, hash, name, dep, roles, credential, legal],
    );
    return { id, username, password: PASSWORD, departmentId: dep, roles };
  };
  return {
    suffix: s,
    regionId,
    departmentId,
    cityDepartmentId,
    otherDepartmentId,
    disciplineDepartmentId,
    enterpriseId,
    otherEnterpriseId,
    users: {
      officerA: await user('officerA', departmentId, [Role.ENFORCEMENT_OFFICER], `A${s}`),
      officerB: await user('officerB', departmentId, [Role.ENFORCEMENT_OFFICER], `B${s}`),
      head: await user('head', departmentId, [Role.AGENCY_HEAD], `H${s}`),
      legal: await user('legal', departmentId, [Role.LEGAL_REVIEWER], null, true),
      admin: await user('admin', departmentId, [Role.DEPARTMENT_ADMIN], null),
      sysadmin: await user('sysadmin', cityDepartmentId, [Role.SYSTEM_ADMIN], null),
      cityHead: await user('cityhead', cityDepartmentId, [Role.AGENCY_HEAD], `CH${s}`),
      otherOfficer: await user('other', otherDepartmentId, [Role.ENFORCEMENT_OFFICER], `O${s}`),
      discipline: await user('discipline', disciplineDepartmentId, [Role.DISCIPLINE_BODY], null),
    },
  };
}
