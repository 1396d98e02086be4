import { BadRequestException, ConflictException, ServiceUnavailableException, type HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';

/** What the driver says about a failed statement (pg and better-sqlite3 both put a `code` on it). */
interface DriverError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
}

/** NOT NULL and CHECK violations, a value SQLite cannot store; PostgreSQL's class 22 is matched by prefix. */
const BAD_VALUE_CODES = new Set(['23502', '23514', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_MISMATCH', 'SQLITE_TOOBIG']);

function driverErrorOf(error: QueryFailedError): DriverError {
  return (error.driverError ?? {}) as DriverError;
}

/**
 * The client's input reached the database and a constraint refused it (a race the service's own
 * checks cannot see, e.g. two concurrent creations of one department code): a 409 or 400 with a
 * typed code, never a 500. The answer names no table, constraint or value.
 */
export function databaseErrorToHttp(error: unknown): HttpException | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = driverErrorOf(error).code ?? '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ConflictException({ message: 'This record already exists', code: ERROR_CODES.duplicate });
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new ConflictException({ message: 'This record refers to, or is referred to by, another record', code: ERROR_CODES.reference });
  }
  // PostgreSQL gave up one of two transactions waiting for each other (deadlock, serialization):
  // nothing was stored, and the same request sent again succeeds.
  if (code === '40P01' || code === '40001') {
    return new ServiceUnavailableException({ message: 'The database was busy; please try again', code: ERROR_CODES.databaseBusy });
  }
  // NOT NULL / CHECK, and PostgreSQL's data exceptions (class 22: out of range, too long, bad text, NUL byte).
  if (BAD_VALUE_CODES.has(code) || code.startsWith('22')) {
    return new BadRequestException({ message: ['A value is out of the range the field accepts'], code: ERROR_CODES.outOfRange });
  }
  return undefined;
}

/**
 * A failed statement as it may be logged: the driver's code, the constraint/table/column names and
 * the first clause of its message. Never the parameters, the SQL's values or the driver's `detail`
 * ("Key (phone)=(13812345678) already exists"): those carry names, phone numbers and password hashes.
 */
export function describeQueryError(error: unknown): Record<string, unknown> {
  const driverError = (error instanceof QueryFailedError ? driverErrorOf(error) : (error ?? {})) as DriverError;
  const message = String(driverError.message ?? (error as Error)?.message ?? '');
  return {
    type: (error as Error)?.name ?? typeof error,
    code: driverError.code,
    constraint: driverError.constraint,
    table: driverError.table,
    column: driverError.column,
    // "invalid input syntax for type integer: \"abc\"": keep the part before the value.
    message: message.split(/:\s/)[0].replace(/"[^"]*"|'[^']*'|\d{3,}/g, '…'),
  };
}
