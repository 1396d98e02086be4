import { hasControlCharacters, maskControlCharacters } from '../../imports/tabular/cell-values';
import { isCalendarDay, startOfCalendarDay, type ImportRowError, type ImportRowProblem } from '@huifang/shared';

/*
 * Reading FHIR primitive values defensively: the resources come from another system, so every
 * element is checked for the type the reader needs, and a wrong one names its FHIR element path.
 */

/** Thrown inside a resource's mapping; the reader turns it into that entry's `ImportRowError`. */
export class EntryProblem extends Error {
  constructor(
    readonly problem: ImportRowProblem,
    readonly field: string,
    readonly value: unknown = null,
  ) {
    super(`${problem} at ${field}`);
  }
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element as an object, or undefined when absent; another type is an invalid resource. */
export function optionalObject(value: unknown, path: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new EntryProblem('invalid_resource', path, value);
  return value;
}

/** The element as an array (absent = empty); FHIR repeats are always arrays in JSON. */
export function optionalArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new EntryProblem('invalid_resource', path, value);
  return value;
}

/**
 * A string element. Every string the reader takes comes through here, so a control character (a NUL
 * byte PostgreSQL refuses, a line break in a name) fails that entry, as a tabular cell does.
 */
export function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EntryProblem('invalid_resource', path, value);
  if (hasControlCharacters(value)) throw new EntryProblem('control_characters', path, maskControlCharacters(value));
  return value;
}

/** FHIR `dateTime` / `instant`: `YYYY-MM-DDThh:mm:ss(.sss)(Z|±hh:mm)`; a time must carry its zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time. A bare date (`2020-03-01`, allowed by `dateTime`) is the start of that day in
 * the hospital's time zone; a partial date (`2020`, `2020-03`) is no point in time: `bad_time`.
 */
export function optionalInstant(value: unknown, path: string, timeZone: string): Date | null {
  const text = optionalString(value, path);
  if (text === undefined) return null;
  if (isCalendarDay(text)) return startOfCalendarDay(text, timeZone);
  const at = DATE_TIME.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new EntryProblem('bad_time', path, text);
  return at;
}

/** FHIR `date`: only a whole day is a birth date Huifang can store; `1980` or `1980-05` give none. */
export function optionalFullDate(value: unknown, path: string): string | null {
  const text = optionalString(value, path);
  if (text === undefined) return null;
  if (isCalendarDay(text)) return text;
  if (/^\d{4}(-\d{2})?$/.test(text)) return null;
  throw new EntryProblem('bad_date', path, text);
}

/** The error as the summary lists it: the value shortened to at most 100 characters. */
export function toRowError(row: number, problem: EntryProblem): ImportRowError {
  return { row, field: problem.field, problem: problem.problem, value: shortValue(problem.value) };
}

export function shortValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
