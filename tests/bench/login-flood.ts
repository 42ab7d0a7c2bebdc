/*
 * Login cost and the effect of a flood of wrong-password logins on other requests, against a running
 * API (npm run start:all with TRUST_PROXY=loopback, so that each flooding request can claim its own
 * client address, the worst case for throttling). Not a test: prints figures for docs/security.md.
 *
 *   API_URL=http://127.0.0.1:3000 BENCH_USER=head.wang BENCH_PASSWORD=$(cat .data/demo-password) \
 *     node dist/tests/bench/login-flood.js
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as argon2 from 'argon2';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const randomAddress = () => `10.${[0, 0, 0].map(() => randomBytes(1)[0]).join('.')}`;

async function timed(run: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await run();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

const login = (username: string, password: string, address = randomAddress()) =>
  fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });

async function verifyCost(options: argon2.Options): Promise<number> {
  const hash = await argon2.hash('a-password', { type: argon2.argon2id, ...options });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await argon2.verify(hash, 'a-password');
    times.push(performance.now() - started);
  }
  return pct(times, 50);
}

async function main(): Promise<void> {
  const user = process.env.BENCH_USER ?? 'head.wang';
  const password = process.env.BENCH_PASSWORD;
  if (!password) throw new Error('BENCH_PASSWORD is not set');
  const rows: Array<[string, string]> = [];
  const ms = (x: number) => `${x.toFixed(0)} ms`;

  rows.push(['argon2 verify, library defaults (m=64 MiB, t=3, p=4), p50', ms(await verifyCost({}))]);
  rows.push([
    'argon2 verify, OWASP (m=19 MiB, t=2, p=1), p50',
    ms(await verifyCost({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })),
  ]);

  const logins: number[] = [];
  let token = '';
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const res = await login(user, password);
    const body = (await res.json()) as { accessToken?: string };
    logins.push(performance.now() - started);
    if (res.status !== 200 || !body.accessToken) throw new Error(`login failed: ${res.status}`);
    token = body.accessToken;
  }
  rows.push(['POST /auth/login (right password), p50', ms(pct(logins, 50))]);
  const unknown: number[] = [];
  const known: number[] = [];
  for (let i = 0; i < 4; i++) {
    unknown.push((await timed(() => login(`ghost-${randomBytes(4).toString('hex')}`, 'wrong'))).ms);
    known.push((await timed(() => login(user, `wrong-${i}`))).ms);
  }
  rows.push([
    'POST /auth/login, unknown username vs known (wrong password), p50',
    `${ms(pct(unknown, 50))} vs ${ms(pct(known, 50))}`,
  ]);

  const tasks = () => fetch(`${api}/tasks`, { headers: { authorization: `Bearer ${token}` } });
  const idle: number[] = [];
  for (let i = 0; i < 40; i++) idle.push((await timed(tasks)).ms);
  rows.push(['GET /tasks, idle, p50', ms(pct(idle, 50))]);

  // 40 concurrent flooders, each request from a new client address: wrong passwords for one known
  // account (the attack as reported), then a new unknown username per request (no account lock applies).
  for (const [label, username] of [
    ['one known account', () => user],
    ['a new unknown username each', () => `flood-${randomBytes(6).toString('hex')}`],
  ] as const) {
    let flooding = true;
    const statuses = new Map<number, number>();
    const flooder = async () => {
      while (flooding) {
        const { status } = await timed(() => login(username(), `wrong-${randomBytes(4).toString('hex')}`));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const flood = Array.from({ length: 40 }, flooder);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const during: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 60; i++) during.push((await timed(tasks)).ms);
    const seconds = (performance.now() - started) / 1000 + 1;
    flooding = false;
    await Promise.all(flood);
    rows.push([
      `GET /tasks during 40 concurrent wrong logins (${label}), p50 / p95`,
      `${ms(pct(during, 50))} / ${ms(pct(during, 95))}`,
    ]);
    const counted = [...statuses.entries()].map(([status, n]) => `${n} × ${status}`).join(', ');
    rows.push([`  flood answers (${label})`, `${counted} in about ${seconds.toFixed(0)} s`]);
    // Let locks and queues drain before the next measurement.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }

  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
