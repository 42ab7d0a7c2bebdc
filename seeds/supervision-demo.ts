/*
 * Creates the demo plan (seeds/supervision-demo-plan.ts) as supervision items through the running
 * API, as the demo issuer head, so each item's workflow runs like any other. Idempotent: a task
 * whose title is already listed is skipped. Needs API_URL and SEED_DEMO_PASSWORD; run after the
 * demo organisation is seeded (scripts/start.sh does).
 */
import 'reflect-metadata';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { createDataSource } from '@safety/persistence';
import { DEMO_PLAN_ISSUER_HEAD } from './demo-data';
import { demoPlanRequests } from './supervision-demo-plan';

async function main(): Promise<void> {
  const api = process.env.API_URL;
  const password = process.env.SEED_DEMO_PASSWORD;
  const url = process.env.DATABASE_URL;
  if (!api || !password || !url) throw new Error('API_URL, SEED_DEMO_PASSWORD and DATABASE_URL are required');
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const ds = await createDataSource(url).initialize();
  try {
    const rows: Array<{ code: string; id: string }> = await ds.query(`SELECT code, id FROM departments`);
    const department = new Map(rows.map((row) => [row.code, row.id]));
    const login = await call('POST', '/auth/login', null, { username: DEMO_PLAN_ISSUER_HEAD, password });
    const token = String(login.accessToken);
    const listed = await call('GET', '/supervision-items?limit=100', token);
    const existing = new Set((listed.items as Array<{ title: string }>).map((item) => item.title));
    let created = 0;
    for (const body of demoPlanRequests((code) => department.get(code), toLocalDate(new Date()))) {
      if (existing.has(body.title)) continue;
      await call('POST', '/supervision-items', token, body);
      created++;
    }
    console.log(JSON.stringify({ msg: 'demo supervision plan seeded', created }));
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(
    JSON.stringify({ msg: 'demo supervision plan failed', error: e instanceof Error ? e.message : String(e) }),
  );
  process.exit(1);
});
