import { BadRequestException } from '@nestjs/common';
import { maskName, searchAuditDetail } from './search-audit-detail';
import { searchTerm } from './search-terms';

describe('searchTerm', () => {
  it('reads text as a name fragment for every role', () => {
    expect(searchTerm('王', 'front_desk')).toEqual({ kind: 'name', fragment: '王' });
    expect(searchTerm('王1', 'quality_manager')).toEqual({ kind: 'name', fragment: '王1' });
  });

  it('reads digits as the whole phone or its last 4 for those who call patients', () => {
    expect(searchTerm('+86 159-1234-1947', 'front_desk')).toEqual({ kind: 'phone', phone: '15912341947' });
    expect(searchTerm('1947', 'admin')).toEqual({ kind: 'phoneLast4', last4: '1947' });
  });

  it.each(['1', '194', '41947', '1234194', '5912341947', '159123419470'])('refuses the digit run %s naming q', (q) => {
    expect(() => searchTerm(q, 'admin')).toThrow(BadRequestException);
  });

  it('reads digits as a patient id for quality managers, never as a phone', () => {
    expect(searchTerm('42', 'quality_manager')).toEqual({ kind: 'patientId', id: 42 });
    expect(searchTerm('15912341947', 'quality_manager')).toEqual({ kind: 'patientId', id: null });
    expect(searchTerm('0', 'quality_manager')).toEqual({ kind: 'patientId', id: null });
  });
});

describe('searchAuditDetail', () => {
  const query = { page: 1, pageSize: 20 } as never;

  it('never keeps a whole phone or name', () => {
    expect(JSON.parse(searchAuditDetail(query, { kind: 'phone', phone: '15912341947' }, 1))).toEqual({ q: '159****1947', page: 1, results: 1 });
    expect(JSON.parse(searchAuditDetail(query, { kind: 'name', fragment: '欧阳娜娜' }, 3)).q).toBe('欧***');
    expect(maskName('😀ab')).toBe('😀**');
  });
});
