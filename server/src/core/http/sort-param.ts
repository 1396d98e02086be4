import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { sortValues } from '@huifang/shared';

/** `?sort=<key>` / `?sort=-<key>` for a list DTO: only the list's declared keys (400 otherwise). */
export function SortParam(keys: readonly string[]): PropertyDecorator {
  const values = sortValues(keys);
  return applyDecorators(
    ApiPropertyOptional({ enum: values, description: 'A column to sort by; a leading "-" sorts descending. Ties by id.' }),
    IsOptional(),
    IsIn(values),
  );
}
