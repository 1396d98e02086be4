import {
  FULL_SHARE_PERCENT,
  indicatorKeyLabel,
  type AssessmentReport,
  type IndicatorKey,
  type ReportFinding,
  type ReportHeadline,
} from '@huifang/shared';
import { type Translate, formatChange, formatFigure } from '../dashboard/figure-format';
import { HEADLINE_SPECS } from '../dashboard/headline';
import type { Lang } from '../i18n/language';
import { type BarDrawing, barDrawings } from './report-bars';

/** The words and figures the page shows, worked out once per report and language. */
export interface HeadlineRow {
  name: ReportHeadline['name'];
  value: string | null;
  n: number;
  previous: string | null;
  previousN: number;
  lastYear: string | null;
  lastYearN: number;
  change: string | null;
  changeLastYear: string | null;
  /** `≤ 20 min` and whether it is met (null: no figure to judge). */
  target: { text: string; met: boolean | null } | null;
}

export interface ReportContext {
  lang: Lang;
  t: Translate;
}


export function headlineRows(report: AssessmentReport, { lang, t }: ReportContext): HeadlineRow[] {
  return report.headlines
    .filter((h) => h.n > 0 || h.previousMonth.n > 0 || h.lastYear.n > 0 || h.target !== null)
    .map((h) => {
      const unit = HEADLINE_SPECS[h.name].unit;
      const figure = (value: number | null) => (value === null ? null : formatFigure(value, unit, lang, t));
      const change = (value: number | null) => (value === null ? null : formatChange(value, unit, lang, t));
      return {
        name: h.name,
        value: figure(h.value),
        n: h.n,
        previous: figure(h.previousMonth.value),
        previousN: h.previousMonth.n,
        lastYear: figure(h.lastYear.value),
        lastYearN: h.lastYear.n,
        change: change(h.changeFromPreviousMonth),
        changeLastYear: change(h.changeFromLastYear),
        target: h.target ? { text: `${h.target.comparator === 'at_most' ? '≤' : '≥'} ${figure(h.target.value)}`, met: h.target.met } : null,
      };
    });
}

/** The wait bands' shares as bars (of 100 %). */
export function waitBars(report: AssessmentReport, { lang, t }: ReportContext): BarDrawing[] {
  const bands = report.waitDistribution?.bands ?? [];
  return barDrawings(
    bands.map((b) => ({
      label: t(`reports.bands.${b.band}`),
      value: b.share,
      text: b.share === null ? '—' : `${formatFigure(b.share, 'percent', lang, t)} (n = ${b.n})`,
    })),
    FULL_SHARE_PERCENT,
  );
}

/** CSAT and each dimension's top-2-box share as bars (of 100 %). */
export function satisfactionBars(report: AssessmentReport, { lang, t }: ReportContext): BarDrawing[] {
  const s = report.satisfaction;
  if (!s) return [];
  const rows = [
    { label: 'CSAT', value: s.csat.value, n: s.csat.n },
    ...s.dimensions.map((d) => ({ label: t(`dimensions.${d.dimension}`), value: d.value, n: d.n })),
  ];
  return barDrawings(
    rows.map((r) => ({ label: r.label, value: r.value, text: r.value === null ? '—' : `${formatFigure(r.value, 'percent', lang, t)} (n = ${r.n})` })),
    FULL_SHARE_PERCENT,
  );
}

export function themeBars(report: AssessmentReport, { lang, t }: ReportContext): BarDrawing[] {
  return barDrawings(
    (report.detractorThemes?.themes ?? []).map((theme) => ({
      label: lang === 'zh' ? theme.nameZh : theme.nameEn,
      value: theme.share,
      text: theme.share === null ? '—' : `${formatFigure(theme.share, 'percent', lang, t)} (n = ${theme.n})`,
    })),
    FULL_SHARE_PERCENT,
  );
}

export function phaseBars(report: AssessmentReport, { lang, t }: ReportContext): BarDrawing[] {
  return barDrawings(
    (report.relationship?.phasesAtEnd ?? []).map((p) => ({ label: t(`phases.${p.phase}`), value: p.n, text: formatFigure(p.n, 'count', lang, t) })),
  );
}

/** An indicator key's name in the UI language (the shared definition's label, then its dimension or theme). */
export function indicatorName(key: IndicatorKey, { lang, t }: ReportContext, themeName?: { zh: string; en: string } | null): string {
  return indicatorKeyLabel(key, lang, (base, param) => (base === 'dimension' ? t(`dimensions.${param}`) : (themeName?.[lang] ?? param)));
}

/** One finding in words, with its n. */
export function findingText(finding: ReportFinding, { lang, t }: ReportContext): string {
  const unit = HEADLINE_SPECS[finding.headline].unit;
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatFigure(value, unit, lang, t));
  const params = {
    indicator: t(`reports.headlines.${finding.headline}`),
    value: figure(finding.value),
    n: finding.n,
    change: finding.change === null || finding.change === undefined ? '—' : formatChange(finding.change, unit, lang, t),
    target: finding.target ? `${finding.target.comparator === 'at_most' ? '≤' : '≥'} ${figure(finding.target.value)}` : '',
    department: finding.departmentName ?? '',
    hospital: figure(finding.hospitalValue),
    limit: finding.limit ?? '',
    side: finding.side ? t(`reports.findings.sides.${finding.side}`) : '',
  };
  return t(`reports.findings.kinds.${finding.kind}`, params);
}

/** An action's verdict in words, with its p where the test gives one: "improved (p = 0.003)". */
export function verdictText(verdict: string, pValue: number | null, { t }: ReportContext): string {
  const words = t(`reports.verdicts.${verdict}`);
  if (pValue === null || (verdict !== 'improved' && verdict !== 'worse')) return words;
  return `${words} (p ${pValue < 0.001 ? '< 0.001' : `= ${pValue.toFixed(3)}`})`;
}
