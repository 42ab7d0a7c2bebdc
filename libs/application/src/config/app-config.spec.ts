import { ConfigError, corsOrigins, loadConfig, maskedConfig, trustProxySetting } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://app:s3cret@db:5432/safety',
  TEMPORAL_ADDRESS: 'temporal:7233',
  JWT_SECRET: 'x'.repeat(32),
};

describe('configuration validated at boot', () => {
  it('accepts a valid environment and applies defaults', () => {
    const cfg = loadConfig({ ...valid, PORT: '8080' });
    expect(cfg).toMatchObject({
      PORT: 8080,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'safety-cases',
      LOG_LEVEL: 'info',
    });
  });

  it('lists every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', PORT: '99999' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems).toMatch(/JWT_SECRET must be at least 32/);
    expect(problems).toMatch(/TEMPORAL_ADDRESS/);
    expect(problems).toMatch(/PORT/);
  });

  it('masks secrets for logging', () => {
    const masked = maskedConfig(loadConfig(valid));
    expect(masked.JWT_SECRET).toBe('***');
    expect(masked.DATABASE_URL).toBe('postgres://app:***@db:5432/safety');
  });
});

describe('security settings validated at boot', () => {
  it('defaults to a fixed issuer and audience, CORS off, no trusted proxy and OWASP-style throttling', () => {
    const cfg = loadConfig(valid);
    expect(cfg).toMatchObject({
      JWT_ISSUER: 'safety-case-engine',
      JWT_AUDIENCE: 'safety-case-engine-api',
      LOGIN_ACCOUNT_FREE_FAILURES: 5,
      LOGIN_ADDRESS_FREE_FAILURES: 20,
      LOGIN_BACKOFF_MAX_SECONDS: 900,
      PASSWORD_HASH_CONCURRENCY: 1,
    });
    expect(corsOrigins(cfg)).toEqual([]);
    expect(trustProxySetting(cfg)).toBe(false);
  });

  it('reads CORS origins and trusted proxies', () => {
    const cfg = loadConfig({
      ...valid,
      CORS_ORIGINS: 'https://console.example.gov.cn, http://localhost:5173',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });
    expect(corsOrigins(cfg)).toEqual(['https://console.example.gov.cn', 'http://localhost:5173']);
    expect(trustProxySetting(cfg)).toEqual(['loopback', '10.0.0.0/8']);
    expect(trustProxySetting(loadConfig({ ...valid, TRUST_PROXY: '2' }))).toBe(2);
  });

  it.each([
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://console.example/path'],
    ['TRUST_PROXY', 'true'],
    ['JWT_ISSUER', 'has space'],
    ['JWT_AUDIENCE', 'x'.repeat(201)],
    ['LOGIN_BACKOFF_BASE_SECONDS', '0'],
    ['PASSWORD_HASH_CONCURRENCY', '100'],
  ])('refuses %s=%j', (key, value) => {
    expect(() => loadConfig({ ...valid, [key]: value })).toThrow(ConfigError);
  });

  it('requires the failure window to outlast the longest lock', () => {
    expect(() =>
      loadConfig({ ...valid, LOGIN_BACKOFF_MAX_SECONDS: '3600', LOGIN_FAILURE_WINDOW_SECONDS: '600' }),
    ).toThrow(/LOGIN_FAILURE_WINDOW_SECONDS must be longer/);
  });
});
