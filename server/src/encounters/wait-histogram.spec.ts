import fc from 'fast-check';
import { addDays, daysBetween } from '@huifang/shared';
import { mondayOf, waitSpans, type WaitSpan } from './wait-histogram';

const daysOf = (span: WaitSpan, first: string, last: string): string[] => {
  const out: string[] = [];
  const end = span === 'day' ? last : span === 'week' ? addDays(last, 6) : addDays(`${addDays(`${last.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
  for (let d = first; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('waitSpans', () => {
  it('cuts a year into whole months, and the rest into whole weeks and days', () => {
    expect(waitSpans('2025-11-24', '2026-11-23', 'month')).toEqual([
      ['week', '2025-11-24', '2025-11-24'],
      ['month', '2025-12-01', '2026-10-01'],
      ['day', '2026-11-01', '2026-11-01'],
      ['week', '2026-11-02', '2026-11-16'],
      ['day', '2026-11-23', '2026-11-23'],
    ]);
    expect(waitSpans('2026-02-01', '2026-02-28', 'month')).toEqual([['month', '2026-02-01', '2026-02-01']]);
    expect(waitSpans('2026-03-02', '2026-03-08', 'week')).toEqual([['week', '2026-03-02', '2026-03-02']]);
    expect(waitSpans('2026-03-03', '2026-03-08', 'week')).toEqual([['day', '2026-03-03', '2026-03-08']]);
  });

  it('covers every day of any period exactly once, weeks starting on Mondays, months on the 1st', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), fc.constantFrom<WaitSpan>('day', 'week', 'month'), (from, length, largest) => {
        const to = addDays(from, length);
        const parts = waitSpans(from, to, largest);
        const covered = parts.flatMap(([span, first, last]) => {
          const firsts: string[] = [];
          for (let d = first; d <= last; d = span === 'day' ? addDays(d, 1) : span === 'week' ? addDays(d, 7) : `${addDays(`${d.slice(0, 7)}-28`, 4).slice(0, 7)}-01`) {
            if (span === 'week') expect(mondayOf(d)).toBe(d);
            if (span === 'month') expect(d.endsWith('-01')).toBe(true);
            firsts.push(d);
          }
          return firsts.flatMap((d) => daysOf(span, d, d));
        });
        expect(covered.sort()).toEqual(Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i)));
        if (largest === 'day') expect(parts.every(([span]) => span === 'day')).toBe(true);
        if (largest === 'week') expect(parts.every(([span]) => span !== 'month')).toBe(true);
        // The month grouping keys a week by its Monday's month: no week may cross into another month.
        if (largest === 'month') for (const [span, first, last] of parts) if (span === 'week') expect(addDays(last, 6).slice(0, 7)).toBe(first.slice(0, 7));
      }),
      { numRuns: 200 },
    );
  });
});
