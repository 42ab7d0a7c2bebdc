import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const ORIGIN = String.raw`https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?`;
const CORS_ORIGINS = new RegExp(`^(?:${ORIGIN}(?:\\s*,\\s*${ORIGIN})*)?$`);
const PROXY_ENTRY = String.raw`(?:loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(?:/\d{1,3})?)`;
const TRUST_PROXY = new RegExp(`^(?:|\\d{1,2}|${PROXY_ENTRY}(?:\\s*,\\s*${PROXY_ENTRY})*)$`);

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the API and worker read, validated once at boot (ARCHITECTURE.md pattern 6).
 * A bad or missing value stops the process with the full list of problems.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' = 'development';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) PORT = 3000;
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;
  /** Role the app acts as after connecting (may not touch the audit log); empty to act as the connecting user. */
  @IsString()
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, { message: 'DATABASE_APP_ROLE must be a role name or empty' })
  DATABASE_APP_ROLE = 'safety_app';
  @IsString() @IsNotEmpty() TEMPORAL_ADDRESS!: string;
  @IsString() @IsNotEmpty() TEMPORAL_NAMESPACE = 'default';
  @IsString() @IsNotEmpty() TEMPORAL_TASK_QUEUE = 'safety-cases';
  @IsOptional() @IsString() TEMPORAL_TLS_CERT_PATH?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_KEY_PATH?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_CA_PATH?: string;
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' }) JWT_SECRET!: string;
  @Transform(toInt) @IsInt() @Min(60) @Max(86_400) JWT_TTL_SECONDS = 8 * 3600;
  /** `iss` of issued tokens; a token from any other issuer is refused. */
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'JWT_ISSUER must be 1-200 printable characters without spaces' })
  JWT_ISSUER = 'safety-case-engine';
  /** `aud` of issued tokens; a token for any other audience is refused. */
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'JWT_AUDIENCE must be 1-200 printable characters without spaces' })
  JWT_AUDIENCE = 'safety-case-engine-api';
  /** Browser origins allowed to call the API cross-origin (comma-separated); empty: CORS off. */
  @Matches(CORS_ORIGINS, {
    message: 'CORS_ORIGINS must be empty or comma-separated origins like https://console.example.gov.cn:8443',
  })
  CORS_ORIGINS = '';
  /**
   * Proxies whose X-Forwarded-For is believed for the client address (login throttling, logs):
   * empty (none: the TCP peer is the client), a hop count, or comma-separated addresses, CIDRs or
   * Express names (loopback, linklocal, uniquelocal). Never "true": anyone could then pick an address.
   */
  @Matches(TRUST_PROXY, {
    message:
      'TRUST_PROXY must be empty, a hop count, or comma-separated addresses/CIDRs/loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY = '';
  /** Failed logins of one username before the backoff starts (it then doubles per failure). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) LOGIN_ACCOUNT_FREE_FAILURES = 5;
  /** Failed logins from one client address (any usernames) before the backoff starts. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) LOGIN_ADDRESS_FREE_FAILURES = 20;
  @Transform(toInt) @IsInt() @Min(1) @Max(60) LOGIN_BACKOFF_BASE_SECONDS = 1;
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400) LOGIN_BACKOFF_MAX_SECONDS = 900;
  /** Failures are forgotten after this long without another failure (must exceed the longest backoff). */
  @Transform(toInt) @IsInt() @Min(60) @Max(30 * 86_400) LOGIN_FAILURE_WINDOW_SECONDS = 86_400;
  /** Password hashes computed at once per process (each takes one core for tens of milliseconds). */
  @Transform(toInt) @IsInt() @Min(1) @Max(16) PASSWORD_HASH_CONCURRENCY = 1;
  /** Logins waiting for a hashing slot before further ones are answered 429 at once. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000) PASSWORD_HASH_QUEUE = 32;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /**
   * How long a request that sends an Update (a step completion, a party's filing) or starts a workflow
   * waits for the workflow's answer before it answers 503 with Retry-After; retrying with the same
   * Idempotency-Key attaches to the same Update.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(120) WORKFLOW_ANSWER_TIMEOUT_SECONDS = 15;
  /** Path of the prebuilt workflow bundle (worker); built from source when absent (dev/test). */
  @IsOptional() @IsString() WORKFLOW_BUNDLE_PATH?: string;
}

/** CORS_ORIGINS as a list (empty: CORS stays off). */
export const corsOrigins = (cfg: Pick<AppConfig, 'CORS_ORIGINS'>): string[] =>
  cfg.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);

/** TRUST_PROXY in the form Express's `trust proxy` setting takes. */
export function trustProxySetting(cfg: Pick<AppConfig, 'TRUST_PROXY'>): false | number | string[] {
  const value = cfg.TRUST_PROXY.trim();
  if (value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat([
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'JWT_SECRET',
    'TEMPORAL_TLS_CERT_PATH',
    'TEMPORAL_TLS_KEY_PATH',
    'TEMPORAL_TLS_CA_PATH',
    'WORKFLOW_BUNDLE_PATH',
  ]);
  // An empty value means unset, except DATABASE_APP_ROLE, where empty deliberately turns the role switch off.
  const picked = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && (env[k] !== '' || k === 'DATABASE_APP_ROLE')).map((k) => [k, env[k]]),
  );
  const cfg = plainToInstance(AppConfig, picked);
  const errors = validateSync(cfg, { whitelist: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` }));
  if (!errors.length && cfg.LOGIN_FAILURE_WINDOW_SECONDS <= cfg.LOGIN_BACKOFF_MAX_SECONDS)
    problems.push('LOGIN_FAILURE_WINDOW_SECONDS must be longer than LOGIN_BACKOFF_MAX_SECONDS');
  if (problems.length) throw new ConfigError(problems);
  return cfg;
}

/** The config as safe to log: secrets and credentials in URLs masked. */
export function maskedConfig(cfg: AppConfig): Record<string, unknown> {
  return {
    ...cfg,
    JWT_SECRET: '***',
    DATABASE_URL: cfg.DATABASE_URL.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@'),
  };
}
