import type { DrillDownRow, IndicatorSeries } from '@huifang/shared';
import { csvCell } from '../core/http/csv';
import { drillDownToCsv, seriesToCsv } from './indicator-csv';

describe('indicator CSV', () => {
  it('starts with a BOM, names the department, leaves "no data" cells empty, headers in the user\'s language', () => {
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
    const names = new Map([['5', '骨科'], ['6', '眼科']]);
    expect(seriesToCsv(series, names, 'zh')).toBe(
      '\uFEFF科室编号,科室,应复诊患者,已流失,流失率 %,留存率 %\r\n5,骨科,37,4,10.8,89.2\r\n6,眼科,0,0,,\r\n',
    );
    expect(seriesToCsv(series, names, 'en').split('\r\n')[0]).toBe('\uFEFFDepartment ID,Department,Due back,Lapsed,Churn rate %,Retention %');
  });

  it('names rating dimensions in the language, and keeps an unknown one by its code', () => {
    const series: IndicatorSeries<'satisfaction'> = {
      indicator: 'satisfaction',
      from: '2026-03-01',
      to: '2026-03-31',
      departmentId: null,
      templateId: null,
      groupBy: 'month',
      points: [
        {
          key: '2026-03',
          n: 2,
          invitations: 4,
          responseRate: 50,
          nps: { value: 0, n: 2, promoters: 1, passives: 0, detractors: 1 },
          csat: { value: 50, mean: 3, n: 2 },
          fft: { value: null, n: 0, positive: 0, negative: 0, dontKnow: 0 },
          dimensions: [
            { dimension: 'wait_time', value: 50, mean: 3, n: 2 },
            { dimension: 'parking', value: 100, mean: 5, n: 1 },
          ],
        },
      ],
    };
    const header = seriesToCsv(series, new Map(), 'zh').slice(1).split('\r\n')[0].split(',');
    expect(header.slice(0, 5)).toEqual(['月份', '问卷数', '邀请数', '已作答邀请数', '回收率 %']);
    expect(header.slice(-6)).toEqual(['parking 满意占比 %', 'parking 平均分', 'parking 样本', '候诊时间 满意占比 %', '候诊时间 平均分', '候诊时间 样本']);
  });

  it('lists the rows behind a figure with translated headers, stages and statuses', () => {
    const row: DrillDownRow = {
      patientId: 7,
      patientName: '王芳',
      phoneMasked: '138****0001',
      departmentId: 5,
      departmentName: '骨科',
      on: '2026-03-05',
      value: 42.5,
      refId: 91,
      stage: 'treatment',
      status: 'at_risk',
    };
    expect(drillDownToCsv([row], 'wait-time', 'zh')).toBe(
      '\uFEFF患者编号,患者,电话,科室,日期,等候（分钟）,阶段,状态,记录编号\r\n7,王芳,138****0001,骨科,2026-03-05,42.5,治疗,有流失风险,91\r\n',
    );
    expect(drillDownToCsv([row], 'churn', 'en')).toBe(
      '\uFEFFPatient ID,Patient,Phone,Department,Date,Days overdue,Stage,Status,Record ID\r\n7,王芳,138****0001,骨科,2026-03-05,42.5,Treatment,At risk,91\r\n',
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
