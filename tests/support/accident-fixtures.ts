import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@safety/application/identity.service';
import { Role } from '@safety/domain/identity/roles';
import { TestOrg, TestUser } from './fixtures';

const PASSWORD = `acc-${randomBytes(8).toString('hex')}`;
let hash: Promise<string> | null = null;

export interface AccidentOrg {
  policeDepartmentId: string;
  unionDepartmentId: string;
  users: {
    lead: TestUser;
    police: TestUser;
    union: TestUser;
    cityOfficerA: TestUser;
    cityOfficerB: TestUser;
  };
}

/** Investigation-team members and city officers on top of createOrg's organisation. */
export async function createAccidentOrg(ds: DataSource, org: TestOrg): Promise<AccidentOrg> {
  hash ??= hashPassword(PASSWORD);
  const h = await hash;
  const s = org.suffix;
  const region: Array<{ region_id: string }> = await ds.query('SELECT region_id FROM departments WHERE id = $1', [
    org.cityDepartmentId,
  ]);
  const dept = async (code: string, name: string, kind: string) =>
    (
      await ds.query(
        `INSERT INTO departments (code, name, kind, level, region_id) VALUES ($1,$2,$3,'CITY',$4) RETURNING id`,
        [`${code}-${s}`, `${name}${s}`, kind, region[0].region_id],
      )
    )[0].id as string;
  const policeDepartmentId = await dept('PS', '测试市公安局', 'PUBLIC_SECURITY');
  const unionDepartmentId = await dept('TU', '测试市总工会', 'TRADE_UNION');
  const user = async (name: string, dep: string, roles: Role[]): Promise<TestUser> => {
    const username = `${name}.${s}`;
    const id = (
      await ds.query(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [username, h, name, dep, roles, `${name}-${s}`.slice(0, 30)],
      )
    )[0].id as string;
    return { id, username, password: PASSWORD, departmentId: dep, roles };
  };
  return {
    policeDepartmentId,
    unionDepartmentId,
    users: {
      lead: await user('lead', org.cityDepartmentId, [Role.INVESTIGATION_MEMBER]),
      police: await user('police', policeDepartmentId, [Role.INVESTIGATION_MEMBER]),
      union: await user('union', unionDepartmentId, [Role.INVESTIGATION_MEMBER]),
      cityOfficerA: await user('cityofficerA', org.cityDepartmentId, [Role.ENFORCEMENT_OFFICER]),
      cityOfficerB: await user('cityofficerB', org.cityDepartmentId, [Role.ENFORCEMENT_OFFICER]),
    },
  };
}

export const teamPayload = (org: TestOrg, acc: AccidentOrg) => ({
  leadId: acc.users.lead.id,
  members: [
    { userId: org.users.discipline.id, teamRole: 'DISCIPLINE' },
    { userId: acc.users.police.id, teamRole: 'POLICE' },
    { userId: acc.users.union.id, teamRole: 'TRADE_UNION' },
  ],
  procuratorateInvited: true,
});

/** POST /accidents: a 较大 explosion half an hour ago at the given enterprise (the city bureau investigates). */
export const largerAccident = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({
  occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  place: '测试县化工园区',
  summary: '反应釜爆炸',
  enterpriseId,
  sectorCode: 'HAZARDOUS_CHEMICALS',
  deaths: 3,
  seriousInjuries: 0,
  directLossYuan: 0,
  ...extra,
});

/** POST /accidents: a 一般 explosion (one death) half an hour ago at the given enterprise (the county bureau investigates). */
export const generalAccident = (enterpriseId: string, extra: Record<string, unknown> = {}) =>
  largerAccident(enterpriseId, { deaths: 1, ...extra });

/** A test-only calendar for 2027 (fixed-date holidays, no 调休): the 2027 State Council notice is not loaded in the seeds. */
export async function loadTestCalendar2027(ds: DataSource): Promise<void> {
  const holidays = [
    '2027-01-01',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-05-03',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ];
  await ds.query(
    `INSERT INTO holiday_years (year, notice_number, notice_date, source, holidays, makeup_workdays) VALUES (2027, 'TEST-FIXTURE', '2026-11-01', 'test fixture, not an official notice', $1::date[], '{}'::date[])
     ON CONFLICT (year) DO NOTHING`,
    [holidays],
  );
}
