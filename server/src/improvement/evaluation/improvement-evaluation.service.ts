import { Injectable } from '@nestjs/common';
import {
  TEST_OF_KIND,
  calendarDayOf,
  improvementWindows,
  indicatorDefinition,
  parseIndicatorKey,
  type BetterDirection,
  type CalendarDay,
  type DayRange,
  type HospitalSettings,
  type ImprovementEvaluation,
  type IndicatorKey,
} from '@huifang/shared';
import { AppConfig } from '../../core/config/app-config';
import { ReadCache } from '../../core/database/read-cache';
import { HospitalSettingsService } from '../../hospital-settings/hospital-settings.service';
import { IndicatorSqlProvider } from '../../indicators/indicator-sql.provider';
import { RollupsService } from '../../indicators/rollups/rollups.service';
import { judge, windowValue } from './judge';
import { readWindowSample, type SampleContext } from './window-sample';

/** What an evaluation depends on: the action's indicator, department, direction, start and windows. */
export interface EvaluatedAction {
  indicator: IndicatorKey;
  departmentId: number | null;
  betterDirection: BetterDirection;
  startDate: CalendarDay;
  baselineDays: number;
  lagDays: number;
  followUpDays: number;
}

/** As the dashboard's figures: recomputed after any write, at most a minute old after another instance's. */
const EVALUATION_CACHE_MS = 60_000;

/** The indicators read from the survey rollups, which answer only once built (as the dashboard's). */
const FROM_SURVEY_ROLLUPS = new Set(['nps', 'csat', 'dimension']);

/**
 * "Did it work?" (DOMAIN.md, Improvement actions): the indicator over the baseline window (the days
 * before start) and the follow-up window (after the lag), for the action's department or the whole
 * hospital, and the verdict of the indicator's test. While the follow-up window runs, it counts up
 * to today (`followUpComplete` false); before it begins, the verdict is `pending`.
 */
@Injectable()
export class ImprovementEvaluationService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
    private readonly rollups: RollupsService,
    private readonly cache: ReadCache,
  ) {}

  today(now = new Date()): CalendarDay {
    return calendarDayOf(now, this.config.timeZone);
  }

  /** The evaluation as of `asOf` (default today): a report for a past month may ask as of its end. */
  async evaluate(action: EvaluatedAction, asOf: CalendarDay = this.today()): Promise<ImprovementEvaluation> {
    const [evaluation] = await this.evaluateAll([action], asOf);
    return evaluation;
  }

  /** Several actions' evaluations (a list, a report), with the hospital settings read once for all. */
  async evaluateAll(actions: readonly EvaluatedAction[], asOf: CalendarDay = this.today()): Promise<ImprovementEvaluation[]> {
    const settings = await this.hospital.current();
    const evaluations: ImprovementEvaluation[] = [];
    // One after another: each evaluation is a few indicator queries, and the database is shared.
    for (const action of actions) evaluations.push(await this.evaluateWith(action, asOf, settings));
    return evaluations;
  }

  private evaluateWith(action: EvaluatedAction, asOf: CalendarDay, settings: HospitalSettings): Promise<ImprovementEvaluation> {
    const parsed = parseIndicatorKey(action.indicator);
    // Not a 503: the action was read or already saved (a POST, PATCH or note has committed), and a
    // list must not fail for one NPS action. The evaluation says it could not be made yet.
    if (parsed && FROM_SURVEY_ROLLUPS.has(parsed.base) && !this.rollups.built) return Promise.resolve(unavailableEvaluation(action, asOf));
    const key = [
      'improvement',
      action.indicator,
      action.departmentId,
      action.betterDirection,
      action.startDate,
      action.baselineDays,
      action.lagDays,
      action.followUpDays,
      asOf,
      this.today(),
      settings.waitThresholdMinutes,
      settings.returnGraceDays,
    ].join(':');
    return this.cache.get(key, EVALUATION_CACHE_MS, () =>
      this.compute(action, asOf, {
        sql: this.sqlProvider.get(),
        timeZone: this.config.timeZone,
        waitThresholdMinutes: settings.waitThresholdMinutes,
        returnGraceDays: settings.returnGraceDays,
        today: asOf,
        rollupBuilt: this.rollups.built,
      }),
    );
  }

  private async compute(action: EvaluatedAction, asOf: CalendarDay, context: SampleContext): Promise<ImprovementEvaluation> {
    const windows = improvementWindows(action.startDate, action);
    const test = TEST_OF_KIND[indicatorDefinition(action.indicator).kind];
    const read = (range: DayRange) => readWindowSample(context, action.indicator, { ...range, departmentId: action.departmentId });
    const baselineRange = { from: windows.baseline.from, to: minDay(windows.baseline.to, asOf) };
    const baseline = await read(baselineRange);
    const baselineWindow = { ...windows.baseline, n: baseline.n, value: windowValue(baseline) };
    if (asOf < windows.followUp.from) {
      return {
        test,
        baseline: baselineWindow,
        followUp: { ...windows.followUp, n: 0, value: null },
        followUpComplete: false,
        change: null,
        ci95: null,
        pValue: null,
        verdict: 'pending',
        available: true,
      };
    }
    const followUpComplete = asOf > windows.followUp.to;
    const followUp = await read({ from: windows.followUp.from, to: minDay(windows.followUp.to, asOf) });
    return {
      test,
      baseline: baselineWindow,
      followUp: { ...windows.followUp, to: minDay(windows.followUp.to, asOf), n: followUp.n, value: windowValue(followUp) },
      followUpComplete,
      ...judge(baseline, followUp, action.betterDirection),
      available: true,
    };
  }
}

/** The evaluation while its figures are being prepared: the windows' days, nothing read (shared `available`). */
export function unavailableEvaluation(action: EvaluatedAction, asOf: CalendarDay): ImprovementEvaluation {
  const windows = improvementWindows(action.startDate, action);
  return {
    test: TEST_OF_KIND[indicatorDefinition(action.indicator).kind],
    baseline: { ...windows.baseline, n: 0, value: null },
    followUp: { ...windows.followUp, n: 0, value: null },
    followUpComplete: asOf > windows.followUp.to,
    change: null,
    ci95: null,
    pValue: null,
    verdict: 'pending',
    available: false,
  };
}

function minDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a < b ? a : b;
}
