import { BadRequestException, Injectable } from '@nestjs/common';
import {
  DEFAULT_DRILL_DOWN_SORT,
  DRILL_DOWN_EXPORT_MAX_ROWS,
  DRILL_DOWN_SEGMENTS,
  ERROR_CODES,
  LIFECYCLE_STAGES,
  RELATIONSHIP_STATUSES,
  daysBetween,
  type HospitalSettings,
  maskPhone,
  type DrillDownRow,
  type DrillDownSegment,
  type DrillDownSort,
  type DrillDownSortKey,
  type IndicatorName,
  type LifecycleStage,
  type FlowTarget,
  type Page,
  type RelationshipStatus,
} from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { inOrderOf } from '../core/database/list-order';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { statusClock, statusExpression } from '../patients/relationship-status';
import { lowRatingSql, npsDetractorSql, npsPassiveSql, npsPromoterSql } from '../surveys/band-sql';
import { cohortConditions, cohortWindow } from './churn.query';
import { followUpConditions } from './follow-up.query';
import { instantBounds, narrowToKey, num, round1, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { inTemplate } from './satisfaction.query';
import { IndicatorsService, templateOf, type IndicatorRequest } from './indicators.service';

/** Which rows, in which order (every row for a CSV). */
export interface DrillDownFilter extends IndicatorRequest {
  key?: string;
  segment?: DrillDownSegment;
  sort?: DrillDownSort;
}

export interface FlowDrillDownFilter extends IndicatorRequest {
  fromStage: LifecycleStage;
  toStage: FlowTarget;
  sort?: DrillDownSort;
}

interface PageRequest {
  page: number;
  pageSize: number;
}

/** The rows behind one figure, as SQL fragments: FROM (joined to `patient p` and `department d`) and WHERE. */
interface RowSource {
  from: string;
  where: string;
  on: string;
  value: string;
  ref: string;
  params: object;
  /** Turns the raw `val` column into the row's value. */
  toValue?: (row: Record<string, unknown>) => number | null;
  /** The raw value runs against the row's value (churn: a later expected return is fewer days overdue). */
  valueDescends?: boolean;
}

const PATIENT_AND_DEPARTMENT = (patientId: string, departmentId: string) =>
  `JOIN patient p ON p.id = ${patientId} LEFT JOIN department d ON d.id = ${departmentId}`;
/** Responses: imported historical feedback has no patient, and is counted in the figure's n all the same. */
const RESPONDENT_AND_DEPARTMENT = (patientId: string, departmentId: string) =>
  `LEFT JOIN patient p ON p.id = ${patientId} LEFT JOIN department d ON d.id = ${departmentId}`;

/**
 * Drill-down (API.md `/api/indicators/{name}/patients`): the same conditions as the figure's query,
 * narrowed to one point of the series and one segment, listed page by page with the patient.
 */
@Injectable()
export class DrillDownService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async rows(name: IndicatorName, request: DrillDownFilter & PageRequest): Promise<Page<DrillDownRow>> {
    const sql = this.sqlProvider.get();
    const settings = await this.hospital.current();
    return this.page(sql, this.seriesSource(sql, name, request, settings), settings, request.sort, request);
  }

  /** Every row of the segment, in the requested order (the CSV export). */
  async allRows(name: IndicatorName, request: DrillDownFilter): Promise<DrillDownRow[]> {
    const sql = this.sqlProvider.get();
    const settings = await this.hospital.current();
    return capped(await this.select(sql, this.seriesSource(sql, name, request, settings), settings, request.sort, EXPORT_PAGE));
  }

  async flowRows(request: FlowDrillDownFilter & PageRequest): Promise<Page<DrillDownRow>> {
    const sql = this.sqlProvider.get();
    const settings = await this.hospital.current();
    const source = this.flowSource(sql, request, settings);
    if (!source) return { items: [], total: 0, page: request.page, pageSize: request.pageSize };
    return this.page(sql, source, settings, request.sort, request);
  }

  async allFlowRows(request: FlowDrillDownFilter): Promise<DrillDownRow[]> {
    const sql = this.sqlProvider.get();
    const settings = await this.hospital.current();
    const source = this.flowSource(sql, request, settings);
    return source ? capped(await this.select(sql, source, settings, request.sort, EXPORT_PAGE)) : [];
  }

  private seriesSource(sql: IndicatorSql, name: IndicatorName, request: DrillDownFilter, settings: HospitalSettings): RowSource {
    const segment = request.segment ?? 'all';
    if (!(DRILL_DOWN_SEGMENTS[name] as readonly string[]).includes(segment)) {
      throw new BadRequestException({
        message: [`segment must be one of: ${DRILL_DOWN_SEGMENTS[name].join(', ')}`],
        code: ERROR_CODES.validation,
        params: { fields: ['segment'] },
      });
    }
    return this.source(sql, name, segment, this.narrowed(request), templateOf(name, request), settings);
  }

  private flowSource(sql: IndicatorSql, request: FlowDrillDownFilter, settings: HospitalSettings): RowSource | null {
    const scope = this.indicators.scopeOf(request);
    if (request.toStage === 'lapsed') {
      const cohort = this.lapsedCohortSource(sql, scope, 'lapsed', settings.returnGraceDays);
      if (!cohort) return null;
      return { ...cohort, where: 'p.stage = :fromStage', params: { ...cohort.params, fromStage: request.fromStage } };
    }
    const department = scope.departmentId === null ? '' : 'AND p.last_department_id = :departmentId';
    return {
      from: `stage_transition t ${PATIENT_AND_DEPARTMENT('t.patient_id', 'p.last_department_id')}`,
      where: `t.at >= :start AND t.at < :end AND t.from_stage = :fromStage AND t.to_stage = :toStage ${department}`,
      on: sql.localDay('t.at'),
      value: 'NULL',
      ref: 't.id',
      params: { ...scope, ...instantBounds(scope, this.config.timeZone), fromStage: request.fromStage, toStage: request.toStage },
    };
  }

  private narrowed(request: DrillDownFilter): IndicatorScope {
    const scope = this.indicators.scopeOf(request);
    if (request.key === undefined) return scope;
    return narrowToKey(scope, request.groupBy ?? 'month', request.key);
  }

  private source(
    sql: IndicatorSql,
    name: IndicatorName,
    segment: DrillDownSegment,
    scope: IndicatorScope,
    templateId: number | null,
    settings: HospitalSettings,
  ): RowSource {
    const inDepartment = (column: string) => (scope.departmentId === null ? '' : `AND ${column} = :departmentId`);
    switch (name) {
      case 'wait-time':
        return {
          from: `encounter e ${PATIENT_AND_DEPARTMENT('e.patient_id', 'e.department_id')}`,
          where: `e.checked_in_on BETWEEN :from AND :to AND e.wait_seconds IS NOT NULL ${inDepartment('e.department_id')}
                  ${segment === 'over_threshold' ? 'AND e.wait_seconds > :threshold' : ''}`,
          on: 'e.checked_in_on',
          value: 'e.wait_seconds',
          ref: 'e.id',
          params: { ...scope, threshold: settings.waitThresholdMinutes * 60 },
          toValue: (row) => round1(num(row['val']) / 60),
        };
      case 'satisfaction':
        return {
          from: `survey_response r ${RESPONDENT_AND_DEPARTMENT('r.patient_id', 'r.department_id')}`,
          where: `r.submitted_on BETWEEN :from AND :to ${inDepartment('r.department_id')} ${SATISFACTION_SEGMENTS[segment] ?? ''}
                  ${templateId === null ? '' : inTemplate('r')}`,
          on: 'r.submitted_on',
          value: 'r.nps',
          ref: 'r.id',
          params: { ...scope, templateId },
        };
      case 'churn':
        return this.lapsedCohortSource(sql, scope, segment, settings.returnGraceDays) ?? EMPTY_SOURCE;
      case 'follow-up':
        return {
          from: `callback c ${PATIENT_AND_DEPARTMENT('c.patient_id', 'c.department_id')}`,
          where: `${followUpConditions(scope)} ${FOLLOW_UP_SEGMENTS[segment] ?? ''}`,
          on: sql.localDay('c.due_at'),
          value: sql.secondsBetween('c.due_at', 'c.completed_at'),
          ref: 'c.id',
          params: { ...scope, ...instantBounds(scope, this.config.timeZone), now: new Date() },
          toValue: (row) => (row['val'] === null ? null : round1(num(row['val']) / 3600)),
        };
    }
  }

  /** Churn rows: one per cohort patient (their latest expectation), value = days late (to return, or to today). */
  private lapsedCohortSource(sql: IndicatorSql, scope: IndicatorScope, segment: string, graceDays: number): RowSource | null {
    const today = this.indicators.today();
    const window = cohortWindow(scope, graceDays, today);
    if (!window) return null;
    const lapsedCount = 'SUM(CASE WHEN e.returned_on IS NULL THEN 1 ELSE 0 END)';
    const having = segment === 'lapsed' ? `HAVING ${lapsedCount} > 0` : segment === 'retained' ? `HAVING ${lapsedCount} = 0` : '';
    return {
      from: `(SELECT e.patient_id, MAX(e.id) AS ref_id FROM encounter e WHERE ${cohortConditions(scope)} GROUP BY e.patient_id ${having}) x
             JOIN encounter x_e ON x_e.id = x.ref_id ${PATIENT_AND_DEPARTMENT('x.patient_id', 'x_e.department_id')}`,
      where: '1 = 1',
      on: sql.plusDays('x_e.next_visit_due', graceDays),
      value: 'x_e.next_visit_due',
      ref: 'x.ref_id',
      params: { ...scope, ...window },
      toValue: (row) => daysBetween(String(row['val']), today),
      valueDescends: true,
    };
  }

  private async page(
    sql: IndicatorSql,
    source: RowSource,
    settings: HospitalSettings,
    sort: DrillDownSort | undefined,
    request: PageRequest,
  ): Promise<Page<DrillDownRow>> {
    const [count] = await sql.query<Record<string, unknown>>(`SELECT COUNT(*) AS n FROM ${source.from} WHERE ${source.where}`, paramsOf(source, settings));
    const items = await this.select(sql, source, settings, sort, request);
    return { items, total: num(count?.['n']), page: request.page, pageSize: request.pageSize };
  }

  /** The rows of a source in the requested order, one page of them. */
  private async select(
    sql: IndicatorSql,
    source: RowSource,
    settings: HospitalSettings,
    sort: DrillDownSort | undefined,
    request: PageRequest,
  ): Promise<DrillDownRow[]> {
    const paging = { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT p.id AS patient_id, p.name AS patient_name, p.phone AS phone, p.stage AS stage,
              CASE WHEN p.id IS NULL THEN NULL ELSE ${statusExpression('p')} END AS status,
              d.id AS department_id, d.name AS department_name, ${source.on} AS on_day, ${source.value} AS val, ${source.ref} AS ref_id
         FROM ${source.from}
        WHERE ${source.where}
        ORDER BY ${orderBy(source, sort ?? DEFAULT_DRILL_DOWN_SORT)}
        LIMIT :limit OFFSET :offset`,
      { ...paramsOf(source, settings), ...paging },
    );
    const toValue = source.toValue ?? ((row: Record<string, unknown>) => (row['val'] === null ? null : num(row['val'])));
    return rows.map((row) => ({
      patientId: row['patient_id'] === null ? null : num(row['patient_id']),
      patientName: (row['patient_name'] as string | null) ?? '',
      phoneMasked: row['phone'] === null ? '' : maskPhone(String(row['phone'])),
      departmentId: row['department_id'] === null ? null : num(row['department_id']),
      departmentName: (row['department_name'] as string | null) ?? null,
      on: String(row['on_day']),
      value: toValue(row),
      refId: num(row['ref_id']),
      stage: row['stage'] as LifecycleStage | null,
      status: row['status'] as RelationshipStatus | null,
    }));
  }
}

/** An export reads one row past the cap: enough to tell that the file would be too large. */
const EXPORT_PAGE: PageRequest = { page: 1, pageSize: DRILL_DOWN_EXPORT_MAX_ROWS + 1 };

function capped(rows: DrillDownRow[]): DrillDownRow[] {
  if (rows.length <= DRILL_DOWN_EXPORT_MAX_ROWS) return rows;
  throw new BadRequestException({
    message: `the export would hold more than ${DRILL_DOWN_EXPORT_MAX_ROWS} rows; narrow the period or the segment`,
    code: ERROR_CODES.indicatorExportTooLarge,
    params: { max: DRILL_DOWN_EXPORT_MAX_ROWS },
  });
}

/** The source's parameters and the status clock (today, grace days) its status column needs. */
function paramsOf(source: RowSource, settings: HospitalSettings): object {
  return { ...source.params, ...statusClock(settings.timeZone, settings.returnGraceDays) };
}

/**
 * ORDER BY for a sort: the column (no data last, either way, on both databases), then the newest
 * row first, so that equal values keep one order from page to page. Expressions, not aliases:
 * PostgreSQL accepts an alias only on its own.
 */
function orderBy(source: RowSource, sort: DrillDownSort): string {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as DrillDownSortKey;
  const columns: Record<DrillDownSortKey, string> = {
    on: source.on,
    value: source.value,
    patient: 'p.name',
    department: 'd.name',
    stage: inOrderOf('p.stage', LIFECYCLE_STAGES),
    status: inOrderOf(statusExpression('p'), RELATIONSHIP_STATUSES),
  };
  const column = columns[key];
  const direction = descending !== (key === 'value' && source.valueDescends === true) ? 'DESC' : 'ASC';
  const tieBreak = `${source.on} DESC, ${source.ref} DESC`;
  // A source without values (a flow link) orders by its tie-break alone: PostgreSQL refuses ORDER BY NULL.
  if (column === 'NULL') return tieBreak;
  return `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, ${column} ${direction}, ${tieBreak}`;
}

const SATISFACTION_SEGMENTS: Partial<Record<DrillDownSegment, string>> = {
  promoters: `AND ${npsPromoterSql('r.nps')}`,
  passives: `AND ${npsPassiveSql('r.nps')}`,
  detractors: `AND ${npsDetractorSql('r.nps')}`,
  csat_low: `AND ${lowRatingSql('r.csat')}`,
};

const FOLLOW_UP_SEGMENTS: Partial<Record<DrillDownSegment, string>> = {
  completed: "AND c.status = 'completed'",
  reached: "AND c.status = 'completed' AND c.outcome = 'reached'",
  failed: "AND c.status = 'failed'",
  open: "AND c.status IN ('pending', 'claimed')",
  service_recovery: "AND c.kind = 'service_recovery'",
};

const EMPTY_SOURCE: RowSource = { from: 'patient p LEFT JOIN department d ON 1 = 0', where: '1 = 0', on: 'NULL', value: 'NULL', ref: 'p.id', params: {} };

