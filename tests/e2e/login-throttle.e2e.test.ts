import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import * as argon2 from 'argon2';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { OrgHarness, startOrgHarness } from '../support/harness';

/**
 * Login throttling per account and per client address with exponential backoff (429 + Retry-After),
 * kept in PostgreSQL so every API replica sees it; unknown usernames cost as much as known ones;
 * stored hashes with older argon2 parameters are upgraded on the next successful login.
 */
describe('login throttling over HTTP', () => {
  let h: OrgHarness;
  let replica: INestApplication;
  let nextAddress = 1;
  /** A fresh client address per scenario (the harness trusts X-Forwarded-For from loopback, as behind a proxy). */
  const freshAddress = () => `198.51.100.${nextAddress++}`;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev', config: { TRUST_PROXY: 'loopback' } });
    // A second API process against the same database: throttling state must not live in one process.
    replica = await createApiApp(h.cfg, { logs: false, temporalClient: h.client });
    await replica.init();
  });
  afterAll(async () => {
    await replica?.close();
    await h?.close();
  });

  const login = (username: string, password: string, address: string, server = h.app) =>
    request(server.getHttpServer()).post('/auth/login').set('X-Forwarded-For', address).send({ username, password });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('locks an account after repeated failures: 50 wrong passwords, then the right one is refused with 429 and Retry-After', async () => {
    const user = h.org.users.officerB;
    const statuses: number[] = [];
    // Each attempt from a different address, so only the account dimension applies.
    for (let i = 0; i < 50; i++) statuses.push((await login(user.username, 'wrong-password', freshAddress())).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);

    // The right password, on the other replica and from yet another address, is refused too.
    const refused = await login(user.username, user.password, freshAddress(), replica);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 900).toBe(true);
    const rows = await h.db.ds.query(
      `SELECT scope, failures, locked_until > now() AS locked FROM login_throttle WHERE key = $1`,
      [user.username],
    );
    expect(rows).toEqual([{ scope: 'ACCOUNT', failures: expect.any(Number), locked: true }]);
  });

  it('backs off exponentially and lets the right password in once the wait is over, which resets the account', async () => {
    const user = h.org.users.legal;
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'wrong', freshAddress())).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 2; round++) {
      const locked = await login(user.username, 'wrong', freshAddress());
      expect(locked.status).toBe(429);
      const wait = Number(locked.headers['retry-after']);
      waits.push(wait);
      await sleep(wait * 1000 + 200);
      expect((await login(user.username, 'wrong', freshAddress())).status).toBe(401);
    }
    expect(waits[1]).toBeGreaterThan(waits[0]);
    const lastWait = Number((await login(user.username, user.password, freshAddress())).headers['retry-after']);
    await sleep(lastWait * 1000 + 200);
    expect((await login(user.username, user.password, freshAddress())).status).toBe(200);
    // A success forgets the account's failures: the next typo is a plain 401 again.
    expect((await login(user.username, 'typo', freshAddress())).status).toBe(401);
  });

  it('limits one client address across many accounts, known or not, without blocking other addresses', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await login(`nobody-${i}-${randomBytes(3).toString('hex')}`, 'x', address)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).some((s) => s === 429)).toBe(true);
    const user = h.org.users.admin;
    const fromThere = await login(user.username, user.password, address);
    expect(fromThere.status).toBe(429);
    expect(Number(fromThere.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await login(user.username, user.password, freshAddress())).status).toBe(200);
  });

  it('makes an unknown username cost as much as a known one', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timed = async (username: string) => {
      const started = process.hrtime.bigint();
      const res = await login(username, 'wrong-password', freshAddress());
      expect(res.status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await timed(h.org.users.officerA.username));
      unknown.push(await timed(`ghost-${randomBytes(4).toString('hex')}`));
    }
    // Before: about 6 ms for an unknown name against 444 ms for a known one.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('upgrades a hash with older argon2 parameters on a successful login', async () => {
    const user = h.org.users.cityHead;
    const old = await argon2.hash(user.password, {
      type: argon2.argon2id,
      memoryCost: 65536,
      timeCost: 3,
      parallelism: 4,
    });
    await h.db.ds.query('UPDATE users SET password_hash = $1 WHERE id = $2', [old, user.id]);
    expect((await login(user.username, user.password, freshAddress())).status).toBe(200);
    const [{ password_hash: upgraded }] = await h.db.ds.query('SELECT password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(upgraded).not.toBe(old);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await argon2.verify(upgraded, user.password)).toBe(true);
    expect((await login(user.username, user.password, freshAddress())).status).toBe(200);
  });
});
