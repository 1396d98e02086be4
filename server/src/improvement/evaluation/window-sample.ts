import { parseIndicatorKey, TOP_BOX_MIN, type CalendarDay, type IndicatorKey } from '@huifang/shared';
import { churnByGroup, emptyChurnPoint } from '../../indicators/churn.query';
import { emptyFollowUpPoint, followUpByGroup } from '../../indicators/follow-up.query';
import { num, type IndicatorScope } from '../../indicators/indicator-scope';
import type { IndicatorSql } from '../../indicators/indicator-sql';
import { ratingValueCounts, surveyFigureRows } from '../../indicators/satisfaction.query';
import { themeFigures } from '../../indicators/theme-trend.query';
import { emptyWaitTimePoint, waitTenthsTallies, waitTimeByGroup } from '../../indicators/wait-time.query';
import type { NpsCounts } from '../statistics/nps-difference';
import type { Tally } from '../statistics/tally';

/**
 * What one window holds of an indicator, in the form its test needs: the waits (minutes, tallied),
 * a count out of n (a rating dimension: its top-2-box answers), or the NPS categories. Each is read through the
 * dashboard's own indicator queries (indicators/*.query.ts), so a window's n and value are the
 * figures the dashboard shows for the same days and department.
 */
export type WindowSample =
  | { kind: 'wait'; n: number; tallies: Tally[] }
  | { kind: 'proportion'; n: number; count: number }
  | { kind: 'nps'; n: number; counts: NpsCounts };

/** The settings and state the indicator definitions depend on. */
export interface SampleContext {
  sql: IndicatorSql;
  timeZone: string;
  waitThresholdMinutes: number;
  returnGraceDays: number;
  today: CalendarDay;
  /** The callback rollup is built (else follow-up figures come from the callbacks themselves). */
  rollupBuilt: boolean;
}

/** A rating dimension's score as the dashboard's: the answers in the top two boxes (shared TOP_BOX_MIN) out of all. */
export function topBoxShare(counts: readonly Tally[]): WindowSample {
  const n = counts.reduce((sum, t) => sum + t.count, 0);
  const top = counts.reduce((sum, t) => sum + (t.value >= TOP_BOX_MIN ? t.count : 0), 0);
  return { kind: 'proportion', n, count: top };
}

export async function readWindowSample(context: SampleContext, indicator: IndicatorKey, scope: IndicatorScope): Promise<WindowSample> {
  const parsed = parseIndicatorKey(indicator);
  if (!parsed) throw new Error(`not an indicator key: ${indicator}`);
  const { sql } = context;
  switch (parsed.base) {
    case 'wait_median': {
      const tallies = (await waitTenthsTallies(sql, scope)).map((t) => ({ value: t.tenths / 10, count: t.count }));
      return { kind: 'wait', n: tallies.reduce((sum, t) => sum + t.count, 0), tallies };
    }
    case 'wait_over_threshold': {
      const wait = (await waitTimeByGroup(sql, scope, 'all', context.waitThresholdMinutes)).get('all') ?? emptyWaitTimePoint('all');
      return { kind: 'proportion', n: wait.n, count: wait.overThresholdCount };
    }
    case 'nps': {
      const row = (await surveyFigureRows(sql, scope, 'all'))[0] ?? {};
      const n = num(row['nps_n']);
      const promoters = num(row['promoters']);
      const detractors = num(row['detractors']);
      return { kind: 'nps', n, counts: { promoters, detractors, passives: n - promoters - detractors } };
    }
    case 'csat': {
      const row = (await surveyFigureRows(sql, scope, 'all'))[0] ?? {};
      return { kind: 'proportion', n: num(row['csat_n']), count: num(row['csat_top']) };
    }
    case 'dimension': {
      return topBoxShare(await ratingValueCounts(sql, scope, parsed.param ?? ''));
    }
    case 'churn_rate': {
      const churn = (await churnByGroup(sql, scope, 'all', context.returnGraceDays, context.today)).get('all') ?? emptyChurnPoint('all');
      return { kind: 'proportion', n: churn.n, count: churn.lapsed };
    }
    case 'callback_completion': {
      const options = { withDurations: false, rollupBuilt: context.rollupBuilt };
      const followUp = (await followUpByGroup(sql, scope, 'all', context.timeZone, options)).get('all') ?? emptyFollowUpPoint('all');
      return { kind: 'proportion', n: followUp.n, count: followUp.completed };
    }
    case 'theme_share': {
      const figures = await themeFigures(sql, scope, 'all', false);
      const comments = figures.comments.get('all') ?? 0;
      return { kind: 'proportion', n: comments, count: figures.themes.get('all')?.get(parsed.param ?? '') ?? 0 };
    }
  }
}
