import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsBoolean,
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
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):([1-9][0-9]{0,4})$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

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
  /** How often the worker anchors the audit streams' heads in the chain of anchors (bounds undetectable tail loss). */
  @Transform(toInt) @IsInt() @Min(5) @Max(3600) AUDIT_ANCHOR_INTERVAL_SECONDS = 60;
  /**
   * How long a request that sends an Update (a step completion, a party's filing) or starts a workflow
   * waits for the workflow's answer before it answers 503 with Retry-After; retrying with the same
   * Idempotency-Key attaches to the same Update.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(120) WORKFLOW_ANSWER_TIMEOUT_SECONDS = 15;
  /** Path of the prebuilt workflow bundle (worker); built from source when absent (dev/test). */
  @IsOptional() @IsString() WORKFLOW_BUNDLE_PATH?: string;
  /** Directory of the built console (`vite build`); default dist/web under the working directory. */
  @IsOptional() @IsString() WEB_CONSOLE_PATH?: string;

  /** Bearer token a scraper must present on `/metrics`; with neither this nor METRICS_ADDRESS, `/metrics` is off. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;
  /** `host:port` of a separate listener serving only `/metrics` (e.g. 127.0.0.1:9464), instead of the API port. */
  @IsOptional() @Matches(HOST_PORT, { message: 'METRICS_ADDRESS must be host:port' }) METRICS_ADDRESS?: string;
  /** `host:port` where the worker's Temporal SDK serves its Prometheus metrics (no authentication: keep it private). */
  @IsOptional()
  @Matches(HOST_PORT, { message: 'WORKER_METRICS_ADDRESS must be host:port' })
  WORKER_METRICS_ADDRESS?: string;
  /** Allows WORKER_METRICS_ADDRESS on a non-loopback interface (the SDK's exporter cannot require a token). */
  @Transform(toBool) @IsBoolean() WORKER_METRICS_ALLOW_REMOTE = false;
  /** Workflows the worker keeps in memory between tasks (sticky cache); see docs/operations.md for sizing. */
  @Transform(toInt) @IsInt() @Min(10) @Max(20_000) WORKER_MAX_CACHED_WORKFLOWS = 250;
  /** The worker's V8 heap limit in MB; the process must be started with `--max-old-space-size` set to it. */
  @Transform(toInt) @IsInt() @Min(256) @Max(32_768) WORKER_MAX_HEAP_MB = 768;
  /**
   * A poller seen longer ago than this no longer counts as a live worker in /health/ready. An idle worker
   * re-polls when the server's long poll expires (one minute by default), so keep this above that interval.
   */
  @Transform(toInt) @IsInt() @Min(2) @Max(600) READINESS_POLLER_MAX_AGE_SECONDS = 75;
  /** Trace export (OpenTelemetry): `none` (default), `otlp` (OTLP/HTTP, endpoint from the standard OTEL_* variables) or `console`. */
  @IsIn(['none', 'otlp', 'console']) OTEL_TRACES_EXPORTER: 'none' | 'otlp' | 'console' = 'none';
  @IsOptional() @IsString() @IsNotEmpty() OTEL_SERVICE_NAME?: string;
  @IsOptional()
  @Matches(HTTP_URL, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @IsOptional()
  @Matches(HTTP_URL, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
}

/**
 * Memory a worker needs beyond its workflow cache (V8 isolate, bundle, Nest context, gRPC buffers) and per
 * cached workflow, measured: RSS grew from 166 MB to 618 MB with about 1,000 cached open cases.
 */
export const WORKER_BASE_HEAP_MB = 256;
export const WORKER_HEAP_MB_PER_CACHED_WORKFLOW = 0.5;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];
export const isLoopbackAddress = (hostPort: string): boolean =>
  LOOPBACK_HOSTS.includes(hostPort.slice(0, hostPort.lastIndexOf(':'))) || /^127\./.test(hostPort);

/** Rules between settings, checked after each value is valid on its own. */
function crossFieldProblems(cfg: AppConfig): string[] {
  const problems: string[] = [];
  if (cfg.METRICS_ADDRESS && !cfg.METRICS_TOKEN && !isLoopbackAddress(cfg.METRICS_ADDRESS))
    problems.push('METRICS_ADDRESS on a non-loopback interface needs METRICS_TOKEN');
  if (cfg.WORKER_METRICS_ADDRESS && !cfg.WORKER_METRICS_ALLOW_REMOTE && !isLoopbackAddress(cfg.WORKER_METRICS_ADDRESS))
    problems.push(
      'WORKER_METRICS_ADDRESS must be a loopback address (the SDK exporter has no authentication), or set WORKER_METRICS_ALLOW_REMOTE=true',
    );
  const neededHeap = WORKER_BASE_HEAP_MB + cfg.WORKER_MAX_CACHED_WORKFLOWS * WORKER_HEAP_MB_PER_CACHED_WORKFLOW;
  if (neededHeap > cfg.WORKER_MAX_HEAP_MB)
    problems.push(
      `WORKER_MAX_CACHED_WORKFLOWS=${cfg.WORKER_MAX_CACHED_WORKFLOWS} needs about ${neededHeap} MB of heap, more than WORKER_MAX_HEAP_MB=${cfg.WORKER_MAX_HEAP_MB}`,
    );
  return problems;
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
    'WEB_CONSOLE_PATH',
    'METRICS_TOKEN',
    'METRICS_ADDRESS',
    'WORKER_METRICS_ADDRESS',
    'OTEL_SERVICE_NAME',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  ]);
  // An empty value means unset, except DATABASE_APP_ROLE, where empty deliberately turns the role switch off.
  const picked = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && (env[k] !== '' || k === 'DATABASE_APP_ROLE')).map((k) => [k, env[k]]),
  );
  const cfg = plainToInstance(AppConfig, picked);
  const errors = validateSync(cfg, { whitelist: true });
  if (errors.length) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` })),
    );
  }
  const problems = crossFieldProblems(cfg);
  if (cfg.LOGIN_FAILURE_WINDOW_SECONDS <= cfg.LOGIN_BACKOFF_MAX_SECONDS)
    problems.push('LOGIN_FAILURE_WINDOW_SECONDS must be longer than LOGIN_BACKOFF_MAX_SECONDS');
  if (problems.length) throw new ConfigError(problems);
  return cfg;
}

/** The config as safe to log: secrets and credentials in URLs masked. */
export function maskedConfig(cfg: AppConfig): Record<string, unknown> {
  return {
    ...cfg,
    JWT_SECRET: '***',
    METRICS_TOKEN: cfg.METRICS_TOKEN ? '***' : undefined,
    DATABASE_URL: cfg.DATABASE_URL.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@'),
  };
}
