import { plusDays } from '@safety/domain/calendar/local-date';

/**
 * A demo plan in the task-allocation style of a five-year work-safety plan's annex (重点任务分工):
 * every task names its 牵头 lead department, the co-responsible departments (按职责分工负责) and
 * dated deliverables. Department codes are those of the demo organisation (seeds/demo-data.ts);
 * dates are offsets in days from the day the plan is created, so the demo is always current.
 */
export interface DemoPlanTask {
  title: string;
  description: string;
  reference: string;
  lead: string;
  coResponsible: string[];
  deadlineInDays: number;
  milestones: Array<{ title: string; inDays: number }>;
  reportingFrequency: 'WEEKLY' | 'MONTHLY' | 'QUARTERLY';
}

const COUNTY = '320281';
const at = (kind: string) => `${kind}-${COUNTY}`;

/** The issuing body of the demo plan: the county 安委会办公室 (its head is a demo user). */
export const DEMO_PLAN_ISSUER = at('SAFETY_COMMITTEE_OFFICE');

export const SUPERVISION_DEMO_PLAN: readonly DemoPlanTask[] = [
  {
    title: '危险化学品重大危险源包保责任落实',
    description: '全面落实重大危险源企业主要负责人、技术负责人、操作负责人包保责任，完成在线监测预警系统接入',
    reference: '“十四五”安全生产规划重点任务分工 第1项',
    lead: at('EMERGENCY_MANAGEMENT'),
    coResponsible: [at('MARKET_REGULATION'), at('POLICE')],
    deadlineInDays: 90,
    milestones: [
      { title: '完成重大危险源底数排查', inDays: 30 },
      { title: '完成在线监测系统接入', inDays: 75 },
    ],
    reportingFrequency: 'MONTHLY',
  },
  {
    title: '城镇燃气安全专项整治',
    description: '排查整治城镇燃气管网、餐饮场所用气安全隐患，建立隐患台账并逐项销号',
    reference: '“十四五”安全生产规划重点任务分工 第4项',
    lead: at('HOUSING_CONSTRUCTION'),
    coResponsible: [at('MARKET_REGULATION'), at('EMERGENCY_MANAGEMENT')],
    deadlineInDays: 60,
    milestones: [{ title: '完成餐饮场所用气隐患排查', inDays: 21 }],
    reportingFrequency: 'WEEKLY',
  },
  {
    title: '道路运输“两客一危”车辆动态监控',
    description: '实现“两客一危”车辆动态监控全覆盖，落实企业监控主体责任',
    reference: '“十四五”安全生产规划重点任务分工 第7项',
    lead: at('TRANSPORT'),
    coResponsible: [at('POLICE')],
    deadlineInDays: 120,
    milestones: [{ title: '动态监控接入率达到100%', inDays: 90 }],
    reportingFrequency: 'MONTHLY',
  },
  {
    title: '建筑施工安全生产标准化建设',
    description: '推进在建项目安全生产标准化考评，危大工程专项方案论证全覆盖',
    reference: '“十四五”安全生产规划重点任务分工 第9项',
    lead: at('HOUSING_CONSTRUCTION'),
    coResponsible: [at('EMERGENCY_MANAGEMENT')],
    deadlineInDays: 180,
    milestones: [
      { title: '完成在建项目摸底', inDays: 30 },
      { title: '完成标准化考评', inDays: 150 },
    ],
    reportingFrequency: 'QUARTERLY',
  },
  {
    title: '安全生产宣传教育“进企业”',
    description: '组织企业主要负责人和安全管理人员培训考核，开展安全生产月活动',
    reference: '“十四五”安全生产规划重点任务分工 第12项',
    lead: at('EMERGENCY_MANAGEMENT'),
    coResponsible: [at('TRADE_UNION'), at('MARKET_REGULATION')],
    deadlineInDays: 45,
    milestones: [{ title: '完成主要负责人培训考核', inDays: 30 }],
    reportingFrequency: 'WEEKLY',
  },
];

/** The `POST /supervision-items` body of each demo task, with the demo organisation's department ids. */
export function demoPlanRequests(departmentId: (code: string) => string | undefined, today: string) {
  const idOf = (code: string) => {
    const id = departmentId(code);
    if (!id) throw new Error(`the demo organisation has no department ${code}: seed it first`);
    return id;
  };
  return SUPERVISION_DEMO_PLAN.map((task) => ({
    title: task.title,
    description: task.description,
    basis: { kind: 'PLAN_TASK' as const, reference: task.reference },
    leadDepartmentId: idOf(task.lead),
    coResponsibleDepartmentIds: task.coResponsible.map(idOf),
    deadline: plusDays(today, task.deadlineInDays),
    milestones: task.milestones.map((m) => ({ title: m.title, dueDate: plusDays(today, m.inDays) })),
    reportingFrequency: task.reportingFrequency,
  }));
}
