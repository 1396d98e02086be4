import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { describeQueryError } from '../database/database-error';

/**
 * pino's `err` serializer, minus what a failed query carries: TypeORM's QueryFailedError holds the
 * SQL, its `parameters` (names, phone numbers, password hashes) and the driver's `detail`; its
 * stack starts with the driver's message. Such errors are logged as codes and names only.
 */
export function serializeError(error: unknown): unknown {
  if (error instanceof QueryFailedError) return describeQueryError(error);
  return error instanceof Error ? pino.stdSerializers.err(error) : error;
}
