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
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** How often the worker anchors the audit streams' heads in the chain of anchors (bounds undetectable tail loss). */
  @Transform(toInt) @IsInt() @Min(5) @Max(3600) AUDIT_ANCHOR_INTERVAL_SECONDS = 60;
  /** Path of the prebuilt workflow bundle (worker); built from source when absent (dev/test). */
  @IsOptional() @IsString() WORKFLOW_BUNDLE_PATH?: string;
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
  if (errors.length) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` })),
    );
  }
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
