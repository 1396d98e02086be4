import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { OUTREACH_RECEIPT_STATUSES, type OutreachReceipt } from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';

/** A gateway's receipt (`OutreachReceipt`); the signature is checked before this is read. */
export class OutreachReceiptDto implements OutreachReceipt {
  @ApiPropertyOptional({ description: 'The key Huifang sent with the message' })
  @IsOptionalNotNull()
  @IsString()
  @MaxChars(80)
  idempotencyKey?: string;

  @ApiPropertyOptional({ description: 'The id the gateway answered when it took the message' })
  @IsOptionalNotNull()
  @IsString()
  @MaxChars(128)
  providerMessageId?: string;

  @ApiPropertyOptional({ enum: OUTREACH_RECEIPT_STATUSES })
  @IsOptionalNotNull()
  @IsIn(OUTREACH_RECEIPT_STATUSES)
  status?: 'delivered' | 'failed';

  @ApiPropertyOptional({ description: 'Why the message failed (kept, cut to 200 characters)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxChars(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The patient’s reply; STOP / 退订 opts out of the message’s purpose' })
  @IsOptionalNotNull()
  @IsString()
  @MaxChars(1000)
  reply?: string;
}
