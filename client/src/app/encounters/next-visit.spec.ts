import { FormControl } from '@angular/forms';
import { nextVisitValidator } from './next-visit';

describe('nextVisitValidator (the server rule from shared/)', () => {
  const check = (value: string) => new FormControl(value, nextVisitValidator(() => '2026-03-02')).errors;

  it('refuses the visit day itself, which the server refuses too', () => {
    expect(check('2026-03-02')).toEqual({ notAfterVisit: true });
    expect(check('2026-03-01')).toEqual({ notAfterVisit: true });
  });

  it('accepts the next day up to two years on, and nothing', () => {
    expect(check('2026-03-03')).toBeNull();
    expect(check('2028-03-03')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('refuses a date beyond two years or no real date', () => {
    expect(check('2028-03-04')).toEqual({ tooFar: true });
    expect(check('2026-02-30')).toEqual({ date: true });
  });
});
