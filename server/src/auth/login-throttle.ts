import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { runRawSql } from '../core/database/raw-sql';
import { WriteTransaction } from '../core/database/write-transaction';
import { LoginFailureEntity } from './login-failure.entity';
import { loginSourceNetwork } from './login-source';
import { lockDurationMs, SOURCE_WINDOW_MS, USERNAME_WINDOW_MS } from './login-policy';

/** Why a login is refused before its password is checked, and for how long. */
export interface LoginRefusal {
  reason: 'username_locked' | 'source_throttled';
  retryAfterMs: number;
}

/**
 * Failed-login counters in the database (login_failure), so every instance sees them and a
 * restart does not reset them. Two scopes, both counted atomically *before* the password hash is
 * checked (and given back on success), so attempts sent all at once cannot slip past a limit:
 * - a source network across all usernames, so spraying many usernames costs at most the limit in
 *   argon2 work per window;
 * - a username from one source network: the attempt that reaches LOGIN_MAX_FAILURES locks the
 *   username there (with a delay growing with each further attempt) as it starts, so concurrent
 *   guesses beyond it are refused; a guesser elsewhere cannot lock a colleague out.
 * A source is its address for IPv4 and its /64 for IPv6 (see loginSourceNetwork).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
  ) {}

  /** Counts an attempt against its username and source; a refusal (the attempt given back) when either is over its limit. */
  async begin(username: string, source: string): Promise<LoginRefusal | undefined> {
    const now = new Date();
    const network = loginSourceNetwork(source);
    const userScope = usernameScope(username, network);
    return this.writes.run(
      async (manager) => {
        // The upsert locks the row until commit (PostgreSQL; SQLite writes one at a time): concurrent attempts queue here.
        const attempt = await countAttempt(manager, userScope, now, USERNAME_WINDOW_MS);
        if (attempt.lockedUntil && attempt.lockedUntil > now) {
          await giveBack(manager, userScope);
          return { reason: 'username_locked' as const, retryAfterMs: attempt.lockedUntil.getTime() - now.getTime() };
        }
        const counted = await countAttempt(manager, sourceScope(network), now, SOURCE_WINDOW_MS);
        if (counted.failures > this.config.loginSourceMaxFailures) {
          await giveBack(manager, userScope);
          return { reason: 'source_throttled' as const, retryAfterMs: counted.firstFailureAt.getTime() + SOURCE_WINDOW_MS - now.getTime() };
        }
        // Locked now, should this attempt fail: a right password (succeeded) lifts it.
        const lockMs = lockDurationMs(attempt.failures);
        if (lockMs > 0) await lock(manager, userScope, new Date(now.getTime() + lockMs));
        return undefined;
      },
      { changesReads: false },
    );
  }

  /** A wrong password (or unknown or inactive user): already counted by begin(); counters unused for a day are dropped. */
  async failed(): Promise<void> {
    const now = new Date();
    const stale = new Date(now.getTime() - USERNAME_WINDOW_MS);
    await this.writes.run(
      (manager) =>
        manager
          .createQueryBuilder()
          .delete()
          .from(LoginFailureEntity)
          .where('last_failure_at < :stale', { stale })
          .andWhere('(locked_until IS NULL OR locked_until < :now)', { now })
          .execute(),
      { changesReads: false },
    );
  }

  /** The right password: this username's failures from this source are forgotten, and the source's attempt given back. */
  async succeeded(username: string, source: string): Promise<void> {
    const network = loginSourceNetwork(source);
    await this.writes.run(
      async (manager) => {
        await manager.delete(LoginFailureEntity, { scopeHash: usernameScope(username, network) });
        await giveBack(manager, sourceScope(network));
      },
      { changesReads: false },
    );
  }
}

/** Takes back one counted attempt that never reached the password check. */
async function giveBack(manager: EntityManager, scope: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(LoginFailureEntity)
    .set({ failures: () => 'failures - 1' })
    .where('scope_hash = :scope AND failures > 0', { scope })
    .execute();
}

/** Concurrent attempts each set a lock: the longest one stays. */
async function lock(manager: EntityManager, scope: string, until: Date): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(LoginFailureEntity)
    .set({ lockedUntil: until })
    .where('scope_hash = :scope', { scope })
    .andWhere('(locked_until IS NULL OR locked_until < :until)', { until })
    .execute();
}

/**
 * One atomic upsert: a first attempt inserts the row, later ones add 1, and an attempt after the
 * window starts the count afresh. Concurrent attempts all count (no read-modify-write in the app).
 */
async function countAttempt(
  manager: EntityManager,
  scope: string,
  now: Date,
  windowMs: number,
): Promise<{ failures: number; firstFailureAt: Date; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - windowMs);
  const rows = (await runRawSql(
    manager,
    `INSERT INTO login_failure (scope_hash, failures, first_failure_at, last_failure_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (scope_hash) DO UPDATE SET
       failures = CASE WHEN login_failure.first_failure_at < $4 THEN 1 ELSE login_failure.failures + 1 END,
       first_failure_at = CASE WHEN login_failure.first_failure_at < $5 THEN excluded.first_failure_at ELSE login_failure.first_failure_at END,
       last_failure_at = excluded.last_failure_at
     RETURNING failures, first_failure_at, locked_until`,
    [scope, now, now, windowStart, windowStart],
  )) as { failures: number | string; first_failure_at: Date | string; locked_until: Date | string | null }[];
  const [row] = rows;
  return { failures: Number(row.failures), firstFailureAt: toDate(row.first_failure_at), lockedUntil: row.locked_until === null ? null : toDate(row.locked_until) };
}

/** PostgreSQL returns a Date; SQLite the UTC text TypeORM stores (`YYYY-MM-DD HH:MM:SS.sss`). */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

function hash(scope: string): string {
  return createHash('sha256').update(scope).digest('hex');
}

function sourceScope(source: string): string {
  return hash(`source\n${source}`);
}

function usernameScope(username: string, source: string): string {
  return hash(`username\n${username}\n${source}`);
}
