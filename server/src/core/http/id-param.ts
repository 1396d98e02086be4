import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { MAX_ID, ERROR_CODES } from '@huifang/shared';

/** Path ids are integers 1 … 2^31 - 1; anything else is a 400 naming the parameter (never a 500 from SQL). */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d*$/.test(value)) throw this.refuse('must be a positive integer');
    if (value.length > 10 || Number(value) > MAX_ID) throw this.refuse(`must be at most ${MAX_ID}`);
    return Number(value);
  }

  private refuse(what: string): BadRequestException {
    return new BadRequestException({ message: [`${this.name} ${what}`], code: ERROR_CODES.validation, params: { fields: [this.name] } });
  }
}

/** `@IdParam() id: number` reads and checks `:id` (or another named parameter). */
export const IdParam = (name = 'id') => Param(name, new IdParamPipe(name));
