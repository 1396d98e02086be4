import { ValidateBy } from 'class-validator';
import { IMPORT_CHARGE_MAX_YUAN, isVisitCharge } from '@huifang/shared';

/** A visit's charge in yuan (shared `isVisitCharge`: 0 … 10,000,000, at most two decimals). */
export function IsVisitCharge(): PropertyDecorator {
  return ValidateBy({
    name: 'isVisitCharge',
    validator: {
      validate: (value: unknown) => isVisitCharge(value),
      defaultMessage: (args) => `${args?.property ?? 'charge'} must be an amount in yuan from 0 to ${IMPORT_CHARGE_MAX_YUAN} with at most two decimals`,
    },
  });
}
