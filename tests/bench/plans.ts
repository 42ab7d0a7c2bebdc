import { AbstractLogger, DataSource, LogLevel, LogMessage } from 'typeorm';
import { CaseRepository, dataSourceOptions, TaskRepository } from '@safety/persistence';

/** Remembers the SQL the repositories send, so the benchmark can show the plans of exactly those queries. */
class CapturingLogger extends AbstractLogger {
  readonly queries: Array<{ sql: string; params: unknown[] }> = [];

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}

  override logQuery(query: string, parameters?: unknown[]): void {
    this.queries.push({ sql: query, params: parameters ?? [] });
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the inbox, search and dashboard queries as the repositories build
 * them, on the benchmark dataset: a Markdown section per query.
 */
export async function explainPlans(
  url: string,
  ctx: { userIds: Record<string, string>; hotDepartment: string; referenceNo: string },
): Promise<string> {
  const logger = new CapturingLogger();
  const ds = await new DataSource({ ...dataSourceOptions(url), logging: ['query'], logger }).initialize();
  const tasks = new TaskRepository(ds);
  const cases = new CaseRepository(ds);
  const province = (
    await ds.query(
      `WITH RECURSIVE sub AS (SELECT id FROM departments WHERE code = 'EMERGENCY_MANAGEMENT-320000'
         UNION ALL SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub`,
    )
  ).map((r: { id: string }) => r.id);
  const inbox = (user: string, roles: string[]) => ({
    userId: ctx.userIds[user],
    roles,
    departmentIds: [ctx.hotDepartment],
    limit: 20,
  });
  const scenarios: Array<[string, () => Promise<unknown>]> = [
    [
      'inbox, officer, default (sort=due)',
      () => tasks.inboxPage({ ...inbox('officer.zhang', ['ENFORCEMENT_OFFICER']), sort: 'due' }),
    ],
    ['inbox, head, sort=priority', () => tasks.inboxPage({ ...inbox('head.wang', ['AGENCY_HEAD']), sort: 'priority' })],
    [
      'inbox, officer, sort=created, escalation=RED',
      () => tasks.inboxPage({ ...inbox('officer.zhang', ['ENFORCEMENT_OFFICER']), sort: 'created', escalation: 'RED' }),
    ],
    ['case search, province head, newest', () => cases.search({ departmentIds: province, limit: 20 })],
    [
      'case search, province head, title contains 特种作业',
      () => cases.search({ departmentIds: province, limit: 20, title: '特种作业' }),
    ],
    [
      'case search, province head, enterprise name contains 精细化工',
      () => cases.search({ departmentIds: province, limit: 20, enterpriseName: '精细化工' }),
    ],
    [
      'case search, province head, case number',
      () => cases.search({ departmentIds: province, limit: 20, caseNumber: ctx.referenceNo }),
    ],
    ['dashboard, province head', () => tasks.countsByDepartment(province)],
  ];
  const out: string[] = [];
  try {
    for (const [name, run] of scenarios) {
      logger.queries.length = 0;
      await run();
      const captured = [...logger.queries];
      for (const [i, q] of captured.entries()) {
        const plan: Array<{ 'QUERY PLAN': string }> = await ds.query(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`,
          q.params,
        );
        out.push(`### ${name}${captured.length > 1 ? ` (query ${i + 1} of ${captured.length})` : ''}\n`);
        out.push('```');
        out.push(plan.map((p) => p['QUERY PLAN']).join('\n'));
        out.push('```\n');
      }
    }
  } finally {
    await ds.destroy();
  }
  return out.join('\n');
}
