import { BadRequestException } from '@nestjs/common';
import { normalizeMobilePhone, type Role, ERROR_CODES } from '@huifang/shared';

/** The largest id an `integer` column holds: a larger "id" matches nothing. */
const MAX_ID = 2_147_483_647;

/** What a search box's text asks for, once the searcher's role is known. */
export type SearchTerm =
  | { kind: 'name'; fragment: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'phoneLast4'; last4: string }
  | { kind: 'patientId'; id: number | null };

/**
 * Reads `q`. Phone digits match the whole number or its last 4 digits only: a substring search
 * would let anyone read the digits a masked phone (`159****1947`) hides, a few searches at a time.
 * Any other run of digits is refused (400 naming `q`) rather than silently finding nothing, so
 * staff learn the rule. Quality managers never call patients from a search (least privilege):
 * digits are a patient id for them, never a phone.
 */
export function searchTerm(q: string, role: Role): SearchTerm {
  const compact = q.replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { kind: 'name', fragment: q };
  if (role === 'quality_manager') {
    const id = /^\d{1,10}$/.test(compact) ? Number(compact) : Number.NaN;
    return { kind: 'patientId', id: id >= 1 && id <= MAX_ID ? id : null };
  }
  const digits = normalizeMobilePhone(compact);
  if (/^\d{11}$/.test(digits)) return { kind: 'phone', phone: digits };
  if (/^\d{4}$/.test(digits)) return { kind: 'phoneLast4', last4: digits };
  throw new BadRequestException({
    message: ['q must be a name, the last 4 digits of a phone number or the whole 11-digit number'],
    code: ERROR_CODES.patientSearchTerms,
  });
}
