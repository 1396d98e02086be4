import type { IndicatorSeries } from '@huifang/shared';
import { csvCell, seriesToCsv } from './indicator-csv';

describe('indicator CSV', () => {
  it('starts with a BOM, names the department, and leaves "no data" cells empty', () => {
    const series: IndicatorSeries<'churn'> = {
      indicator: 'churn',
      from: '2026-03-01',
      to: '2026-03-31',
      departmentId: null,
      templateId: null,
      groupBy: 'department',
      points: [
        { key: '5', n: 37, lapsed: 4, churnRate: 10.8, retention: 89.2 },
        { key: '6', n: 0, lapsed: 0, churnRate: null, retention: null },
      ],
    };
    expect(seriesToCsv(series, new Map([['5', '骨科'], ['6', '眼科']]))).toBe(
      '\uFEFFdepartment,department_name,cohort,lapsed,churn_rate_percent,retention_percent\r\n5,骨科,37,4,10.8,89.2\r\n6,眼科,0,0,,\r\n',
    );
  });

  it('quotes separators and defuses text Excel would run as a formula', () => {
    expect([csvCell('a,b'), csvCell('say "hi"'), csvCell('=HYPERLINK("x")'), csvCell(-3), csvCell(null)]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      `"'=HYPERLINK(""x"")"`,
      '-3',
      '',
    ]);
  });
});
