import type { ImprovementActionSummary } from '@huifang/shared';
import { actionPrefill, actionsForChart, drillDepartment, drillIndicator, panelOf, prefillParams } from './indicator-family';

describe('indicator families', () => {
  it('charts each indicator on its panel', () => {
    expect(panelOf('wait_median')).toBe('wait-time');
    expect(panelOf('wait_over_threshold')).toBe('wait-time');
    expect(panelOf('dimension:nursing')).toBe('satisfaction');
    expect(panelOf('theme_share:parking')).toBe('satisfaction');
    expect(panelOf('churn_rate')).toBe('churn');
    expect(panelOf('callback_completion')).toBe('follow-up');
  });

  it('acts on the figure a drill-down lists, for the department of its bar', () => {
    const series = { kind: 'series', groupBy: 'month', key: '2026-03', count: 4, templateId: null } as const;
    expect(drillIndicator({ ...series, indicator: 'wait-time', segment: 'over_threshold' })).toBe('wait_over_threshold');
    expect(drillIndicator({ ...series, indicator: 'satisfaction', segment: 'csat_low' })).toBe('csat');
    expect(drillIndicator({ ...series, indicator: 'satisfaction', segment: 'detractors' })).toBe('nps');
    expect(drillIndicator({ kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 3 })).toBe('churn_rate');
    expect(drillIndicator({ kind: 'flow', fromStage: 'first_visit', toStage: 'treatment', count: 3 })).toBeNull();
    expect(drillDepartment({ ...series, indicator: 'churn', segment: 'lapsed', groupBy: 'department', key: '8' }, null)).toBe(8);
    expect(drillDepartment({ ...series, indicator: 'churn', segment: 'lapsed' }, 2)).toBe(2);
  });

  it('starts an action today when the period runs to today, else the day after the period', () => {
    expect(actionPrefill('nps', 2, { from: '2026-03-02', to: '2026-03-31' }, '2026-03-31')).toEqual({
      indicator: 'nps',
      departmentId: 2,
      startDate: '2026-03-31',
      from: '2026-03-02',
      to: '2026-03-31',
    });
    const past = actionPrefill('nps', null, { from: '2026-01-01', to: '2026-01-31' }, '2026-03-31');
    expect(past.startDate).toBe('2026-02-01');
    expect(prefillParams(past)).toEqual({ indicator: 'nps', startDate: '2026-02-01', from: '2026-01-01', to: '2026-01-31' });
  });

  it("marks on a trend the actions of its indicators, for the department viewed or the whole hospital, started in the period", () => {
    const a = (id: number, indicator: ImprovementActionSummary['indicator'], departmentId: number | null, startDate: string) => ({ id, indicator, departmentId, startDate, status: 'done' as const });
    const actions = [a(1, 'wait_median', 2, '2026-03-10'), a(2, 'wait_over_threshold', null, '2026-03-11'), a(3, 'wait_median', 8, '2026-03-12'), a(4, 'nps', 2, '2026-03-13'), a(5, 'wait_median', 2, '2026-02-28')];
    const period = { from: '2026-03-01', to: '2026-03-31' };
    expect(actionsForChart(actions, 'wait-time', 2, period).map((x) => x.id)).toEqual([1, 2]);
    expect(actionsForChart(actions, 'wait-time', null, period).map((x) => x.id)).toEqual([2]);
    expect(actionsForChart(actions, 'satisfaction', 2, period).map((x) => x.id)).toEqual([4]);
  });
});
