import type { MonthlyPhaseMigration } from '@huifang/shared';
import { fakeT } from '../dashboard/chart-test-fakes';
import { cellQuery, cellTitle } from './relationship-cells';
import { MIGRATION_ROWS, cellShade, equityChart, migrationChart } from './relationship-charts';

const CONTEXT = { t: fakeT, lang: 'en' as const };

const NOVEMBER: MonthlyPhaseMigration = {
  month: '2026-11',
  cells: [
    { from: 'development', to: 'development', n: 823 },
    { from: 'development', to: 'decline', n: 8 },
    { from: 'exploration', to: 'decline', n: 0 },
  ],
  entered: [{ to: 'exploration', n: 12 }],
};

interface HeatmapSeries {
  type: string;
  data: { value: number[]; label: { color: string } }[];
}

describe('relationship charts', () => {
  it('draw a month’s migration as a heatmap: from rows (new first), to columns, blank where nobody moved', () => {
    const model = migrationChart(NOVEMBER, CONTEXT);
    const option = model.option as { series: HeatmapSeries[]; yAxis: { data: string[]; inverse: boolean }; xAxis: { data: string[] } };
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data).toEqual(MIGRATION_ROWS.map((from) => (from === 'new' ? 'relationship.view.migration.new{}' : `phases.${from}{}`)));
    expect(option.xAxis.data).toEqual(['phases.exploration{}', 'phases.development{}', 'phases.stable{}', 'phases.decline{}']);
    const [series] = option.series;
    expect(series.type).toBe('heatmap');
    // [to column, from row, n, shade]; new → exploration first, then the month's moves; the 0 is left out.
    expect(series.data.map((d) => d.value.slice(0, 3))).toEqual([
      [0, 0, 12],
      [1, 2, 823],
      [3, 2, 8],
    ]);
    expect(series.data[1].label.color).toBe('#ffffff');
    expect(series.data[2].label.color).not.toBe('#ffffff');
    expect(model.hits[0]).toEqual([
      { kind: 'migration', month: '2026-11', from: 'new', to: 'exploration', count: 12 },
      { kind: 'migration', month: '2026-11', from: 'development', to: 'development', count: 823 },
      { kind: 'migration', month: '2026-11', from: 'development', to: 'decline', count: 8 },
    ]);
    expect(model.empty).toBe(false);
    const development = model.table.rows.find((row) => row.label === 'phases.development{}');
    expect(development?.cells).toEqual(['0', '823', '0', '8']);
    expect(development?.drills.map((d) => d.target)).toEqual(model.hits[0].slice(1));
  });

  it('say a month without moves is empty, never an empty grid', () => {
    expect(migrationChart({ month: '2026-01', cells: [], entered: [] }, CONTEXT).empty).toBe(true);
  });

  it('shade cells on a log scale, so a move of a few patients still shows beside hundreds who stayed', () => {
    expect(cellShade(0, 800)).toBe(0);
    expect(cellShade(800, 800)).toBe(1);
    expect(cellShade(3, 800)).toBeGreaterThan(0.3);
    expect(cellShade(3, 800)).toBeLessThan(cellShade(30, 800));
  });

  it('draw the equity trend with gaps for months without a snapshot, and list them as a table', () => {
    const model = equityChart(
      [
        { month: '2026-10', equity: null, patients: null },
        { month: '2026-11', equity: 0, patients: 1838 },
        { month: '2026-12', equity: 20263.52, patients: 2000 },
      ],
      'visits',
      CONTEXT,
    );
    const option = model.option as { series: { data: (number | null)[] }[] };
    expect(option.series[0].data).toEqual([null, 0, 20263.52]);
    expect(model.empty).toBe(false);
    expect(model.table.rows.map((row) => [row.label, ...row.cells])).toEqual([
      ['2026-10', '—', '—'],
      ['2026-11', 'relationship.units.visits{"value":"0.0"}', '1838'],
      ['2026-12', 'relationship.units.visits{"value":"20,263.5"}', '2000'],
    ]);
    expect(equityChart([{ month: '2026-10', equity: null, patients: null }], 'CNY', CONTEXT).empty).toBe(true);
    expect(equityChart([{ month: '2026-12', equity: 0, patients: 0 }], 'CNY', CONTEXT).empty).toBe(true);
  });

  it('ask the API for a cell’s patients and title it', () => {
    expect(cellQuery({ kind: 'current', phase: 'decline', tier: 'high', count: 3 })).toEqual({ phase: 'decline', valueTier: 'high' });
    expect(cellQuery({ kind: 'current', phase: null, tier: 'low', count: 3 })).toEqual({ valueTier: 'low' });
    expect(cellQuery({ kind: 'migration', month: '2026-11', from: 'new', to: 'exploration', count: 12 })).toEqual({
      month: '2026-11',
      fromPhase: 'new',
      toPhase: 'exploration',
    });
    expect(cellTitle({ kind: 'current', phase: 'decline', tier: 'high', count: 619 }, '骨科', fakeT)).toBe('骨科 · phases.decline{} · valueTiers.high{} · 619');
    expect(cellTitle({ kind: 'migration', month: '2026-11', from: 'development', to: 'decline', count: 8 }, null, fakeT)).toBe(
      '2026-11 · phases.development{} → phases.decline{} · 8',
    );
    expect(cellTitle({ kind: 'current', phase: null, tier: null, count: 2000 }, null, fakeT)).toBe('relationship.view.counts.all{} · 2000');
  });
});
