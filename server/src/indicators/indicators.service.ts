import { BadRequestException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  ERROR_CODES,
  HEADLINE_NAMES,
  type Headline,
  type HeadlineName,
  type HospitalSettings,
  type IndicatorGrouping,
  type IndicatorName,
  type IndicatorPointMap,
  type IndicatorSeries,
  type IndicatorSummary,
  type LifecycleFlow,
  type ChurnPoint,
  type FollowUpPoint,
  type SatisfactionPoint,
  type WaitTimePoint,
} from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { ReadCache } from '../core/database/read-cache';
import { calendarDayOf, type CalendarDay } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';
import { statusClock } from '../patients/relationship-status';
import { churnByGroup, emptyChurnPoint } from './churn.query';
import { emptyFollowUpPoint, followUpByGroup } from './follow-up.query';
import { resolveScope, previousScope, round1, timeBucketKeys, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { lifecycleFlow } from './lifecycle-flow.query';
import { RollupsService } from './rollups/rollups.service';
import { emptySatisfactionPoint, satisfactionByGroup } from './satisfaction.query';
import { overdueCallbacks, statusCounts } from './status-counts.query';
import { emptyWaitTimePoint, waitTimeByGroup } from './wait-time.query';

const INDICATOR_CACHE_MS = 60_000;

export interface IndicatorRequest {
  from?: string;
  to?: string;
  departmentId?: number;
  groupBy?: IndicatorGrouping;
  templateId?: number;
}

/** Series, headline summary and lifecycle flow, all computed in the database (see the `*.query.ts` files). */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    private readonly cache: ReadCache,
    private readonly hospital: HospitalSettingsService,
    private readonly rollups: RollupsService,
  ) {}

  today(now = new Date()): CalendarDay {
    return calendarDayOf(now, this.config.timeZone);
  }

  scopeOf(request: IndicatorRequest): IndicatorScope {
    return resolveScope(request, this.today());
  }

  async series<N extends IndicatorName>(name: N, request: IndicatorRequest): Promise<IndicatorSeries<N>> {
    if (name === 'satisfaction') this.assertSurveyRollupBuilt();
    const scope = this.scopeOf(request);
    const groupBy = request.groupBy ?? 'month';
    const templateId = templateOf(name, request);
    const settings = await this.hospital.current();
    return this.cached(`${name}:${groupBy}:${templateId}`, scope, settings, () => this.computeSeries(name, scope, groupBy, templateId, settings));
  }

  async summary(request: IndicatorRequest): Promise<IndicatorSummary> {
    this.assertSurveyRollupBuilt();
    const scope = this.scopeOf(request);
    const settings = await this.hospital.current();
    return this.cached('summary', scope, settings, () => this.computeSummary(scope, settings));
  }

  async flow(request: IndicatorRequest): Promise<LifecycleFlow> {
    const scope = this.scopeOf(request);
    const settings = await this.hospital.current();
    return this.cached('flow', scope, settings, async () => {
      const links = await lifecycleFlow(this.sqlProvider.get(), scope, this.config.timeZone, settings.returnGraceDays, this.today());
      return { from: scope.from, to: scope.to, departmentId: scope.departmentId, links };
    });
  }

  /**
   * Satisfaction is read from its rollup only (rollups/survey-rollup.ts). Until a start-up that met
   * a busy database has built it (retried every few seconds), its figures would count only what was
   * submitted since: 503 rather than a wrong figure. Follow-up figures fall back to the callbacks.
   */
  private assertSurveyRollupBuilt(): void {
    if (this.rollups.built) return;
    throw new ServiceUnavailableException({ message: 'the satisfaction figures are being prepared; try again shortly', code: ERROR_CODES.indicatorRollupsBuilding });
  }

  /**
   * A year of a large hospital takes a few hundred milliseconds to aggregate; the same figures are
   * asked for again and again (every manager opening the dashboard, every chart of a page). They
   * are recomputed after any write, and are at most a minute old when another instance wrote. The
   * settings the figures depend on are part of the key: a changed threshold or grace period, also
   * saved by another instance, is never answered from the cache.
   */
  private cached<T>(what: string, scope: IndicatorScope, settings: HospitalSettings, compute: () => Promise<T>): Promise<T> {
    const dependsOn = `${settings.returnGraceDays}:${settings.waitThresholdMinutes}`;
    return this.cache.get(`indicators:${what}:${scope.from}:${scope.to}:${scope.departmentId}:${this.today()}:${dependsOn}`, INDICATOR_CACHE_MS, compute);
  }

  private async computeSeries<N extends IndicatorName>(
    name: N,
    scope: IndicatorScope,
    groupBy: IndicatorGrouping,
    templateId: number | null,
    settings: HospitalSettings,
  ): Promise<IndicatorSeries<N>> {
    const found = await this.points(this.sqlProvider.get(), name, scope, groupBy, templateId, settings);
    const keys = groupBy === 'department' ? await this.departmentKeys(scope) : timeBucketKeys(scope, groupBy);
    const points = keys.map((key) => (found.get(key) ?? EMPTY_POINT[name](key)) as IndicatorPointMap[N]);
    return { indicator: name, from: scope.from, to: scope.to, departmentId: scope.departmentId, groupBy, templateId, points };
  }

  private async computeSummary(scope: IndicatorScope, settings: HospitalSettings): Promise<IndicatorSummary> {
    const previous = previousScope(scope);
    const sql = this.sqlProvider.get();
    const [current, before] = [await this.headlines(sql, scope, settings), await this.headlines(sql, previous, settings)];
    const headlines = Object.fromEntries(
      HEADLINE_NAMES.map((name) => [name, headline(current[name], before[name])]),
    ) as Record<HeadlineName, Headline>;
    const clock = statusClock(settings.timeZone, settings.returnGraceDays);
    return {
      from: scope.from,
      to: scope.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      departmentId: scope.departmentId,
      headlines,
      statusCounts: await statusCounts(sql, scope.departmentId, clock),
      overdueCallbacks: await overdueCallbacks(sql, scope.departmentId, new Date()),
    };
  }

  private points(
    sql: IndicatorSql,
    name: IndicatorName,
    scope: IndicatorScope,
    groupBy: Grouping,
    templateId: number | null,
    settings: HospitalSettings,
  ): Promise<Map<string, unknown>> {
    switch (name) {
      case 'wait-time':
        return waitTimeByGroup(sql, scope, groupBy, settings.waitThresholdMinutes);
      case 'satisfaction':
        return satisfactionByGroup(sql, scope, groupBy, this.config.timeZone, true, templateId);
      case 'churn':
        return churnByGroup(sql, scope, groupBy, settings.returnGraceDays, this.today());
      case 'follow-up':
        return followUpByGroup(sql, scope, groupBy, this.config.timeZone, { rollupBuilt: this.rollups.built });
    }
  }

  /**
   * A period's headline figures with their n, computed afresh (never from the cache): the monthly
   * assessment report freezes them.
   */
  async headlineFigures(scope: IndicatorScope): Promise<Record<HeadlineName, HeadlineFigure>> {
    return this.headlines(this.sqlProvider.get(), scope, await this.hospital.current());
  }

  /** Each department's headline figures in a period (key: the department id), computed afresh. */
  async headlineFiguresByDepartment(scope: IndicatorScope): Promise<Map<string, Record<HeadlineName, HeadlineFigure>>> {
    return this.headlinesBy(this.sqlProvider.get(), scope, await this.hospital.current(), 'department');
  }

  /** The period's headline figures, each with its n. */
  private async headlines(sql: IndicatorSql, scope: IndicatorScope, settings: HospitalSettings): Promise<Record<HeadlineName, Figure>> {
    return (await this.headlinesBy(sql, scope, settings, 'all')).get('all') ?? headlinesOf('all', new Map(), new Map(), new Map(), new Map());
  }

  /** The headline figures per group (one `all` group, or one per department with anything counted). */
  private async headlinesBy(sql: IndicatorSql, scope: IndicatorScope, settings: HospitalSettings, groupBy: 'all' | 'department'): Promise<Map<string, Record<HeadlineName, Figure>>> {
    const wait = await waitTimeByGroup(sql, scope, groupBy, settings.waitThresholdMinutes);
    const satisfaction = await satisfactionByGroup(sql, scope, groupBy, this.config.timeZone, false);
    const churn = await churnByGroup(sql, scope, groupBy, settings.returnGraceDays, this.today());
    const followUp = await followUpByGroup(sql, scope, groupBy, this.config.timeZone, { withDurations: false, rollupBuilt: this.rollups.built });
    const keys = new Set(groupBy === 'all' ? ['all'] : [...wait.keys(), ...satisfaction.keys(), ...churn.keys(), ...followUp.keys()]);
    return new Map([...keys].map((key) => [key, headlinesOf(key, wait, satisfaction, churn, followUp)]));
  }

  /** Department id (as a series key) → name, for CSV files. */
  async departmentNames(): Promise<Map<string, string>> {
    const rows = await this.departments.find({ select: { id: true, name: true } });
    return new Map(rows.map((row) => [String(row.id), row.name]));
  }

  private async departmentKeys(scope: IndicatorScope): Promise<string[]> {
    if (scope.departmentId !== null) return [String(scope.departmentId)];
    const rows = await this.departments.find({ select: { id: true }, order: { id: 'ASC' } });
    return rows.map((row) => String(row.id));
  }
}

/** `templateId` narrows satisfaction only; on another series it would silently mean nothing: 400. */
export function templateOf(name: string, request: IndicatorRequest): number | null {
  if (request.templateId === undefined) return null;
  if (name !== 'satisfaction') throw new BadRequestException({ message: ['templateId applies to satisfaction only'], code: ERROR_CODES.indicatorTemplateSatisfactionOnly });
  return request.templateId;
}

export interface HeadlineFigure {
  value: number | null;
  n: number;
}
type Figure = HeadlineFigure;

function headline(current: Figure, previous: Figure): Headline {
  return {
    value: current.value,
    n: current.n,
    previous: previous.value,
    previousN: previous.n,
    change: current.value === null || previous.value === null ? null : round1(current.value - previous.value),
  };
}

/** The headline figures of one group from its points (the summary's, and the report's own month). */
export function headlinesOf(
  key: string,
  waits: ReadonlyMap<string, WaitTimePoint>,
  satisfactions: ReadonlyMap<string, SatisfactionPoint>,
  churns: ReadonlyMap<string, ChurnPoint>,
  followUps: ReadonlyMap<string, FollowUpPoint>,
): Record<HeadlineName, Figure> {
  const wait = waits.get(key) ?? emptyWaitTimePoint(key);
  const satisfaction = satisfactions.get(key) ?? emptySatisfactionPoint(key);
  const churn = churns.get(key) ?? emptyChurnPoint(key);
  const followUp = followUps.get(key) ?? emptyFollowUpPoint(key);
  return {
    waitMedian: { value: wait.median, n: wait.n },
    waitP90: { value: wait.p90, n: wait.n },
    waitOverThreshold: { value: wait.overThreshold, n: wait.n },
    nps: { value: satisfaction.nps.value, n: satisfaction.nps.n },
    csat: { value: satisfaction.csat.value, n: satisfaction.csat.n },
    responseRate: { value: satisfaction.responseRate, n: satisfaction.invitations },
    fftPositive: { value: satisfaction.fft.value, n: satisfaction.fft.n },
    churnRate: { value: churn.churnRate, n: churn.n },
    callbackCompletion: { value: followUp.completionRate, n: followUp.n },
  };
}

const EMPTY_POINT: { [N in IndicatorName]: (key: string) => IndicatorPointMap[N] } = {
  'wait-time': emptyWaitTimePoint,
  satisfaction: emptySatisfactionPoint,
  churn: emptyChurnPoint,
  'follow-up': emptyFollowUpPoint,
};
