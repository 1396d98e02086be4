import { splitIntoMonths } from './wait-time.query';

describe('splitIntoMonths', () => {
  it('separates whole months from the days before and after them', () => {
    expect(splitIntoMonths({ from: '2025-11-24', to: '2026-11-23' })).toEqual({
      months: { firstMonth: '2025-12', lastMonth: '2026-10' },
      edges: [
        ['2025-11-24', '2025-11-30'],
        ['2026-11-01', '2026-11-23'],
      ],
    });
    expect(splitIntoMonths({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ months: { firstMonth: '2026-02', lastMonth: '2026-02' }, edges: [] });
    expect(splitIntoMonths({ from: '2026-01-31', to: '2026-03-01' })).toEqual({
      months: { firstMonth: '2026-02', lastMonth: '2026-02' },
      edges: [
        ['2026-01-31', '2026-01-31'],
        ['2026-03-01', '2026-03-01'],
      ],
    });
  });

  it('leaves a period without a whole month to the encounters', () => {
    expect(splitIntoMonths({ from: '2026-03-05', to: '2026-04-20' })).toEqual({ months: null, edges: [['2026-03-05', '2026-04-20']] });
    expect(splitIntoMonths({ from: '2026-12-02', to: '2026-12-31' })).toEqual({ months: null, edges: [['2026-12-02', '2026-12-31']] });
  });
});
