import { NotFoundException } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';

/** 404 `patient.not_found`, for every feature that acts on a patient. */
export function patientNotFound(patientId: number): NotFoundException {
  return new NotFoundException({ message: `patient ${patientId} not found`, code: ERROR_CODES.patientNotFound, params: { patientId } });
}
