import { DEFAULT_HOSPITAL_TIME_ZONE, HOSPITAL_SETTING_RANGES, type NumericHospitalSetting } from '@huifang/shared';
import { parseDatabaseUrl, type DatabaseTarget } from '../database/database-url';
import { SQLITE_WRITE_LOCK_BUDGET_MS } from '../database/sqlite-begin-immediate';
import { ConfigError, integer, type Env } from './config-values';
import { outreachConfig, type OutreachConfig } from './outreach-config';
import { trustProxy, type TrustProxy } from './trust-proxy';

export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Every environment variable the server reads, checked once at start-up (API.md, Configuration).
 * A bad value stops start-up with one line naming the variable.
 */
export class AppConfig {
  /** HTTP port. */
  readonly port!: number;
  /** Where the data lives; `sqlite:data/huifang.sqlite` when DATABASE_URL is unset. */
  readonly database!: DatabaseTarget;
  /** HUIFANG_DEMO=1: fill an empty database with demo accounts and data. */
  readonly demo!: boolean;
  /** Password of the first `admin` on an empty database; a random one is printed once when unset. */
  readonly adminPassword!: string | undefined;
  /** The hospital's IANA time zone: decides which calendar day an instant belongs to. */
  readonly timeZone!: string;
  /**
   * Defaults of hospital settings an admin may change (read them through HospitalSettingsService):
   * days after an expected return date before a patient who has not come back counts as lapsed.
   */
  readonly returnGraceDays!: number;
  /** Base of the links patients open (the survey form); defaults to http://localhost:PORT. */
  readonly publicUrl!: string;
  /** Days a survey link stays valid. */
  readonly surveyExpiryDays!: number;
  /** At most one survey invitation per patient within this many days. */
  readonly surveyMinDays!: number;
  /** Requests per minute per client address on the public (no account) routes, all methods together. */
  readonly publicRateLimit!: number;
  /** Patient searches per minute per staff user (every search is audited and counted in the database). */
  readonly searchRateLimit!: number;
  /** Audit entries older than this many days are purged daily; null (`off`) keeps them for ever. */
  readonly auditRetentionDays!: number | null;
  /** Which peers may tell the client's address in X-Forwarded-For (off: the peer is the client). */
  readonly trustProxy!: TrustProxy;
  /** HMAC secret for access tokens; when unset one is generated once and kept in the database. */
  readonly tokenSecret!: string | undefined;
  /** Lifetime of an access token, in minutes. */
  readonly tokenTtlMinutes!: number;
  /** Failed logins per source address, across all usernames, per 15 minutes before 429 (password spraying). */
  readonly loginSourceMaxFailures!: number;
  readonly logLevel!: LogLevel;
  /** One JSON line per request in production, readable lines in development. */
  readonly logFormat!: LogFormat;
  /** Folder of the built Angular client, served from `/`. */
  readonly clientDir!: string | undefined;
  /** SQLite: worker threads running the indicator reads off the request thread (0: on it). */
  readonly sqliteReadWorkers!: number;
  /** SQLite: how long a write waits for another connection's write lock (a backup, a script) before 503. */
  readonly sqliteWriteWaitMs!: number;
  /** HUIFANG_IMPORT_DIR: where uploaded import files wait (a folder only this server's user may open). */
  readonly importDir?: string;
  /** Messages to patients: the channels configured and the worker's pace (outreach-config.ts). */
  readonly outreach!: OutreachConfig;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export { ConfigError };

/** A hospital setting's default: the range is the one the settings page accepts. */
function setting(env: Env, name: string, fallback: number, key: NumericHospitalSetting): number {
  return integer(env, name, fallback, HOSPITAL_SETTING_RANGES[key].min, HOSPITAL_SETTING_RANGES[key].max);
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no'].includes(raw)) return false;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  throw new ConfigError(`${name} must be 1 or 0 (got "${env[name]}")`);
}

function timeZone(env: Env): string {
  const zone = env['HUIFANG_TIMEZONE'] || DEFAULT_HOSPITAL_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(`HUIFANG_TIMEZONE must be an IANA time zone such as Asia/Shanghai (got "${zone}")`);
  }
  return zone;
}

function publicUrl(env: Env): string {
  const raw = env['HUIFANG_PUBLIC_URL'] || `http://localhost:${env['PORT'] || 3000}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`HUIFANG_PUBLIC_URL must be an http(s) URL such as https://huifang.example-hospital.cn (got "${raw}")`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * Ten years by default: beyond HIPAA's six-year documentation retention and China's six-month
 * minimum for network logs (Cybersecurity Law art. 21), which is also the lowest value accepted.
 */
function retentionDays(env: Env): number | null {
  const raw = (env['HUIFANG_AUDIT_RETENTION_DAYS'] ?? '').trim().toLowerCase();
  if (raw === 'off') return null;
  return integer(env, 'HUIFANG_AUDIT_RETENTION_DAYS', 3650, 180, 36_500);
}

/** Runs a parser that throws a plain Error naming its variable, as a ConfigError. */
function checked<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(env['DATABASE_URL']);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const production = env['NODE_ENV'] === 'production';
  const logLevel = (env['LOG_LEVEL'] || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const logFormat = (env['LOG_FORMAT'] || (production ? 'json' : 'pretty')) as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError(`LOG_FORMAT must be json or pretty (got "${logFormat}")`);
  }
  const adminPassword = env['HUIFANG_ADMIN_PASSWORD'] || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('HUIFANG_ADMIN_PASSWORD must be at least 10 characters');
  }
  const tokenSecret = env['HUIFANG_TOKEN_SECRET'] || undefined;
  if (tokenSecret !== undefined && tokenSecret.length < 32) {
    throw new ConfigError('HUIFANG_TOKEN_SECRET must be at least 32 characters');
  }
  return new AppConfig({
    port: integer(env, 'PORT', 3000, 1, 65535),
    database,
    demo: flag(env, 'HUIFANG_DEMO'),
    adminPassword,
    timeZone: timeZone(env),
    returnGraceDays: setting(env, 'HUIFANG_RETURN_GRACE_DAYS', 30, 'returnGraceDays'),
    publicUrl: publicUrl(env),
    surveyExpiryDays: setting(env, 'HUIFANG_SURVEY_EXPIRY_DAYS', 14, 'surveyExpiryDays'),
    surveyMinDays: setting(env, 'HUIFANG_SURVEY_MIN_DAYS', 30, 'surveyMinDays'),
    publicRateLimit: integer(env, 'HUIFANG_PUBLIC_RATE_LIMIT', 60, 1, 100_000),
    searchRateLimit: integer(env, 'HUIFANG_SEARCH_RATE_LIMIT', 30, 1, 10_000),
    auditRetentionDays: retentionDays(env),
    trustProxy: checked(() => trustProxy(env['HUIFANG_TRUST_PROXY'])),
    tokenSecret,
    tokenTtlMinutes: integer(env, 'HUIFANG_TOKEN_TTL_MINUTES', 120, 1, 24 * 60),
    loginSourceMaxFailures: integer(env, 'HUIFANG_LOGIN_SOURCE_MAX_FAILURES', 30, 1, 100_000),
    logLevel,
    logFormat,
    clientDir: env['HUIFANG_CLIENT_DIR'] || undefined,
    importDir: env['HUIFANG_IMPORT_DIR'] || undefined,
    sqliteReadWorkers: integer(env, 'HUIFANG_SQLITE_READ_WORKERS', 1, 0, 16),
    sqliteWriteWaitMs: integer(env, 'HUIFANG_SQLITE_WRITE_WAIT_MS', SQLITE_WRITE_LOCK_BUDGET_MS, 100, 60_000),
    outreach: outreachConfig(env),
  });
}
