import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  ATTEMPT_OUTCOMES,
  CALLBACK_PRIORITIES,
  type AttemptOutcome,
  type CallbackPriority,
  type CancelCallbackRequest,
  type CreateCallbackRequest,
  type RecordAttemptRequest,
  type RescheduleCallbackRequest,
} from '@huifang/shared';
import { Trim } from '../../core/http/trim';

export class CreateCallbackDto implements CreateCallbackRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  patientId!: number;

  @ApiProperty({ description: 'ISO 8601 with offset' })
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt!: string;

  @ApiProperty({ enum: ['manual'] })
  @IsIn(['manual'])
  kind!: 'manual';

  @ApiPropertyOptional({ enum: CALLBACK_PRIORITIES })
  @IsOptional()
  @IsIn(CALLBACK_PRIORITIES)
  priority?: CallbackPriority;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RecordAttemptDto implements RecordAttemptRequest {
  @ApiProperty({ enum: ATTEMPT_OUTCOMES })
  @IsIn(ATTEMPT_OUTCOMES)
  outcome!: AttemptOutcome;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RescheduleCallbackDto implements RescheduleCallbackRequest {
  @ApiProperty({ description: 'ISO 8601 with offset, in the future' })
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt!: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(200)
  reason!: string;
}

export class CancelCallbackDto implements CancelCallbackRequest {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(200)
  reason!: string;
}
