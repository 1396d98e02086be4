import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { createValidationPipe } from './validation';

class ListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @IsIn(['a', 'b'])
  view?: string;

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];
}

class Body {
  @IsString()
  name!: string;
}

const query: ArgumentMetadata = { type: 'query', metatype: ListQuery };

describe('the validation pipe with remembered query DTOs', () => {
  /** Counts the runs of class-transformer + class-validator (the pipe this one extends). */
  let validations: jest.SpyInstance;
  beforeEach(() => (validations = jest.spyOn(ValidationPipe.prototype, 'transform')));
  afterEach(() => validations.mockRestore());

  it('answers a repeated query with an equal DTO of the class, a copy each time', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ page: '2', view: 'a', tags: ['x'] }, query)) as ListQuery;
    const second = (await pipe.transform({ page: '2', view: 'a', tags: ['x'] }, query)) as ListQuery;
    expect(validations).toHaveBeenCalledTimes(1);
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual(first);
    expect(second).toEqual(Object.assign(new ListQuery(), { page: 2, view: 'a', tags: ['x'] }));
    // A handler changing its DTO changes nothing for the next request.
    first.page = 9;
    second.tags?.push('y');
    expect(await pipe.transform({ page: '2', view: 'a', tags: ['x'] }, query)).toEqual(Object.assign(new ListQuery(), { page: 2, view: 'a', tags: ['x'] }));
  });

  it('refuses a bad query every time it comes', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      // (each refusal below is validated again: only DTOs that passed are remembered)
      await expect(pipe.transform({ page: '0' }, query)).rejects.toBeInstanceOf(BadRequestException);
      await expect(pipe.transform({ view: 'c' }, query)).rejects.toBeInstanceOf(BadRequestException);
      await expect(pipe.transform({ page: '2', unknown: '1' }, query)).rejects.toBeInstanceOf(BadRequestException);
    }
    expect(validations).toHaveBeenCalledTimes(6);
    expect(await pipe.transform({ page: '3' }, query)).toEqual(Object.assign(new ListQuery(), { page: 3 }));
  });

  it('validates bodies every time', async () => {
    const pipe = createValidationPipe();
    const metadata: ArgumentMetadata = { type: 'body', metatype: Body };
    await pipe.transform({ name: 'x' }, metadata);
    await pipe.transform({ name: 'x' }, metadata);
    expect(validations).toHaveBeenCalledTimes(2);
    await expect(pipe.transform({ name: 1 }, metadata)).rejects.toBeInstanceOf(BadRequestException);
  });
});
