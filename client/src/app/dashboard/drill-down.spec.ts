import { type DrillContext, bucketLabel, drillCsvFileName, drillFilter, drillTitle, flowTargetLabel } from './drill-down';
import { fakeT } from './chart-test-fakes';

const departmentNameOf = (id: number) => 'Dept' + id;

const context = (departmentName: string | null): DrillContext => ({
  departmentName,
  departmentNameOf,
  from: '2026-01-01',
  to: '2026-03-31',
});

describe('bucketLabel', () => {
  it('days and months are their key', () => {
    expect(bucketLabel('day', '2026-03-05', fakeT, departmentNameOf)).toBe('2026-03-05');
    expect(bucketLabel('month', '2026-03', fakeT, departmentNameOf)).toBe('2026-03');
  });

  it('a week names its Monday', () => {
    expect(bucketLabel('week', '2026-03-02', fakeT, departmentNameOf)).toBe('dashboard.buckets.week{"day":"2026-03-02"}');
  });

  it('a department key is looked up by its numeric id', () => {
    expect(bucketLabel('department', '12', fakeT, departmentNameOf)).toBe('Dept12');
  });
});

describe('drillTitle', () => {
  it('a monthly point under a department filter: department · month · segment · count', () => {
    const title = drillTitle(
      { kind: 'series', templateId: null, indicator: 'churn', groupBy: 'month', key: '2026-03', segment: 'lapsed', count: 37 },
      context('骨科'),
      fakeT,
    );
    expect(title).toBe('骨科 · 2026-03 · dashboard.segments.churn.lapsed{} · 37');
  });

  it('leaves the department out for all departments', () => {
    const title = drillTitle(
      { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'week', key: '2026-03-02', segment: 'over_threshold', count: 4 },
      context(null),
      fakeT,
    );
    expect(title).toBe('dashboard.buckets.week{"day":"2026-03-02"} · dashboard.segments.wait-time.over_threshold{} · 4');
  });

  it('a point by department names that department and the period, not the filter', () => {
    const title = drillTitle(
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'department', key: '3', segment: 'detractors', count: 5 },
      context('Other'),
      fakeT,
    );
    expect(title).toBe(
      'Dept3 · dashboard.period.range{"from":"2026-01-01","to":"2026-03-31"} · dashboard.segments.satisfaction.detractors{} · 5',
    );
  });

  it('a flow link names the filter, the period and both stages', () => {
    expect(drillTitle({ kind: 'flow', fromStage: 'treatment', toStage: 'rehabilitation', count: 8 }, context('骨科'), fakeT)).toBe(
      '骨科 · dashboard.period.range{"from":"2026-01-01","to":"2026-03-31"} · stages.treatment{} → stages.rehabilitation{} · 8',
    );
    expect(drillTitle({ kind: 'flow', fromStage: 'follow_up', toStage: 'lapsed', count: 2 }, context(null), fakeT)).toBe(
      'dashboard.period.range{"from":"2026-01-01","to":"2026-03-31"} · stages.follow_up{} → statuses.lapsed{} · 2',
    );
  });
});

describe('flowTargetLabel', () => {
  it('a stage is a stage, lapsed is the status', () => {
    expect(flowTargetLabel('first_visit', fakeT)).toBe('stages.first_visit{}');
    expect(flowTargetLabel('lapsed', fakeT)).toBe('statuses.lapsed{}');
  });
});

describe('drillFilter and drillCsvFileName', () => {
  const period = { from: '2026-01-01', to: '2026-03-31', departmentId: 2 };

  it('a point of a series: its grouping, key, segment, template and order, without a page', () => {
    const target = { kind: 'series', indicator: 'satisfaction', groupBy: 'week', key: '2026-03-02', segment: 'detractors', count: 4, templateId: 7 } as const;
    expect(drillFilter(target, period, '-value')).toEqual({
      kind: 'series',
      indicator: 'satisfaction',
      query: { ...period, groupBy: 'week', key: '2026-03-02', segment: 'detractors', templateId: 7, sort: '-value' },
    });
    expect(drillCsvFileName(target, period.from, period.to)).toBe('satisfaction-detractors-2026-03-02_2026-01-01_2026-03-31.csv');
  });

  it('a flow link: its two stages and order', () => {
    const target = { kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 3 } as const;
    expect(drillFilter(target, period, 'patient')).toEqual({ kind: 'flow', query: { ...period, fromStage: 'treatment', toStage: 'lapsed', sort: 'patient' } });
    expect(drillCsvFileName(target, period.from, period.to)).toBe('lifecycle-flow-treatment-lapsed_2026-01-01_2026-03-31.csv');
  });
});
