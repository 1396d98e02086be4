import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import {
  COMMENT_THEME_KEY_PATTERN,
  COMMENT_THEME_NAME_MAX_LENGTH,
  COMMENT_THEME_PHRASE_MAX_LENGTH,
  COMMENT_THEME_PHRASES_MAX,
  type CreateCommentThemeRequest,
} from '@huifang/shared';
import { CharLength } from '../../../core/http/chars.validator';
import { Trim } from '../../../core/http/trim';
import { PhraseList } from './phrase-list';

const PHRASES = `at most ${COMMENT_THEME_PHRASES_MAX}, each 1-${COMMENT_THEME_PHRASE_MAX_LENGTH} characters`;

export class CreateCommentThemeDto implements CreateCommentThemeRequest {
  @ApiProperty({ example: 'wifi', pattern: COMMENT_THEME_KEY_PATTERN.source })
  @IsString()
  @Matches(COMMENT_THEME_KEY_PATTERN, { message: 'key must be a lower-case letter, then up to 39 lower-case letters, digits or underscores' })
  key!: string;

  @ApiProperty({ example: '无线网络' })
  @IsString()
  @Trim()
  @CharLength(1, COMMENT_THEME_NAME_MAX_LENGTH)
  nameZh!: string;

  @ApiProperty({ example: 'Wi-Fi' })
  @IsString()
  @Trim()
  @CharLength(1, COMMENT_THEME_NAME_MAX_LENGTH)
  nameEn!: string;

  @ApiProperty({ type: [String], example: ['无线网络', 'wifi'], description: `Chinese phrases, found as substrings of the comment (full-width and case folded, spaces ignored); ${PHRASES}` })
  @PhraseList()
  phrasesZh!: string[];

  @ApiProperty({ type: [String], example: ['wifi', 'internet'], description: `English phrases, found as whole words, case-insensitive; ${PHRASES}` })
  @PhraseList()
  phrasesEn!: string[];
}
