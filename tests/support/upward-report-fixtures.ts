import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { UpwardReportView } from '@safety/application';
import { hashPassword } from '@safety/application/identity.service';
import { Role } from '@safety/domain/identity/roles';
import { AccidentOrg, createAccidentOrg } from './accident-fixtures';
import { createOrg, TestOrg, TestUser } from './fixtures';
import type { Harness } from './harness';

const PASSWORD = `up-${randomBytes(8).toString('hex')}`;
let hash: Promise<string> | null = null;

/** The levels above createOrg's county for 逐级上报 (条例 Art.10): a province over the city, and a sector chain. */
export interface UpwardChainOrg {
  provinceDepartmentId: string;
  /** 住房和城乡建设 (supervises CONSTRUCTION): county and city, none at the province. */
  housingCountyDepartmentId: string;
  housingCityDepartmentId: string;
  /** With `housingProvince`: a provincial 住房和城乡建设厅 above the city bureau (else null). */
  housingProvinceDepartmentId: string | null;
  users: { provinceOfficer: TestUser; housingCityOfficer: TestUser; housingProvinceOfficer?: TestUser };
}

/**
 * Puts a province (region and 应急管理厅) above createOrg's city and its emergency-management
 * department, and a housing-and-construction chain (county → city) beside it, as the demo seeds
 * do (seeds/demo-data.ts: province → city → county, bureaus by kind, the same kind one level up).
 */
export async function createUpwardChainOrg(
  ds: DataSource,
  org: TestOrg,
  options: { housingProvince?: boolean } = {},
): Promise<UpwardChainOrg> {
  hash ??= hashPassword(PASSWORD);
  const h = await hash;
  const s = org.suffix;
  const one = async (sql: string, params: unknown[]) => (await ds.query(sql, params))[0].id as string;
  const [{ region_id: cityRegion }] = await ds.query('SELECT region_id FROM departments WHERE id = $1', [
    org.cityDepartmentId,
  ]);
  const provinceRegion = await one(`INSERT INTO regions (code, name, level) VALUES ($1,$2,'PROVINCE') RETURNING id`, [
    `P${s}`,
    `测试省${s}`,
  ]);
  await ds.query('UPDATE regions SET parent_id = $1 WHERE id = $2', [provinceRegion, cityRegion]);
  const dept = (code: string, name: string, kind: string, level: string, region: string, parent: string | null) =>
    one(
      `INSERT INTO departments (code, name, kind, level, region_id, parent_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [`${code}-${s}`, `${name}${s}`, kind, level, region, parent],
    );
  const provinceDepartmentId = await dept(
    'EM-P',
    '测试省应急管理厅',
    'EMERGENCY_MANAGEMENT',
    'PROVINCE',
    provinceRegion,
    null,
  );
  await ds.query('UPDATE departments SET parent_id = $1 WHERE id = $2', [provinceDepartmentId, org.cityDepartmentId]);
  const housingProvinceDepartmentId = options.housingProvince
    ? await dept('HC-P', '测试省住房和城乡建设厅', 'HOUSING_CONSTRUCTION', 'PROVINCE', provinceRegion, null)
    : null;
  const housingCityDepartmentId = await dept(
    'HC-C',
    '测试市住房和城乡建设局',
    'HOUSING_CONSTRUCTION',
    'CITY',
    cityRegion,
    housingProvinceDepartmentId,
  );
  const housingCountyDepartmentId = await dept(
    'HC-X',
    '测试县住房和城乡建设局',
    'HOUSING_CONSTRUCTION',
    'COUNTY',
    org.regionId,
    housingCityDepartmentId,
  );
  const user = async (name: string, dep: string): Promise<TestUser> => {
    const username = `${name}.${s}`;
    const roles = [Role.ENFORCEMENT_OFFICER];
    const id = await one(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [username, h, name, dep, roles, `${name}-${s}`.slice(0, 30)],
    );
    return { id, username, password: PASSWORD, departmentId: dep, roles };
  };
  return {
    provinceDepartmentId,
    housingCountyDepartmentId,
    housingCityDepartmentId,
    housingProvinceDepartmentId,
    users: {
      provinceOfficer: await user('provinceofficer', provinceDepartmentId),
      housingCityOfficer: await user('hccityofficer', housingCityDepartmentId),
      ...(housingProvinceDepartmentId && {
        housingProvinceOfficer: await user('hcprovofficer', housingProvinceDepartmentId),
      }),
    },
  };
}

/** The body of `POST /accidents` for an accident at createOrg's enterprise, reported by the county in time. */
export function countyAccident(
  org: TestOrg,
  fields: { deaths: number; sectorCode: string; occurredAt: number; unitNotifiedAt: number },
): Record<string, unknown> {
  return {
    occurredAt: new Date(fields.occurredAt).toISOString(),
    unitNotifiedAt: new Date(fields.unitNotifiedAt).toISOString(),
    place: '测试县工业园',
    summary: '坍塌',
    enterpriseId: org.enterpriseId,
    sectorCode: fields.sectorCode,
    deaths: fields.deaths,
    seriousInjuries: 0,
    directLossYuan: 0,
  };
}

/** Who acts in the upward-report tests: createOrg's users, the accident roles and the upper levels' officers. */
export type UpwardWho = keyof TestOrg['users'] | keyof AccidentOrg['users'] | keyof UpwardChainOrg['users'];

/** One level of `GET /accidents/:id`'s `upwardReports`. */
export type UpwardReportRow = UpwardReportView;

/** An open task as `GET /tasks` lists it. */
export interface UpwardTask {
  id: string;
  title: string;
  dueAt: string | null;
  departmentId: string;
}

/** createOrg, the accident roles and the upper levels on the harness's database, every user logged in. */
export async function upwardChainSetup(
  h: Harness,
  options: { housingProvince?: boolean } = {},
): Promise<{ org: TestOrg; up: UpwardChainOrg; as(who: UpwardWho): { Authorization: string } }> {
  const org = await createOrg(h.db.ds);
  const acc = await createAccidentOrg(h.db.ds, org);
  const up = await createUpwardChainOrg(h.db.ds, org, options);
  const tokens: Record<string, string> = {};
  for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users), ...Object.entries(up.users)])
    tokens[k] = await h.login(u!);
  return { org, up, as: (who) => ({ Authorization: `Bearer ${tokens[who]}` }) };
}
