import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { COMMENT_THEME_PHRASE_MAX_LENGTH, COMMENT_THEME_PHRASES_MAX } from '@huifang/shared';
import { CharLength } from '../../../core/http/chars.validator';

/** A bounded list of match phrases, each trimmed, 1-40 characters (the bounds live in shared/). */
export function PhraseList(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((p: unknown) => (typeof p === 'string' ? p.trim() : p)) : value)),
    IsArray(),
    ArrayMaxSize(COMMENT_THEME_PHRASES_MAX),
    IsString({ each: true }),
    CharLength(1, COMMENT_THEME_PHRASE_MAX_LENGTH, {
      each: true,
      message: `each phrase of $property must be 1-${COMMENT_THEME_PHRASE_MAX_LENGTH} characters`,
    }),
  );
}
