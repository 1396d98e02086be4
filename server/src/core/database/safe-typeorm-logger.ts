import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { describeQueryError } from './database-error';

/**
 * TypeORM's own loggers print a failing query's PARAMETERS (patient names, mobile numbers, argon2
 * hashes). This one logs the SQL text (placeholders only, values are always bound) and the
 * driver's error code, never the parameters; ordinary queries are not logged at all.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Queries that succeed are not logged (volume, and nothing to act on).
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ dbError: describeQueryError(error), sql: query.slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {
    // Schema changes go through migrations, which log themselves.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
