import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ERROR_CODES,
  INDICATOR_NAMES,
  type DrillDownRow,
  type DriversAnswer,
  type IndicatorName,
  type IndicatorSeries,
  type IndicatorSummary,
  type LifecycleFlow,
  type LiveBoard,
  type OutreachIndicator,
  type Page,
  type PatientSummary,
  type RelationshipIndicator,
  type ThemeTrend,
} from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { DrillDownService } from './drill-down.service';
import {
  DrillDownFilterDto,
  DrillDownQueryDto,
  DriversQueryDto,
  FlowDrillDownCsvQueryDto,
  FlowDrillDownQueryDto,
  IndicatorQueryDto,
  OutreachRatesQueryDto,
  SeriesQueryDto,
  ThemeTrendQueryDto,
} from './dto/indicator-query.dto';
import { DriversService } from './drivers.service';
import { drillDownToCsv, seriesToCsv } from './indicator-csv';
import { IndicatorsService } from './indicators.service';
import { LiveBoardService } from './live-board.service';
import { OutreachRatesService } from './outreach-rates.service';
import { ThemeTrendService } from './theme-trend.service';
import { RelationshipPatientsQueryDto, RelationshipQueryDto } from '../relationship/dto/relationship-query.dto';
import { RelationshipIndicatorService, type RelationshipCell } from '../relationship/relationship-indicator.service';

const SERIES_FILES = [...INDICATOR_NAMES, ...INDICATOR_NAMES.map((name) => `${name}.csv`)];

/** Indicators for quality managers (API.md); the front desk's live board is the one exception. */
@ApiTags('indicators')
@ApiBearerAuth()
@Roles('quality_manager', 'admin')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly drillDown: DrillDownService,
    private readonly liveBoard: LiveBoardService,
    private readonly driversService: DriversService,
    private readonly audit: AuditService,
    private readonly themeTrend: ThemeTrendService,
    private readonly relationshipView: RelationshipIndicatorService,
    private readonly outreach: OutreachRatesService,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Headline wait, satisfaction, churn and follow-up figures, with the previous period of equal length' })
  summary(@Query() query: IndicatorQueryDto): Promise<IndicatorSummary> {
    return this.indicators.summary(query);
  }

  @Get('lifecycle-flow')
  @ApiOperation({ summary: 'Stage transitions in the period and lapses from each stage' })
  flow(@Query() query: IndicatorQueryDto): Promise<LifecycleFlow> {
    return this.indicators.flow(query);
  }

  @Get('lifecycle-flow/patients')
  @ApiOperation({ summary: 'The patients behind one link of the lifecycle flow (audited)' })
  async flowPatients(@Query() query: FlowDrillDownQueryDto, @Audit() context: AuditContext): Promise<Page<DrillDownRow>> {
    const page = await this.drillDown.flowRows(query);
    await this.audit.recordPatients(context, { action: 'indicators.drill_down', entityType: 'indicator', entityId: null }, patientIdsOf(page.items));
    return page;
  }

  @Get('lifecycle-flow/patients.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every patient behind one link of the lifecycle flow as CSV, headers in `lang` (audited per patient)' })
  async flowPatientsCsv(
    @Query() query: FlowDrillDownCsvQueryDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rows = await this.drillDown.allFlowRows(query);
    await this.recordExport(context, rows);
    csvAttachment(reply, `lifecycle-flow-${query.fromStage}-${query.toStage}`, this.indicators.scopeOf(query));
    return drillDownToCsv(rows, 'flow', query.lang ?? 'zh');
  }

  @Get('drivers')
  @ApiOperation({
    summary:
      'Drivers of dissatisfaction: theme shares among detractors vs promoters (difference with its Newcombe 95% CI), each rating dimension\'s Spearman rho with the NPS answer against its score (key-driver quadrant), NPS and CSAT by wait band; every figure with n',
  })
  drivers(@Query() query: DriversQueryDto): Promise<DriversAnswer> {
    return this.driversService.drivers(this.indicators.scopeOf(query));
  }

  @Get('outreach')
  @ApiOperation({
    summary:
      'Outreach per channel over the messages created in the period: created (suppressed excluded), sent, delivered, failed, suppressed; delivery rate (delivered ÷ sent, null without receipts) and survey response rate (answered invitations ÷ invitations sent), each with n',
  })
  outreachRates(@Query() query: OutreachRatesQueryDto): Promise<OutreachIndicator> {
    return this.outreach.rates(query);
  }

  @Get('themes')
  @ApiOperation({ summary: 'Comment themes: per week or month the comments (n) and each theme\'s count and share; the range\'s totals and its detractors\' themes' })
  themes(@Query() query: ThemeTrendQueryDto): Promise<ThemeTrend> {
    return this.themeTrend.trend(query);
  }

  @Get('relationship')
  @ApiOperation({
    summary:
      'Relationship axis: patients per phase × value tier now, customer equity, high-value patients in decline, each month’s migration between phases, the equity trend, the phases’ retention with n',
  })
  relationship(@Query() query: RelationshipQueryDto): Promise<RelationshipIndicator> {
    return this.relationshipView.view(this.indicators.scopeOf(query));
  }

  @Get('relationship.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The relationship view as CSV: counts now, the months’ migration, the equity trend (UTF-8 with BOM)' })
  async relationshipCsv(@Query() query: RelationshipQueryDto, @Audit() context: AuditContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const scope = this.indicators.scopeOf(query);
    await this.audit.record(context, { action: 'indicators.export', entityType: 'indicator', entityId: null });
    csvAttachment(reply, 'relationship', scope);
    return this.relationshipView.csv(scope);
  }

  @Get('relationship/patients')
  @ApiOperation({ summary: 'The patients behind one cell of the relationship view: a phase × tier now, or a month’s migration from → to; most valuable first (audited)' })
  async relationshipPatients(@Query() query: RelationshipPatientsQueryDto, @Audit() context: AuditContext): Promise<Page<PatientSummary>> {
    const cell: RelationshipCell =
      query.month !== undefined && query.toPhase !== undefined
        ? { kind: 'migration', month: query.month, fromPhase: query.fromPhase === 'new' || query.fromPhase === undefined ? null : query.fromPhase, toPhase: query.toPhase }
        : { kind: 'current', phase: query.phase, valueTier: query.valueTier };
    const page = await this.relationshipView.patients(query.departmentId ?? null, cell, query.page, query.pageSize);
    await this.audit.recordPatients(context, { action: 'indicators.drill_down', entityType: 'indicator', entityId: null }, page.items.map((p) => p.id));
    return page;
  }

  @Get('live')
  @Roles('front_desk', 'quality_manager', 'admin')
  @ApiOperation({ summary: "Today's waiting patients, median wait so far per department, callbacks due today" })
  live(): Promise<LiveBoard> {
    return this.liveBoard.board();
  }

  @Get(':name/patients')
  @ApiParam({ name: 'name', enum: INDICATOR_NAMES })
  @ApiOperation({ summary: 'Drill-down: the patients behind a figure, one point and segment, paginated (audited)' })
  async patients(@Param('name') name: string, @Query() query: DrillDownQueryDto, @Audit() context: AuditContext): Promise<Page<DrillDownRow>> {
    const page = await this.drillDown.rows(indicatorName(name), query);
    await this.audit.recordPatients(context, { action: 'indicators.drill_down', entityType: 'indicator', entityId: null }, patientIdsOf(page.items));
    return page;
  }

  @Get(':name/patients.csv')
  @ApiParam({ name: 'name', enum: INDICATOR_NAMES })
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every row behind a figure (one point and segment, not one page) as CSV, headers in `lang` (audited per patient)' })
  async patientsCsv(
    @Param('name') name: string,
    @Query() query: DrillDownFilterDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const indicator = indicatorName(name);
    const rows = await this.drillDown.allRows(indicator, query);
    await this.recordExport(context, rows);
    const narrowed = [indicator, query.segment ?? 'all', ...(query.key === undefined ? [] : [query.key])].join('-');
    csvAttachment(reply, narrowed, this.indicators.scopeOf(query));
    return drillDownToCsv(rows, indicator, query.lang ?? 'zh');
  }

  @Get(':name')
  @ApiParam({ name: 'name', enum: SERIES_FILES, description: 'An indicator; with `.csv` the same series as CSV (UTF-8 with BOM)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'A series with n on every point, grouped by day, week, month or department' })
  async series(
    @Param('name') file: string,
    @Query() query: SeriesQueryDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IndicatorSeries | string> {
    const csv = file.endsWith('.csv');
    const name = indicatorName(csv ? file.slice(0, -'.csv'.length) : file);
    const series = await this.indicators.series(name, query);
    if (!csv) return series;
    await this.audit.record(context, { action: 'indicators.export', entityType: 'indicator', entityId: null });
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}${series.templateId === null ? '' : `-template-${series.templateId}`}_${series.from}_${series.to}.csv"`);
    return seriesToCsv(series, await this.indicators.departmentNames(), query.lang ?? 'zh');
  }

  /** An export of patient rows is recorded against each patient in it. */
  private recordExport(context: AuditContext, rows: readonly DrillDownRow[]): Promise<void> {
    return this.audit.recordPatients(context, { action: 'indicators.export', entityType: 'indicator', entityId: null }, patientIdsOf(rows));
  }
}

/** The patients of drill-down rows (imported anonymous feedback has none). */
function patientIdsOf(rows: readonly DrillDownRow[]): number[] {
  return rows.flatMap((row) => (row.patientId === null ? [] : [row.patientId]));
}

function csvAttachment(reply: FastifyReply, what: string, period: { from: string; to: string }): void {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${what}_${period.from}_${period.to}.csv"`);
}

function indicatorName(name: string): IndicatorName {
  if ((INDICATOR_NAMES as readonly string[]).includes(name)) return name as IndicatorName;
  throw new NotFoundException({
    message: `no indicator named ${name.slice(0, 40)}; known: ${INDICATOR_NAMES.join(', ')}`,
    code: ERROR_CODES.indicatorNotFound,
  });
}
