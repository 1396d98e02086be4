import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';

/** A path parameter that must be one of a list from shared/; anything else is a 400 naming it. */
export class OneOfParamPipe<T extends string> implements PipeTransform<string, T> {
  constructor(
    private readonly name: string,
    private readonly values: readonly T[],
  ) {}

  transform(value: string): T {
    if ((this.values as readonly string[]).includes(value)) return value as T;
    throw new BadRequestException({ message: [`${this.name} must be one of ${this.values.join(', ')}`], code: ERROR_CODES.validation, params: { fields: [this.name] } });
  }
}

/** `@OneOfParam('kind', OUTREACH_KINDS) kind: OutreachKind` reads and checks `:kind`. */
export const OneOfParam = <T extends string>(name: string, values: readonly T[]) => Param(name, new OneOfParamPipe(name, values));
