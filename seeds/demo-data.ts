import { DataSource } from 'typeorm';
import { hashPassword } from '@safety/application/identity.service';
import { Role } from '@safety/domain/identity/roles';
import { seedWuxiPlan } from './indicator-plans';

type Level = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'PARK';

/** Regions from the planning documents: Jiangsu (Wuxi, Changzhou → Liyang) and Anhui (Lu'an). */
const REGIONS: Array<[code: string, name: string, level: Level, parent: string | null]> = [
  ['320000', '江苏省', 'PROVINCE', null],
  ['320200', '无锡市', 'CITY', '320000'],
  ['320281', '江阴市', 'COUNTY', '320200'],
  ['320281101', '江阴市澄江街道', 'TOWN', '320281'],
  ['320400', '常州市', 'CITY', '320000'],
  ['320481', '溧阳市', 'COUNTY', '320400'],
  ['340000', '安徽省', 'PROVINCE', null],
  ['341500', '六安市', 'CITY', '340000'],
  ['341522', '霍邱县', 'COUNTY', '341500'],
];

/** Bodies named in the plans, per level; parent = the same kind one level up (for supervision and escalation). */
const DEPARTMENT_KINDS: Array<[kind: string, suffix: string, levels: Level[]]> = [
  ['SAFETY_COMMITTEE_OFFICE', '安全生产委员会办公室', ['PROVINCE', 'CITY', 'COUNTY']],
  ['EMERGENCY_MANAGEMENT', '应急管理局', ['CITY', 'COUNTY']],
  ['POLICE', '公安局', ['CITY', 'COUNTY']],
  ['HOUSING_CONSTRUCTION', '住房和城乡建设局', ['CITY', 'COUNTY']],
  ['TRANSPORT', '交通运输局', ['CITY', 'COUNTY']],
  ['MARKET_REGULATION', '市场监督管理局', ['CITY', 'COUNTY']],
  ['FIRE_RESCUE', '消防救援支队', ['CITY']],
  ['DISCIPLINE', '纪委监委', ['CITY', 'COUNTY']],
  ['TRADE_UNION', '总工会', ['CITY', 'COUNTY']],
  ['PROCURATORATE', '人民检察院', ['CITY', 'COUNTY']],
  ['TOWN_SAFETY_OFFICE', '安全生产监督管理所', ['TOWN']],
];
const PROVINCIAL_EMERGENCY: Array<[regionCode: string, name: string]> = [
  ['320000', '江苏省应急管理厅'],
  ['340000', '安徽省应急管理厅'],
];

const ENTERPRISES: Array<
  [
    creditCode: string,
    name: string,
    sector: string,
    region: string,
    deptCode: string,
    risk: 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE',
  ]
> = [
  ['91320281MA1DEMO01X', '江阴示范化工有限公司', 'HAZARDOUS_CHEMICALS', '320281', 'EMERGENCY_MANAGEMENT-320281', 'RED'],
  [
    '91320281MA1DEMO02X',
    '江阴示范机械制造有限公司',
    'INDUSTRY_TRADE',
    '320281',
    'EMERGENCY_MANAGEMENT-320281',
    'YELLOW',
  ],
  [
    '91320200MA1DEMO03X',
    '无锡示范危化仓储有限公司',
    'HAZARDOUS_CHEMICALS',
    '320200',
    'EMERGENCY_MANAGEMENT-320200',
    'ORANGE',
  ],
  ['91320481MA1DEMO04X', '溧阳示范建材有限公司', 'NON_COAL_MINES', '320481', 'EMERGENCY_MANAGEMENT-320481', 'ORANGE'],
  [
    '91341500MA1DEMO05X',
    '六安示范粉尘涉爆企业有限公司',
    'INDUSTRY_TRADE',
    '341500',
    'EMERGENCY_MANAGEMENT-341500',
    'BLUE',
  ],
  [
    '91320200MA1DEMO06X',
    '无锡示范道路运输有限公司',
    'ROAD_TRANSPORT',
    '320200',
    'EMERGENCY_MANAGEMENT-320200',
    'YELLOW',
  ],
  ['91320481MA1DEMO07X', '溧阳示范建筑工程有限公司', 'CONSTRUCTION', '320481', 'EMERGENCY_MANAGEMENT-320481', 'YELLOW'],
  [
    '91320281MA1DEMO08X',
    '澄江街道示范纺织有限公司',
    'INDUSTRY_TRADE',
    '320281101',
    'TOWN_SAFETY_OFFICE-320281101',
    'BLUE',
  ],
  ['91341522MA1DEMO09X', '霍邱示范烟花爆竹经营部', 'FIREWORKS', '341522', 'EMERGENCY_MANAGEMENT-341522', 'ORANGE'],
];

/**
 * Demo users: one per role at the Jiangyin (county) emergency bureau, city staff, discipline bodies, police and
 * trade-union members for accident teams, and a legal reviewer per emergency bureau.
 */
const USERS: Array<
  [username: string, name: string, deptCode: string, roles: Role[], credential: string | null, legal: boolean]
> = [
  ['officer.zhang', '张执法', 'EMERGENCY_MANAGEMENT-320281', [Role.ENFORCEMENT_OFFICER], '32028100001', false],
  ['officer.li', '李执法', 'EMERGENCY_MANAGEMENT-320281', [Role.ENFORCEMENT_OFFICER], '32028100002', false],
  ['head.wang', '王局长', 'EMERGENCY_MANAGEMENT-320281', [Role.AGENCY_HEAD], '32028100003', false],
  ['legal.zhao', '赵法制', 'EMERGENCY_MANAGEMENT-320281', [Role.LEGAL_REVIEWER], null, true],
  ['admin.sun', '孙管理', 'EMERGENCY_MANAGEMENT-320281', [Role.DEPARTMENT_ADMIN], null, false],
  ['officer.chen', '陈执法', 'EMERGENCY_MANAGEMENT-320200', [Role.ENFORCEMENT_OFFICER], '32020000001', false],
  ['head.zhou', '周局长', 'EMERGENCY_MANAGEMENT-320200', [Role.AGENCY_HEAD], '32020000002', false],
  [
    'investigator.wu',
    '吴调查',
    'EMERGENCY_MANAGEMENT-320200',
    [Role.INVESTIGATION_MEMBER, Role.ENFORCEMENT_OFFICER],
    '32020000003',
    false,
  ],
  ['discipline.qian', '钱监察', 'DISCIPLINE-320200', [Role.DISCIPLINE_BODY], null, false],
  ['discipline.xu', '徐监察', 'DISCIPLINE-320281', [Role.DISCIPLINE_BODY], null, false],
  // Members of accident investigation teams from the police and the trade union (条例 Art.22).
  ['police.liu', '刘公安', 'POLICE-320200', [Role.INVESTIGATION_MEMBER], null, false],
  ['union.he', '何工会', 'TRADE_UNION-320200', [Role.INVESTIGATION_MEMBER], null, false],
  // A legal reviewer (法制审核, 行政处罚法 Art.58) in every emergency bureau that decides cases.
  ['legal.qin', '秦法制', 'EMERGENCY_MANAGEMENT-320200', [Role.LEGAL_REVIEWER], null, true],
  ['legal.song', '宋法制', 'EMERGENCY_MANAGEMENT-320481', [Role.LEGAL_REVIEWER], null, true],
  ['legal.luo', '罗法制', 'EMERGENCY_MANAGEMENT-341500', [Role.LEGAL_REVIEWER], null, true],
  ['legal.tang', '唐法制', 'EMERGENCY_MANAGEMENT-341522', [Role.LEGAL_REVIEWER], null, true],
  ['sysadmin', '系统管理员', 'SAFETY_COMMITTEE_OFFICE-320000', [Role.SYSTEM_ADMIN], null, false],
  // The demo plan's issuing body (督办, seeds/supervision-demo-plan.ts) and officers of its responsible departments.
  ['head.anwei', '冯主任', 'SAFETY_COMMITTEE_OFFICE-320281', [Role.AGENCY_HEAD], null, false],
  ['officer.anwei', '郑干事', 'SAFETY_COMMITTEE_OFFICE-320281', [Role.ENFORCEMENT_OFFICER], null, false],
  ['officer.zhujian', '蒋科员', 'HOUSING_CONSTRUCTION-320281', [Role.ENFORCEMENT_OFFICER], null, false],
  ['officer.jiaotong', '韩科员', 'TRANSPORT-320281', [Role.ENFORCEMENT_OFFICER], null, false],
  ['officer.shijian', '杨科员', 'MARKET_REGULATION-320281', [Role.ENFORCEMENT_OFFICER], null, false],
];
/** The head of the demo plan's issuing body (the county 安委会办公室). */
export const DEMO_PLAN_ISSUER_HEAD = 'head.anwei';
export const DEMO_USERNAMES = USERS.map((u) => u[0]);

/** Demo organisation for trying the system. Idempotent: keyed by codes and usernames; passwords are reset to the given one. */
export async function seedDemoData(ds: DataSource, demoPassword: string): Promise<void> {
  const regionId = new Map<string, string>();
  for (const [code, name, level, parent] of REGIONS) {
    const rows = await ds.query(
      `INSERT INTO regions (code, name, level, parent_id) VALUES ($1,$2,$3,$4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [code, name, level, parent ? regionId.get(parent) : null],
    );
    regionId.set(code, rows[0].id);
  }
  const deptId = new Map<string, string>();
  const upsertDept = async (
    code: string,
    name: string,
    kind: string,
    level: Level,
    regionCode: string,
    parentCode: string | null,
  ) => {
    const rows = await ds.query(
      `INSERT INTO departments (code, name, kind, level, region_id, parent_id) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id RETURNING id`,
      [code, name, kind, level, regionId.get(regionCode), parentCode ? (deptId.get(parentCode) ?? null) : null],
    );
    deptId.set(code, rows[0].id);
  };
  for (const [regionCode, name] of PROVINCIAL_EMERGENCY)
    await upsertDept(`EMERGENCY_MANAGEMENT-${regionCode}`, name, 'EMERGENCY_MANAGEMENT', 'PROVINCE', regionCode, null);
  const parentOf = new Map(REGIONS.map(([c, , , p]) => [c, p]));
  for (const [code, name, level] of REGIONS) {
    for (const [kind, suffix, levels] of DEPARTMENT_KINDS) {
      if (!levels.includes(level)) continue;
      const parentRegion = parentOf.get(code);
      const parentKind = kind === 'TOWN_SAFETY_OFFICE' ? 'EMERGENCY_MANAGEMENT' : kind;
      const parentCode = parentRegion ? `${parentKind}-${parentRegion}` : null;
      await upsertDept(`${kind}-${code}`, `${name}${suffix}`, kind, level, code, parentCode);
    }
  }
  for (const [creditCode, name, sector, region, deptCode, risk] of ENTERPRISES) {
    await ds.query(
      `INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade, principal_name, principal_phone)
       VALUES ($1,$2,$3,$4,$5,$6,'示范负责人','13800000000')
       ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, risk_grade = EXCLUDED.risk_grade`,
      [creditCode, name, sector, regionId.get(region), deptId.get(deptCode), risk],
    );
  }
  const hash = await hashPassword(demoPassword);
  for (const [username, name, deptCode, roles, credential, legal] of USERS) {
    await ds.query(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no, legal_qualified)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, department_id = EXCLUDED.department_id`,
      [username, hash, name, deptId.get(deptCode), roles, credential, legal],
    );
  }
  // 无锡市“十四五”安全生产规划's indicator table with DEMO baselines and denominators (docs/indicators.md).
  await seedWuxiPlan(ds, regionId.get('320200') as string, { demoDenominators: true });
}
