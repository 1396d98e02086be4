import type { ArgumentMetadata } from '@nestjs/common';

/** Distinct query strings remembered per DTO class; cleared when full. */
const MAX_PER_CLASS = 1_000;

type Flat = Record<string, unknown>;

/** Primitives and arrays of primitives only: such a DTO can be copied exactly, so no request shares an object with another. */
function isFlat(value: object): value is Flat {
  return Object.values(value).every((field) => (Array.isArray(field) ? field.every(isPrimitive) : isPrimitive(field)));
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function copyOf<T extends object>(dto: T): T {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Flat;
  for (const [key, field] of Object.entries(dto)) copy[key] = Array.isArray(field) ? [...field] : field;
  return copy as T;
}

/**
 * The query DTOs that the validation pipe built, by DTO class and query string. Every screen polls
 * the same few queries; transforming and validating one with class-transformer/class-validator was
 * ~13 % of a cached queue answer's CPU (cpu profile). Only successes are kept: a refused query is
 * checked again each time, so its 400 is exactly the pipe's. A query DTO's checks depend on the
 * query alone, or on the clock only in a way that cannot turn a pass into a refusal (a day "not in
 * the future" stays so). Each request gets its own copy.
 */
export class QueryMemo {
  private readonly byClass = new Map<unknown, Map<string, object>>();

  /** The remembered DTO's copy for a whole-query argument (`@Query() dto`), or undefined. */
  recall(value: unknown, metadata: ArgumentMetadata): object | undefined {
    const key = this.keyOf(value, metadata);
    const known = key === undefined ? undefined : this.byClass.get(metadata.metatype)?.get(key);
    return known && copyOf(known);
  }

  /** Keeps a DTO that passed, when it can be copied exactly; returns what the handler should get. */
  remember<T>(value: unknown, metadata: ArgumentMetadata, dto: T): T {
    const key = this.keyOf(value, metadata);
    if (key === undefined || typeof dto !== 'object' || dto === null || !isFlat(dto)) return dto;
    let known = this.byClass.get(metadata.metatype);
    if (!known) this.byClass.set(metadata.metatype, (known = new Map()));
    if (known.size >= MAX_PER_CLASS) known.clear();
    known.set(key, copyOf(dto));
    return dto;
  }

  private keyOf(value: unknown, metadata: ArgumentMetadata): string | undefined {
    const wholeQuery = metadata.type === 'query' && metadata.data === undefined && typeof metadata.metatype === 'function';
    if (!wholeQuery || typeof value !== 'object' || value === null || !isFlat(value)) return undefined;
    return JSON.stringify(value);
  }
}
