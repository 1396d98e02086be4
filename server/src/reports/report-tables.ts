import type { AssessmentReport, ExportLanguage } from '@huifang/shared';
import {
  FINDING_LABELS,
  FLOW_TARGET_LABELS,
  FOLLOW_UP_LABELS,
  HEADLINE_LABELS,
  PHASE_LABELS,
  REPORT_WORDS as W,
  WAIT_BAND_LABELS,
  STATUS_LABELS,
  dimensionLabel,
  findingText,
  indicatorLabel,
  verdictText,
} from './report-labels';

export type Cell = string | number | null;

/** One section of the report as a table: the Excel sheet and the PDF's table read the same. */
export interface ReportTable {
  key: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** Set when the month has no data for the section: shown instead of the table, never zeros. */
  noData?: string;
}

/** The report's sections as tables, in the reader's language. */
export function reportTables(report: AssessmentReport, lang: ExportLanguage): ReportTable[] {
  const w = (key: keyof typeof W) => W[key][lang];
  const noData = w('noData');
  const table = (key: string, title: string, header: string[], rows: Cell[][] | null): ReportTable =>
    rows === null || rows.length === 0 ? { key, title, header, rows: [], noData } : { key, title, header, rows };
  const met = (m: boolean | null | undefined) => (m === true ? w('met') : m === false ? w('notMet') : null);
  const tables: ReportTable[] = [
    table(
      'headlines',
      w('headlines'),
      [w('indicator'), w('value'), w('n'), w('previousMonth'), w('n'), w('lastYear'), w('n'), w('change'), w('changeLastYear'), w('target'), w('met')],
      report.headlines
        .filter((h) => h.n > 0 || h.previousMonth.n > 0 || h.lastYear.n > 0)
        .map((h) => [
          HEADLINE_LABELS[h.name][lang],
          h.value,
          h.n,
          h.previousMonth.value,
          h.previousMonth.n,
          h.lastYear.value,
          h.lastYear.n,
          h.changeFromPreviousMonth,
          h.changeFromLastYear,
          h.target ? `${h.target.comparator === 'at_most' ? '≤' : '≥'} ${h.target.value}` : null,
          met(h.target?.met),
        ]),
    ),
    table(
      'wait',
      w('waitDistribution'),
      [w('band'), w('visits'), w('share')],
      report.waitDistribution && report.waitDistribution.bands.map((b) => [WAIT_BAND_LABELS[b.band][lang], b.n, b.share]),
    ),
    table(
      'satisfaction',
      w('satisfaction'),
      [w('dimension'), w('top2'), w('meanRating'), w('n')],
      report.satisfaction && [
        ['NPS', report.satisfaction.nps.value, null, report.satisfaction.nps.n],
        ['CSAT', report.satisfaction.csat.value, report.satisfaction.csat.mean, report.satisfaction.csat.n],
        ...report.satisfaction.dimensions.map((d): Cell[] => [dimensionLabel(d.dimension, lang), d.value, d.mean, d.n]),
      ],
    ),
    table(
      'churn',
      w('churn'),
      [w('cohort'), w('lapsed'), w('retained'), HEADLINE_LABELS.churnRate[lang]],
      report.churn && [[report.churn.cohort, report.churn.lapsed, report.churn.retained, report.churn.churnRate]],
    ),
    table(
      'followUp',
      w('followUp'),
      [w('indicator'), w('value')],
      report.followUp && Object.entries(FOLLOW_UP_LABELS).map(([key, words]): Cell[] => [words[lang], (report.followUp as unknown as Record<string, Cell>)[key] ?? null]),
    ),
    table(
      'flow',
      w('flow'),
      [w('from'), w('to'), w('patients')],
      report.lifecycleFlow && report.lifecycleFlow.map((l) => [FLOW_TARGET_LABELS[l.from][lang], FLOW_TARGET_LABELS[l.to][lang], l.n]),
    ),
    table(
      'themes',
      `${w('themes')}${report.detractorThemes ? ` (n = ${report.detractorThemes.comments})` : ''}`,
      [w('theme'), w('comments'), w('share')],
      report.detractorThemes && report.detractorThemes.themes.map((t) => [lang === 'zh' ? t.nameZh : t.nameEn, t.n, t.share]),
    ),
    table(
      'relationship',
      w('relationship'),
      [w('phase'), w('atMonthEnd'), w('entered')],
      report.relationship && [
        ...report.relationship.phasesAtEnd.map((p): Cell[] => [PHASE_LABELS[p.phase][lang], p.n, report.relationship?.entered.find((e) => e.to === p.phase)?.n ?? 0]),
        [
          `${w('equity')}${report.relationship.clvUnit === 'visits' ? ` (${w('equityVisits')})` : ' (CNY)'}`,
          report.relationship.customerEquity,
          null,
        ],
      ],
    ),
  ];
  tables.push(
    table(
      'actions',
      w('actions'),
      [w('action'), w('department'), w('indicator'), w('owner'), w('status'), w('start'), w('verdict'), w('change'), 'p'],
      (report.actions ?? []).map((a) => [
        a.title,
        a.departmentName ?? w('hospital'),
        indicatorLabel(a.indicator, lang, a.themeName),
        a.ownerName,
        STATUS_LABELS[a.status][lang],
        a.startDate,
        verdictText(a.verdict, a.pValue, lang),
        a.change,
        a.pValue,
      ]),
    ),
  );
  tables.push({
    key: 'findings',
    title: w('findings'),
    header: [w('finding'), ''],
    rows: report.findings.length ? report.findings.map((f) => [FINDING_LABELS[f.kind][lang], findingText(f, lang)]) : [[w('none'), '']],
  });
  return tables;
}
