import { Injectable } from '@nestjs/common';
import type { ThemeTrend, ThemeTrendGrouping } from '@huifang/shared';
import { timeBucketKeys } from './indicator-scope';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { IndicatorsService } from './indicators.service';
import { themeCounts, themeFigures } from './theme-trend.query';

export interface ThemeTrendRequest {
  from?: string;
  to?: string;
  departmentId?: number;
  groupBy?: ThemeTrendGrouping;
}

/** The Themes view's figures: the share of comments per theme over time, and the themes of detractors' comments. */
@Injectable()
export class ThemeTrendService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly indicators: IndicatorsService,
  ) {}

  async trend(request: ThemeTrendRequest): Promise<ThemeTrend> {
    const scope = this.indicators.scopeOf(request);
    const groupBy = request.groupBy ?? 'month';
    const sql = this.sqlProvider.get();
    const byPeriod = await themeFigures(sql, scope, groupBy, false);
    const overall = await themeFigures(sql, scope, 'all', false);
    const detractors = await themeFigures(sql, scope, 'all', true);
    const points = timeBucketKeys(scope, groupBy).map((key) => {
      const comments = byPeriod.comments.get(key) ?? 0;
      return { key, comments, themes: themeCounts(byPeriod.themes.get(key), comments) };
    });
    const whole = (figures: typeof overall) => {
      const comments = figures.comments.get('all') ?? 0;
      return { comments, themes: themeCounts(figures.themes.get('all'), comments) };
    };
    return { from: scope.from, to: scope.to, departmentId: scope.departmentId, groupBy, points, total: whole(overall), detractors: whole(detractors) };
  }
}
