import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { ImportColumnMapping } from '@huifang/shared';

/** Longest column header a mapping may name (a header longer than this is no header). */
const COLUMN_NAME_MAX_LENGTH = 200;

const column = (description: string) => [
  ApiPropertyOptional({ description, maxLength: COLUMN_NAME_MAX_LENGTH }),
  IsOptional(),
  IsString(),
  MaxLength(COLUMN_NAME_MAX_LENGTH),
];

function Column(description: string): PropertyDecorator {
  return (target, key) => column(description).forEach((decorate) => decorate(target, key));
}

/** Field → the file's column header; a field left out is not imported (IMPORT_FIELDS in shared/). */
export class ImportColumnMappingDto implements ImportColumnMapping {
  @Column('HIS patient number (required)') patientNumber?: string;
  @Column('Patient name (required)') patientName?: string;
  @Column('Mobile phone') phone?: string;
  @Column('Gender') gender?: string;
  @Column('Date of birth') birthDate?: string;
  @Column('HIS visit number (a row without one brings the patient only)') visitNumber?: string;
  @Column('Department (code, Chinese or English name; required with a visit)') department?: string;
  @Column('Clinician') clinician?: string;
  @Column('Check-in time (required with a visit)') checkedInAt?: string;
  @Column('Called-in time') calledAt?: string;
  @Column('Finish time') finishedAt?: string;
  @Column('Expected return date') nextVisitDue?: string;
  @Column('Charge in yuan') charge?: string;
}
