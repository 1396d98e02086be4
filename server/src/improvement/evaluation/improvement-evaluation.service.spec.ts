import { ReadCache } from '../../core/database/read-cache';
import { IndicatorSql } from '../../indicators/indicator-sql';
import { ImprovementEvaluationService, type EvaluatedAction } from './improvement-evaluation.service';

const action = (indicator: EvaluatedAction['indicator']): EvaluatedAction => ({
  indicator,
  departmentId: null,
  betterDirection: 'higher',
  startDate: '2026-06-01',
  baselineDays: 90,
  lagDays: 30,
  followUpDays: 90,
});

/** The service with the survey rollups still building, and a database that must not be asked. */
function whileBuilding(): ImprovementEvaluationService {
  const sqlProvider = { get: () => { throw new Error('no figure can be read while the rollups build'); } };
  const hospital = { current: async () => ({ waitThresholdMinutes: 30, returnGraceDays: 30 }) };
  return new ImprovementEvaluationService(sqlProvider as never, { timeZone: 'Asia/Shanghai' } as never, hospital as never, { built: false } as never, new ReadCache());
}

describe('an evaluation while the survey rollups are still being built', () => {
  it('is marked unavailable (verdict pending, nothing read) rather than failing the request', async () => {
    for (const indicator of ['nps', 'csat', 'dimension:nursing'] as const) {
      const evaluation = await whileBuilding().evaluate(action(indicator), '2026-12-01');
      expect([indicator, evaluation]).toEqual([
        indicator,
        {
          test: indicator === 'nps' ? 'bootstrap_nps' : 'two_proportion',
          baseline: { from: '2026-03-03', to: '2026-05-31', n: 0, value: null },
          followUp: { from: '2026-07-01', to: '2026-09-28', n: 0, value: null },
          followUpComplete: true,
          change: null,
          ci95: null,
          pValue: null,
          verdict: 'pending',
          available: false,
        },
      ]);
    }
  });
});

describe('the evaluations of a list', () => {
  it('read the hospital settings once for all the actions, not once per action', async () => {
    // A database without rows: every window is empty (too few to tell), which is beside the point here.
    const manager = { query: async () => [], connection: { options: { type: 'better-sqlite3' } } };
    const sql = new IndicatorSql(manager as never, null, 'Asia/Shanghai', false);
    const current = jest.fn(async () => ({ waitThresholdMinutes: 30, returnGraceDays: 30 }));
    const service = new ImprovementEvaluationService({ get: () => sql } as never, { timeZone: 'Asia/Shanghai' } as never, { current } as never, { built: true } as never, new ReadCache());
    const evaluations = await service.evaluateAll([action('wait_median'), action('wait_over_threshold'), action('nps'), action('csat')], '2026-12-01');
    expect(evaluations.map((e) => [e.verdict, e.available])).toEqual([
      ['too_few', true],
      ['too_few', true],
      ['too_few', true],
      ['too_few', true],
    ]);
    expect(current).toHaveBeenCalledTimes(1);
  });
});
