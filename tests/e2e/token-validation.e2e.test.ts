import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { OrgHarness, startOrgHarness } from '../support/harness';

/** Bearer tokens: HS256 only, with sub (a user id), exp, issuer and audience, all checked on every request. */
describe('token validation over HTTP', () => {
  let h: OrgHarness;
  let jwt: JwtService;
  const issuer = 'https://safety.example/test-issuer';
  const audience = 'safety-test-api';

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev', config: { JWT_ISSUER: issuer, JWT_AUDIENCE: audience } });
    jwt = new JwtService({ secret: h.cfg.JWT_SECRET });
  });
  afterAll(async () => h?.close());

  const me = (token: string) => h.http().get('/me').set('Authorization', `Bearer ${token}`);
  const valid = () => ({ sub: h.org.users.head.id });
  const sign = (payload: Record<string, unknown>, options: Parameters<JwtService['sign']>[1] = {}) =>
    jwt.sign(payload, { algorithm: 'HS256', expiresIn: 600, issuer, audience, ...options });

  it('issues HS256 tokens with sub, exp, issuer and audience, and accepts them', async () => {
    const res = await h
      .http()
      .post('/auth/login')
      .send({ username: h.org.users.head.username, password: h.org.users.head.password });
    expect(res.status).toBe(200);
    const [header, claims] = (res.body.accessToken as string)
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(claims).toMatchObject({ sub: h.org.users.head.id, iss: issuer, aud: audience });
    expect(claims.exp - claims.iat).toBe(h.cfg.JWT_TTL_SECONDS);
    expect((await me(res.body.accessToken)).status).toBe(200);
    expect((await me(sign(valid()))).status).toBe(200);
  });

  it.each([
    ['without sub (it once logged in as the first user)', () => sign({})],
    ['with a sub that is not a UUID', () => sign({ sub: 'not-a-uuid' })],
    ['with a numeric sub', () => sign({ sub: 42 })],
    ['with an unknown user id', () => sign({ sub: randomUUID() })],
    ['signed with HS512', () => sign(valid(), { algorithm: 'HS512' })],
    ['signed with HS384', () => sign(valid(), { algorithm: 'HS384' })],
    ['without exp', () => jwt.sign(valid(), { algorithm: 'HS256', issuer, audience })],
    [
      'expired',
      () => jwt.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) - 60 }, { algorithm: 'HS256', issuer, audience }),
    ],
    ['without issuer', () => jwt.sign(valid(), { algorithm: 'HS256', expiresIn: 600, audience })],
    ['from another issuer', () => sign(valid(), { issuer: 'https://elsewhere.example' })],
    ['without audience', () => jwt.sign(valid(), { algorithm: 'HS256', expiresIn: 600, issuer })],
    ['for another audience', () => sign(valid(), { audience: 'another-api' })],
    ['signed with another secret', () => sign(valid(), { secret: 'x'.repeat(48) })],
  ])('rejects a token %s with 401', async (_what, make) => {
    const res = await me(make());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an unsigned (alg none) token', async () => {
    const part = (x: object) => Buffer.from(JSON.stringify(x)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...valid(), exp, iss: issuer, aud: audience })}.`;
    expect((await me(unsigned)).status).toBe(401);
  });
});
