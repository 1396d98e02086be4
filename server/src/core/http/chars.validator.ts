import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Length in code points, as PostgreSQL's `varchar(n)` counts it. class-validator's `MaxLength` and
 * `Length` count UTF-16 units, so 60 emoji pass a "50" check there and overflow the column here.
 */
export function charCount(value: string): number {
  return [...value].length;
}

/** A string of at most `max` characters (code points); use it for every string stored in a `varchar(max)`. */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return CharLength(0, max, options);
}

/** A string of `min` … `max` characters (code points). */
export function CharLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'charLength',
      constraints: [min, max],
      validator: {
        validate: (value) => typeof value === 'string' && charCount(value) >= min && charCount(value) <= max,
        // class-validator's own wording, so messages do not change where `MaxLength`/`Length` were used.
        defaultMessage: (args) =>
          typeof args?.value === 'string' && charCount(args.value) < min
            ? `${args?.property} must be longer than or equal to ${min} characters`
            : `${args?.property} must be shorter than or equal to ${max} characters`,
      },
    },
    options,
  );
}
