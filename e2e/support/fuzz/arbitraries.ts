import fc from 'fast-check';
import type { JsonSchema } from './openapi-routes';

/** A piece of JSON text inserted verbatim (numbers JSON.stringify cannot write, deep nesting, `__proto__` keys). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value; RawJson pieces are inserted as they are. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function nested(depth: number): RawJson {
  return new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

const AWKWARD_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '😀'.repeat(60),
  '❤️'.repeat(60),
  '\u202Eevil',
  'x'.repeat(5000),
  '2026-02-30',
  '9999-12-31',
  '10000-01-01',
  '0000-01-01',
  '1899-12-31',
  '2999-12-31',
  '+275760-09-13T00:00:00.000Z',
  '2026-13-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1800-01-01T00:00:00+08:00',
  '2147483648',
  '99999999999999999999',
  '-1',
  '1.5',
  'NaN',
  'null',
  "'; DROP TABLE patient; --",
  '%00',
  '../../etc/passwd',
];

const AWKWARD_NUMBERS = [0, -1, 0.5, -0.5, 1.5, 2_147_483_647, 2_147_483_648, 4_294_967_296, Number.MAX_SAFE_INTEGER, 1e20, -1e20, 1e308, 5e-324];

const RAW_VALUES = [
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0'),
  nested(33),
  nested(2000),
  nested(5000),
  new RawJson('{"__proto__":{"isAdmin":true,"role":"admin"}}'),
  new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}'),
  new RawJson('{"prototype":{"x":1}}'),
  new RawJson('[[[]]]'),
];

// The known troublemakers are drawn far more often than random values: 30-40 runs per route must hit them.
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...AWKWARD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

export const awkwardNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...AWKWARD_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Any value of the wrong kind, size or shape (explicit null, wrong types, huge numbers, deep nesting…). */
export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 4, arbitrary: awkwardString },
  { weight: 3, arbitrary: awkwardNumber },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}], [null]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(awkwardString, awkwardNumber), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), awkwardString, { maxKeys: 3 }) },
);

const EXTREME_DAYS = ['9999-12-31', '10000-01-01', '0001-01-01', '1899-12-31', '1900-01-01', '2999-12-31', '2026-02-29'];
const EXTREME_INSTANTS = ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '1899-12-31T23:59:59+08:00', '2999-12-31T23:59:59.999Z'];

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A plausible value for a string field, guessed from its name and schema (a date for `from`, a phone for `phone`…). */
function plausibleString(name: string, schema: JsonSchema): fc.Arbitrary<string> {
  if (/At$/.test(name)) {
    return fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -400, max: 400 }).map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString()) },
      { weight: 1, arbitrary: fc.constantFrom(...EXTREME_INSTANTS) },
    );
  }
  if (/^(from|to)$|Date$|Due$|On$/.test(name)) {
    return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -800, max: 400 }).map(day) }, { weight: 1, arbitrary: fc.constantFrom(...EXTREME_DAYS) });
  }
  if (/phone/i.test(name)) return fc.constantFrom('13800138000', '139 0000 0001', '+86 137-0000-0002', '12345');
  if (/^(username)$/.test(name)) return fc.stringMatching(/^[a-z][a-z0-9._-]{1,12}$/);
  if (/^(code|id|questionId|key|value)$/.test(name)) return fc.stringMatching(/^[a-z][a-z0-9_]{1,12}$/);
  const maxLength = Math.min(schema.maxLength ?? 40, 120);
  return fc.oneof(
    fc.string({ minLength: schema.minLength ?? 1, maxLength }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: maxLength + 2 }),
    fc.constant('x'.repeat(maxLength)),
    fc.constant('x'.repeat(maxLength + 1)),
  );
}

/**
 * Values shaped by a route's schema: mostly valid, with some fields wild, missing or extra, so many
 * bodies pass validation and exercise the services behind it.
 */
export function nearlyValid(schema: JsonSchema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return wildValue;
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => nearlyValid(variant, name, depth + 1)));
  if (schema.properties || schema.type === 'object') return objectOf(schema, depth);
  switch (schema.type) {
    case 'string':
      return plausibleString(name, schema);
    case 'integer':
    case 'number': {
      // Swagger documents a TypeScript `number` as "number": ids and scores are integers all the same.
      if (/Id$|^id$/.test(name)) return fc.integer({ min: 1, max: 8 });
      const integer = fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 10, 1_000_000) });
      return fc.oneof({ weight: 4, arbitrary: integer }, { weight: 1, arbitrary: fc.double({ min: -1, max: 11, noNaN: true }) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fc.oneof({ weight: 5, arbitrary: nearlyValid(schema.items, name, depth + 1) }, { weight: 1, arbitrary: wildValue }), {
        minLength: 0,
        maxLength: 4,
      });
    default:
      return wildValue;
  }
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([key, propertySchema]) => {
    const value = fc.oneof({ weight: 8, arbitrary: nearlyValid(propertySchema, key, depth + 1) }, { weight: 1, arbitrary: wildValue });
    // Required fields are usually present; optional ones half the time.
    return fc.option(value, { freq: required.has(key) ? 12 : 2, nil: undefined }).map((v) => [key, v] as const);
  });
  // One object in six gets an extra key (refused by the whitelist, but `__proto__` must not pollute anything).
  const extra = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'isAdmin', 'passwordHash', 'x'), wildValue) },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, extraField]) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries) if (value !== undefined) object[key] = value;
    // defineProperty: a plain assignment to `__proto__` would set the prototype, not a key.
    if (extraField) Object.defineProperty(object, extraField[0], { value: extraField[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

/** A whole request body: nearly valid for the schema, any wild value, or broken JSON text. */
export function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<{ text?: string }> {
  return fc.oneof(
    { weight: 7, arbitrary: nearlyValid(schema).map((value) => ({ text: toJsonText(value) })) },
    { weight: 2, arbitrary: wildValue.map((value) => ({ text: toJsonText(value) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<{ text?: string }>(
        {},
        { text: 'not json' },
        { text: '{' },
        { text: '{"a":1,"a":2}' },
        { text: '\u0000' },
        { text: '{"__proto__":{"x":1}}' },
      ),
    },
  );
}

/** A path parameter: usually an existing id or token, else a wrong one (0, 2^31, 1e20, letters, NUL…). */
export function pathValue(name: string, valid: Record<string, string[]>): fc.Arbitrary<string> {
  const known = valid[name] ?? [];
  const wrong = fc.oneof(
    fc.constantFrom('0', '-1', '1.5', '2147483647', '2147483648', '99999999999999999999', '1e3', 'abc', '%00', '😀', 'x'.repeat(300)),
    fc.string({ minLength: 1, maxLength: 20 }),
  );
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: wrong }) : wrong;
}

/** A query-string value for a parameter: plausible for its schema, or awkward. */
export function queryValue(name: string, schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const plausible = nearlyValid(schema ?? { type: 'string' }, name).map((value) => (typeof value === 'string' ? value : toJsonText(value)));
  return fc
    .oneof({ weight: 2, arbitrary: plausible }, { weight: 2, arbitrary: awkwardString }, { weight: 1, arbitrary: awkwardNumber.map(String) })
    // Node itself answers a URL over 16 kB with a bare 431, before the app sees it.
    .filter((value) => value.length <= 4000);
}
