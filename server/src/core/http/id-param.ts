import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

/** Path ids are positive integers; anything else is a 400 naming the parameter (never a 500 from SQL). */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,14}$/.test(value)) {
      throw new BadRequestException([`${this.name} must be a positive integer`]);
    }
    return Number(value);
  }
}

/** `@IdParam() id: number` reads and checks `:id` (or another named parameter). */
export const IdParam = (name = 'id') => Param(name, new IdParamPipe(name));
