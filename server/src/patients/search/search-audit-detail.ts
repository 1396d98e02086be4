import { maskPhone } from '@huifang/shared';
import type { PatientQueryDto } from '../dto/patient-query.dto';
import type { SearchTerm } from './search-terms';

/**
 * What the audit log keeps of a search: the filters, the query masked the way lists show data
 * (a whole phone as `159****1947`, a name as its first character), and how many patients matched.
 * The audit log is append-only and outlives an erasure, so it must not hold a full phone or name.
 */
export function searchAuditDetail(query: PatientQueryDto, term: SearchTerm | null, results: number): string {
  return JSON.stringify({
    ...(term && { q: maskedTerm(term) }),
    ...(query.stage && { stage: query.stage }),
    ...(query.status && { status: query.status }),
    ...(query.departmentId && { departmentId: query.departmentId }),
    page: query.page,
    results,
  });
}

function maskedTerm(term: SearchTerm): string {
  switch (term.kind) {
    case 'phone':
      return maskPhone(term.phone);
    case 'phoneLast4':
      return term.last4;
    case 'patientId':
      return term.id === null ? 'id:none' : `id:${term.id}`;
    case 'name':
      return maskName(term.fragment);
  }
}

/** First character kept, every other one a `*` (counted by code point, so CJK and emoji stay whole). */
export function maskName(text: string): string {
  const chars = [...text];
  return chars[0] + '*'.repeat(chars.length - 1);
}
