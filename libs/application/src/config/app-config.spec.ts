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

  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig({ ...valid, ...env });
    } catch (e) {
      if (e instanceof ConfigError) return e.problems.join('\n');
      throw e;
    }
    return '';
  };

  it('keeps metrics and tracing off by default and sizes the worker explicitly', () => {
    const cfg = loadConfig(valid);
    expect(cfg.METRICS_TOKEN).toBeUndefined();
    expect(cfg.METRICS_ADDRESS).toBeUndefined();
    expect(cfg.WORKER_METRICS_ADDRESS).toBeUndefined();
    expect(cfg.OTEL_TRACES_EXPORTER).toBe('none');
    expect(cfg).toMatchObject({ WORKER_MAX_CACHED_WORKFLOWS: 250, WORKER_MAX_HEAP_MB: 768 });
  });

  it('locks the metrics endpoints: a short token, a public listener without a token, a public SDK exporter', () => {
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN must be at least 32/);
    expect(problemsOf({ METRICS_ADDRESS: '0.0.0.0:9464' })).toMatch(/non-loopback interface needs METRICS_TOKEN/);
    expect(problemsOf({ METRICS_ADDRESS: '0.0.0.0:9464', METRICS_TOKEN: 't'.repeat(32) })).toBe('');
    expect(problemsOf({ METRICS_ADDRESS: '127.0.0.1:9464' })).toBe('');
    expect(problemsOf({ METRICS_ADDRESS: 'no-port' })).toMatch(/METRICS_ADDRESS must be host:port/);
    expect(problemsOf({ WORKER_METRICS_ADDRESS: '0.0.0.0:9465' })).toMatch(/must be a loopback address/);
    expect(problemsOf({ WORKER_METRICS_ADDRESS: '0.0.0.0:9465', WORKER_METRICS_ALLOW_REMOTE: 'true' })).toBe('');
    expect(problemsOf({ WORKER_METRICS_ALLOW_REMOTE: 'yes' })).toMatch(/WORKER_METRICS_ALLOW_REMOTE/);
    expect(maskedConfig(loadConfig({ ...valid, METRICS_TOKEN: 't'.repeat(32) })).METRICS_TOKEN).toBe('***');
  });

  it('refuses a workflow cache that does not fit the worker heap', () => {
    expect(problemsOf({ WORKER_MAX_CACHED_WORKFLOWS: '2000', WORKER_MAX_HEAP_MB: '768' })).toMatch(
      /needs about 1256 MB of heap, more than WORKER_MAX_HEAP_MB=768/,
    );
    expect(problemsOf({ WORKER_MAX_CACHED_WORKFLOWS: '2000', WORKER_MAX_HEAP_MB: '1536' })).toBe('');
    expect(problemsOf({ WORKER_MAX_CACHED_WORKFLOWS: '5' })).toMatch(/WORKER_MAX_CACHED_WORKFLOWS/);
  });

  it('validates the tracing settings', () => {
    expect(problemsOf({ OTEL_TRACES_EXPORTER: 'jaeger' })).toMatch(/OTEL_TRACES_EXPORTER/);
    expect(problemsOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toMatch(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http/,
    );
    expect(
      problemsOf({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces',
      }),
    ).toBe('');
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
