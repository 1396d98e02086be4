import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OUTREACH_CHANNELS, OUTREACH_KINDS, OUTREACH_STATUSES, type OutreachChannel, type OutreachKind, type OutreachMessageQuery, type OutreachStatus } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';

export class OutreachMessageQueryDto extends PageQueryDto implements OutreachMessageQuery {
  @ApiPropertyOptional({ enum: OUTREACH_STATUSES })
  @IsOptional()
  @IsIn(OUTREACH_STATUSES)
  status?: OutreachStatus;

  @ApiPropertyOptional({ enum: OUTREACH_CHANNELS })
  @IsOptional()
  @IsIn(OUTREACH_CHANNELS)
  channel?: OutreachChannel;

  @ApiPropertyOptional({ enum: OUTREACH_KINDS })
  @IsOptional()
  @IsIn(OUTREACH_KINDS)
  kind?: OutreachKind;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day of creation (hospital time zone)' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day of creation (hospital time zone)' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}
