import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import {
  OUTREACH_KINDS,
  OUTREACH_TEMPLATE_LANGUAGES,
  OUTREACH_TEMPLATE_LIMITS,
  type OutreachKind,
  type OutreachTemplateInput,
  type OutreachTemplateLanguage,
  type OutreachTemplatePreviewRequest,
} from '@huifang/shared';
import { CharLength } from '../../../core/http/chars.validator';
import { Trim } from '../../../core/http/trim';

/** The texts' placeholders are checked against the kind by the service (template-checks.ts). */
export class OutreachTemplateDto implements OutreachTemplateInput {
  @ApiProperty({ example: '{hospital}: how was your visit?', minLength: 1, maxLength: OUTREACH_TEMPLATE_LIMITS.subject })
  @Trim()
  @IsString()
  @CharLength(1, OUTREACH_TEMPLATE_LIMITS.subject)
  // An email's subject header: one line.
  @Matches(/^[^\r\n]*$/, { message: 'subject must be a single line' })
  subject!: string;

  @ApiProperty({
    example: 'Dear {givenName}, thank you for your visit to {department} on {date}: {link}',
    minLength: 1,
    maxLength: OUTREACH_TEMPLATE_LIMITS.body,
    description: 'Without the opt-out line, which every message gets appended',
  })
  @Trim()
  @IsString()
  @CharLength(1, OUTREACH_TEMPLATE_LIMITS.body)
  body!: string;
}

export class OutreachTemplatePreviewDto extends OutreachTemplateDto implements OutreachTemplatePreviewRequest {
  @ApiProperty({ enum: OUTREACH_KINDS })
  @IsIn(OUTREACH_KINDS)
  kind!: OutreachKind;

  @ApiProperty({ enum: OUTREACH_TEMPLATE_LANGUAGES })
  @IsIn(OUTREACH_TEMPLATE_LANGUAGES)
  language!: OutreachTemplateLanguage;
}
