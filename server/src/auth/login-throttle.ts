import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { runRawSql } from '../core/database/raw-sql';
import { WriteTransaction } from '../core/database/write-transaction';
import { LoginFailureEntity } from './login-failure.entity';
import { lockDurationMs, SOURCE_WINDOW_MS, USERNAME_WINDOW_MS } from './login-policy';

/** Why a login is refused before its password is checked, and for how long. */
export interface LoginRefusal {
  reason: 'username_locked' | 'source_throttled';
  retryAfterMs: number;
}

/**
 * Failed-login counters in the database (login_failure), so every instance sees them and a
 * restart does not reset them. Two scopes:
 * - a source address across all usernames: each attempt is counted atomically *before* the
 *   password hash is checked (and given back on success), so spraying many usernames, even all
 *   at once, costs at most the limit in argon2 work per window;
 * - a username from one source address: locked with a growing delay after repeated failures, so a
 *   guesser elsewhere cannot lock a colleague out.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>,
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
  ) {}

  /** Counts an attempt against its source; a refusal when the username is locked or the source has failed too often. */
  async begin(username: string, source: string): Promise<LoginRefusal | undefined> {
    const now = new Date();
    const lock = await this.failures.findOneBy({ scopeHash: usernameScope(username, source) });
    if (lock?.lockedUntil && lock.lockedUntil > now) {
      return { reason: 'username_locked', retryAfterMs: lock.lockedUntil.getTime() - now.getTime() };
    }
    const counted = await this.writes.run((manager) => countFailure(manager, sourceScope(source), now, SOURCE_WINDOW_MS), { changesReads: false });
    if (counted.failures > this.config.loginSourceMaxFailures) {
      return { reason: 'source_throttled', retryAfterMs: counted.firstFailureAt.getTime() + SOURCE_WINDOW_MS - now.getTime() };
    }
    return undefined;
  }

  /** A wrong password (or unknown or inactive user): counts against the username from this source, and may lock it. */
  async failed(username: string, source: string): Promise<void> {
    const now = new Date();
    const scope = usernameScope(username, source);
    await this.writes.run(
      async (manager) => {
        const { failures } = await countFailure(manager, scope, now, USERNAME_WINDOW_MS);
        const lockMs = lockDurationMs(failures);
        if (lockMs > 0) {
          const until = new Date(now.getTime() + lockMs);
          // Concurrent failures each set a lock: the longest one stays.
          await manager
            .createQueryBuilder()
            .update(LoginFailureEntity)
            .set({ lockedUntil: until })
            .where('scope_hash = :scope', { scope })
            .andWhere('(locked_until IS NULL OR locked_until < :until)', { until })
            .execute();
        }
        // Counters nobody has added to for a day are no longer needed (unless still locked).
        const stale = new Date(now.getTime() - USERNAME_WINDOW_MS);
        await manager
          .createQueryBuilder()
          .delete()
          .from(LoginFailureEntity)
          .where('last_failure_at < :stale', { stale })
          .andWhere('(locked_until IS NULL OR locked_until < :now)', { now })
          .execute();
      },
      { changesReads: false },
    );
  }

  /** The right password: this username's failures from this source are forgotten, and the source's attempt given back. */
  async succeeded(username: string, source: string): Promise<void> {
    await this.writes.run(
      async (manager) => {
        await manager.delete(LoginFailureEntity, { scopeHash: usernameScope(username, source) });
        await manager
          .createQueryBuilder()
          .update(LoginFailureEntity)
          .set({ failures: () => 'failures - 1' })
          .where('scope_hash = :scope AND failures > 0', { scope: sourceScope(source) })
          .execute();
      },
      { changesReads: false },
    );
  }
}

/**
 * One atomic upsert: a first failure inserts the row, later ones add 1, and a failure after the
 * window starts the count afresh. Concurrent failures all count (no read-modify-write in the app).
 */
async function countFailure(manager: EntityManager, scope: string, now: Date, windowMs: number): Promise<{ failures: number; firstFailureAt: Date }> {
  const windowStart = new Date(now.getTime() - windowMs);
  const rows = (await runRawSql(
    manager,
    `INSERT INTO login_failure (scope_hash, failures, first_failure_at, last_failure_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (scope_hash) DO UPDATE SET
       failures = CASE WHEN login_failure.first_failure_at < $4 THEN 1 ELSE login_failure.failures + 1 END,
       first_failure_at = CASE WHEN login_failure.first_failure_at < $5 THEN excluded.first_failure_at ELSE login_failure.first_failure_at END,
       last_failure_at = excluded.last_failure_at
     RETURNING failures, first_failure_at`,
    [scope, now, now, windowStart, windowStart],
  )) as { failures: number | string; first_failure_at: Date | string }[];
  const [row] = rows;
  return { failures: Number(row.failures), firstFailureAt: toDate(row.first_failure_at) };
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
