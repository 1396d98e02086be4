import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Like `@IsOptional()`, but only an absent field skips validation: an explicit `null` is checked
 * (and refused) like any other value, so it never reaches a NOT NULL column. Fields that may be
 * cleared with `null` say so with their own `ValidateIf`.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
