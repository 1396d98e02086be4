import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  FUNNEL_HEADLINES,
  HEADLINE_INDICATORS,
  HEADLINE_NAMES,
  headlineDirection,
  isTargetMet,
  monthBounds,
  parseIndicatorKey,
  targetFor,
  shiftMonth,
  type AssessmentReport,
  type CalendarDay,
  type HeadlineName,
  type IndicatorTarget,
  type ReportAction,
  type ReportHeadline,
} from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { driverCounts } from '../indicators/drivers.query';
import { churnByGroup } from '../indicators/churn.query';
import { followUpByGroup } from '../indicators/follow-up.query';
import { round1, type IndicatorScope } from '../indicators/indicator-scope';
import { IndicatorSqlProvider } from '../indicators/indicator-sql.provider';
import { headlinesOf, IndicatorsService, type HeadlineFigure } from '../indicators/indicators.service';
import { lifecycleFlow } from '../indicators/lifecycle-flow.query';
import { RollupsService } from '../indicators/rollups/rollups.service';
import { satisfactionByGroup } from '../indicators/satisfaction.query';
import { waitBandCounts } from '../indicators/wait-distribution.query';
import { waitTimeByGroup } from '../indicators/wait-time.query';
import { ImprovementActionsService } from '../improvement/actions/improvement-actions.service';
import { IndicatorTargetsService } from '../improvement/targets/indicator-targets.service';
import { RelationshipIndicatorService } from '../relationship/relationship-indicator.service';
import { CommentThemeEntity } from '../surveys/themes/comment-theme.entity';
import { findingsOf, type FunnelInput } from './report-findings';
import { churnSection, detractorThemesSection, flowSection, followUpSection, relationshipSection, satisfactionSection, waitSection } from './report-sections';
import type { ReportDepartment } from './report-request';

/** What the report's figures are, before it is stamped (generated at / by, stored). */
export type ReportFigures = Omit<AssessmentReport, 'generatedAt' | 'generatedBy' | 'stored'>;

/**
 * Assembles one month's report from the indicator queries (server/src/indicators) and the relationship
 * view (server/src/relationship): every definition lives there. Figures are computed afresh, never
 * from the dashboard's one-minute cache, because a report is frozen when stored.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
    private readonly rollups: RollupsService,
    private readonly relationship: RelationshipIndicatorService,
    private readonly actions: ImprovementActionsService,
    private readonly targets: IndicatorTargetsService,
    private readonly dataSource: DataSource,
  ) {}

  async build(month: string, department: ReportDepartment | null, today: CalendarDay, allDepartments: readonly ReportDepartment[]): Promise<ReportFigures> {
    const settings = await this.hospital.current();
    const bounds = monthBounds(month);
    const provisional = bounds.to >= today;
    const scope: IndicatorScope = { from: bounds.from, to: provisional ? today : bounds.to, departmentId: department?.id ?? null };
    const previousMonth = shiftMonth(month, -1);
    const lastYearMonth = shiftMonth(month, -12);
    const sql = this.sqlProvider.get();
    const zone = this.config.timeZone;
    const waits = await waitTimeByGroup(sql, scope, 'all', settings.waitThresholdMinutes);
    const satisfactions = await satisfactionByGroup(sql, scope, 'all', zone, true);
    const churns = await churnByGroup(sql, scope, 'all', settings.returnGraceDays, today);
    const followUps = await followUpByGroup(sql, scope, 'all', zone, { rollupBuilt: this.rollups.built });
    // The month's headlines from the same points as its sections (churn's cohort is read once).
    const current = headlinesOf('all', waits, satisfactions, churns, followUps);
    const headlines = await this.headlines(current, scope.departmentId, previousMonth, lastYearMonth, await this.targets.list());
    const [wait, satisfaction, churn, followUp] = [waits.get('all'), satisfactions.get('all'), churns.get('all'), followUps.get('all')];
    const relationshipView = await this.relationship.view(scope);
    return {
      month,
      from: scope.from,
      to: scope.to,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      departmentNameEn: department?.nameEn ?? null,
      provisional,
      settings: { timeZone: zone, waitThresholdMinutes: settings.waitThresholdMinutes, returnGraceDays: settings.returnGraceDays },
      previousMonth,
      lastYearMonth,
      headlines,
      waitDistribution: waitSection(wait, await waitBandCounts(sql, scope)),
      satisfaction: satisfactionSection(satisfaction),
      churn: churnSection(churn),
      followUp: followUpSection(followUp),
      lifecycleFlow: flowSection(await lifecycleFlow(sql, scope, zone, settings.returnGraceDays, today)),
      detractorThemes: detractorThemesSection(scope, await driverCounts(sql, scope)),
      relationship: relationshipSection(relationshipView, month),
      actions: await this.actionsOf(month, scope.departmentId),
      findings: findingsOf(headlines, await this.funnel(scope, allDepartments), scope.departmentId),
    };
  }

  /** The actions under way in the month, each with its verdict today (improvement/). */
  private async actionsOf(month: string, departmentId: number | null): Promise<ReportAction[]> {
    const summaries = await this.actions.forMonth(month, departmentId);
    const themeNames = await this.themeNames(summaries.map((a) => parseIndicatorKey(a.indicator)).flatMap((k) => (k?.base === 'theme_share' && k.param ? [k.param] : [])));
    return summaries.map(({ id, title, departmentId: department, departmentName, indicator, status, startDate, endDate, ownerName, verdict, change, pValue }) => {
      const theme = parseIndicatorKey(indicator);
      return {
        id,
        title,
        departmentId: department,
        departmentName,
        indicator,
        ...(theme?.base === 'theme_share' && { themeName: themeNames.get(theme.param ?? '') ?? null }),
        status,
        startDate,
        endDate,
        ownerName,
        verdict,
        change,
        pValue,
      };
    });
  }

  /** The themes' names as the hospital calls them now (stored with the report, which is frozen). */
  private async themeNames(keys: string[]): Promise<Map<string, { zh: string; en: string }>> {
    if (keys.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(CommentThemeEntity).find({ where: { key: In(keys) } });
    return new Map(rows.map((row) => [row.key, { zh: row.nameZh, en: row.nameEn }]));
  }

  /**
   * The month's headlines beside last month's and the same month a year earlier (whole months), and
   * whether each meets the target that applies to it (the department's own, else the hospital's).
   */
  private async headlines(
    current: Record<HeadlineName, HeadlineFigure>,
    departmentId: number | null,
    previousMonth: string,
    lastYearMonth: string,
    targets: readonly IndicatorTarget[],
  ): Promise<ReportHeadline[]> {
    const previous = await this.indicators.headlineFigures({ ...monthBounds(previousMonth), departmentId });
    const lastYear = await this.indicators.headlineFigures({ ...monthBounds(lastYearMonth), departmentId });
    return HEADLINE_NAMES.map((name) => ({
      name,
      indicator: HEADLINE_INDICATORS[name],
      betterDirection: headlineDirection(name),
      value: current[name].value,
      n: current[name].n,
      previousMonth: previous[name],
      lastYear: lastYear[name],
      changeFromPreviousMonth: change(current[name], previous[name]),
      changeFromLastYear: change(current[name], lastYear[name]),
      target: targetCheck(targets, HEADLINE_INDICATORS[name], departmentId, current[name].value),
    }));
  }

  /** The hospital's and each department's share headlines, for the funnel limits. */
  private async funnel(scope: IndicatorScope, departments: readonly ReportDepartment[]): Promise<FunnelInput> {
    const hospital = await this.indicators.headlineFigures({ ...scope, departmentId: null });
    const byDepartment = await this.indicators.headlineFiguresByDepartment({ ...scope, departmentId: null });
    const input: FunnelInput = {};
    for (const name of FUNNEL_HEADLINES as HeadlineName[]) {
      input[name] = {
        hospital: hospital[name],
        departments: departments.flatMap((d) => {
          const figure = byDepartment.get(String(d.id))?.[name];
          return figure ? [{ departmentId: d.id, departmentName: d.name, ...figure }] : [];
        }),
      };
    }
    return input;
  }
}

function targetCheck(targets: readonly IndicatorTarget[], indicator: string | null, departmentId: number | null, value: number | null): ReportHeadline['target'] {
  const target = indicator === null ? undefined : targetFor(targets, indicator as IndicatorTarget['indicator'], departmentId);
  return target ? { comparator: target.comparator, value: target.value, met: isTargetMet(target, value) } : null;
}

function change(current: HeadlineFigure, previous: HeadlineFigure): number | null {
  return current.value === null || previous.value === null ? null : round1(current.value - previous.value);
}
