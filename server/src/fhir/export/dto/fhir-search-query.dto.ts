import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { MAX_ID } from '@huifang/shared';
import { isBoundedCalendarDay } from '../../../core/http/calendar-day.validator';
import { isBoundedTimestamp } from '../../../core/http/timestamp.validator';
import { FHIR_DEFAULT_COUNT, FHIR_MAX_COUNT } from '../fhir-searchset';
import { TASK_STATUS } from '../fhir-task-resource';

const TASK_STATUSES = [...new Set(Object.values(TASK_STATUS))];

/** `_since`, `_count` and the keyset cursor of the `next` link, shared by the FHIR searches. */
export class FhirSearchQueryDto {
  @ApiPropertyOptional({ description: 'An instant (2026-03-05T09:30:00+08:00) or a day (2026-03-05, from its start in the hospital time zone)' })
  @IsOptional()
  @ValidateBy({
    name: 'isFhirInstant',
    validator: {
      validate: (value) => isBoundedTimestamp(value) || isBoundedCalendarDay(value),
      defaultMessage: () => '_since must be an ISO 8601 date and time, or a day',
    },
  })
  _since?: string;

  @ApiPropertyOptional({ default: FHIR_DEFAULT_COUNT, minimum: 1, maximum: FHIR_MAX_COUNT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FHIR_MAX_COUNT)
  _count = FHIR_DEFAULT_COUNT;

  @ApiPropertyOptional({ description: 'From the `next` link: the last id of the previous page', minimum: 1, maximum: MAX_ID })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  _cursor?: number;

  @ApiPropertyOptional({ description: 'Accepted for FHIR clients; the answer is always JSON', enum: ['json', 'application/fhir+json', 'application/json'] })
  @IsOptional()
  @IsIn(['json', 'application/fhir+json', 'application/json'])
  _format?: string;
}

export class QuestionnaireResponseSearchDto extends FhirSearchQueryDto {
  @ApiPropertyOptional({ description: 'Patient/<id> or <id>', example: 'Patient/12' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @ValidateBy({
    name: 'isPatientReference',
    validator: {
      validate: (value) => typeof value === 'string' && /^(Patient\/)?[1-9]\d{0,9}$/.test(value) && patientIdOf(value) <= MAX_ID,
      defaultMessage: () => `patient must be Patient/<id> or <id>, the id at most ${MAX_ID}`,
    },
  })
  patient?: string;
}

export class TaskSearchDto extends FhirSearchQueryDto {
  @ApiPropertyOptional({ description: `Comma-separated: ${TASK_STATUSES.join(', ')}`, example: 'requested,received' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(new RegExp(`^(${TASK_STATUSES.join('|')})(,(${TASK_STATUSES.join('|')}))*$`), { message: `status must be a comma-separated list of ${TASK_STATUSES.join(', ')}` })
  status?: string;
}

/** The patient id a `patient` search parameter names. */
export function patientIdOf(patient: string): number {
  return Number(patient.replace(/^Patient\//, ''));
}
