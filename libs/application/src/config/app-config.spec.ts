import { ConfigError, loadConfig, maskedConfig } from './app-config';

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
