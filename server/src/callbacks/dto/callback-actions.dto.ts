import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString } from 'class-validator';
import {
  ATTEMPT_OUTCOMES,
  CALLBACK_NOTE_MAX_LENGTH,
  CALLBACK_REASON_MAX_LENGTH,
  CALLBACK_PRIORITIES,
  type AttemptOutcome,
  type CallbackPriority,
  type CancelCallbackRequest,
  type CreateCallbackRequest,
  type RecordAttemptRequest,
  type RescheduleCallbackRequest,
} from '@huifang/shared';
import { Trim } from '../../core/http/trim';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';
import { IsTimestamp } from '../../core/http/timestamp.validator';
import { IsId } from '../../core/http/id.validator';

export class CreateCallbackDto implements CreateCallbackRequest {
  @ApiProperty()
  @IsId()
  patientId!: number;

  @ApiProperty({ description: 'ISO 8601 with offset' })
  @IsTimestamp()
  dueAt!: string;

  @ApiProperty({ enum: ['manual'] })
  @IsIn(['manual'])
  kind!: 'manual';

  @ApiPropertyOptional({ enum: CALLBACK_PRIORITIES })
  @IsOptionalNotNull()
  @IsIn(CALLBACK_PRIORITIES)
  priority?: CallbackPriority;

  @ApiPropertyOptional({ maxLength: CALLBACK_NOTE_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(CALLBACK_NOTE_MAX_LENGTH)
  note?: string;
}

export class RecordAttemptDto implements RecordAttemptRequest {
  @ApiProperty({ enum: ATTEMPT_OUTCOMES })
  @IsIn(ATTEMPT_OUTCOMES)
  outcome!: AttemptOutcome;

  @ApiPropertyOptional({ maxLength: CALLBACK_NOTE_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(CALLBACK_NOTE_MAX_LENGTH)
  note?: string;
}

export class RescheduleCallbackDto implements RescheduleCallbackRequest {
  @ApiProperty({ description: 'ISO 8601 with offset, in the future' })
  @IsTimestamp()
  dueAt!: string;

  @ApiProperty({ maxLength: CALLBACK_REASON_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxChars(CALLBACK_REASON_MAX_LENGTH)
  reason!: string;

  @ApiPropertyOptional({ description: "tell the patient the call's new time by message (callback_appointment), with their consent" })
  @IsOptionalNotNull()
  @IsBoolean()
  notifyPatient?: boolean;
}

export class CancelCallbackDto implements CancelCallbackRequest {
  @ApiProperty({ maxLength: CALLBACK_REASON_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxChars(CALLBACK_REASON_MAX_LENGTH)
  reason!: string;
}
