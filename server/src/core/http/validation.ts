import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';
import { QueryMemo } from './query-memo';

/** Flattens nested errors into messages that name the field path (`answers.0.value must be …`). */
export function validationMessages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // class-validator starts each message with the bare property name: prefix it with its path.
    const own = Object.values(error.constraints ?? {}).map((message) =>
      parent ? message.replace(error.property, path) : message,
    );
    return [...own, ...validationMessages(error.children ?? [], path)];
  });
}

/** The paths of the fields that failed (`answers.0.value`), each once: the client names them in its own language. */
export function validationFields(errors: ValidationError[], parent = ''): string[] {
  const paths = errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [...(error.constraints ? [path] : []), ...validationFields(error.children ?? [], path)];
  });
  return [...new Set(paths)];
}

/** The field paths that problem messages start with (`answers.nps is required` → `answers.nps`), each once. */
export function problemFields(problems: string[]): string[] {
  return [...new Set(problems.map((problem) => problem.split(' ', 1)[0]))];
}

/** The validation pipe, which builds each distinct query DTO once (query-memo.ts). */
class MemoizingValidationPipe extends ValidationPipe {
  private readonly queries = new QueryMemo();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const known = this.queries.recall(value, metadata);
    if (known) return known;
    return this.queries.remember(value, metadata, await super.transform(value, metadata));
  }
}

/** Whitelist + refuse unknown fields; 400 with messages naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new MemoizingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: validationMessages(errors), code: ERROR_CODES.validation, params: { fields: validationFields(errors) } }),
  });
}
