import { IsInt, Max, Min } from 'class-validator';
import { MAX_ID } from '@huifang/shared';

/**
 * An id in a body or query DTO: an integer 1 … 2^31 - 1, the range of the `integer` columns (a larger
 * one is a 500 "out of range" on PostgreSQL otherwise). Query strings need `@Type(() => Number)` first.
 */
export function IsId(): PropertyDecorator {
  return (target, property) => {
    IsInt()(target, property);
    Min(1)(target, property);
    Max(MAX_ID)(target, property);
  };
}
