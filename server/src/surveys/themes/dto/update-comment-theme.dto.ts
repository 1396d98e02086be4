import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString } from 'class-validator';
import { COMMENT_THEME_NAME_MAX_LENGTH, type UpdateCommentThemeRequest } from '@huifang/shared';
import { CharLength } from '../../../core/http/chars.validator';
import { IsOptionalNotNull } from '../../../core/http/optional';
import { Trim } from '../../../core/http/trim';
import { PhraseList } from './phrase-list';

/** The key stays (stored tags refer to it). Phrases: an admin's own themes only. */
export class UpdateCommentThemeDto implements UpdateCommentThemeRequest {
  @ApiPropertyOptional({ example: '无线网络' })
  @IsOptionalNotNull()
  @IsString()
  @Trim()
  @CharLength(1, COMMENT_THEME_NAME_MAX_LENGTH)
  nameZh?: string;

  @ApiPropertyOptional({ example: 'Wi-Fi' })
  @IsOptionalNotNull()
  @IsString()
  @Trim()
  @CharLength(1, COMMENT_THEME_NAME_MAX_LENGTH)
  nameEn?: string;

  @ApiPropertyOptional({ description: 'false: the tagger no longer assigns the theme (comments keep it until they are re-tagged)' })
  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the Chinese phrases (an admin-added theme only)' })
  @IsOptionalNotNull()
  @PhraseList()
  phrasesZh?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Replaces the English phrases (an admin-added theme only)' })
  @IsOptionalNotNull()
  @PhraseList()
  phrasesEn?: string[];
}
