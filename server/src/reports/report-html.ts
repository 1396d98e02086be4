import type { AssessmentReport, ExportLanguage } from '@huifang/shared';
import { HEADLINE_LABELS, PHASE_LABELS, REPORT_WORDS, WAIT_BAND_LABELS, dimensionLabel } from './report-labels';
import { barChart, escapeHtml, type Bar } from './report-svg';
import { reportTables, type ReportTable } from './report-tables';
import { coverLines } from './report-xlsx';

/**
 * The report as one self-contained HTML page for printing (report-pdf.ts): A4, each section on its
 * own page, charts as inline SVG, a CJK font first in the list so that 内科 prints (Debian:
 * fonts-wqy-zenhei).
 */
export function reportHtml(report: AssessmentReport, lang: ExportLanguage): string {
  const tables = reportTables(report, lang);
  const charts = chartsOf(report, lang);
  const title = `${REPORT_WORDS.title[lang]} · ${report.month} · ${coverLines(report, lang)[2][1]}`;
  const sections = tables.map((table) => section(table, charts[table.key]));
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style></head>
<body>
<header class="cover"><h1>${escapeHtml(REPORT_WORDS.title[lang])}</h1>
<table class="meta">${coverLines(report, lang)
    .slice(1)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('')}</table></header>
${sections.join('\n')}
</body></html>`;
}

function section(table: ReportTable, chart: string | undefined): string {
  const body = table.noData
    ? `<p class="no-data">${escapeHtml(table.noData)}</p>`
    : `${chart ?? ''}<table><thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${cell === null ? '—' : escapeHtml(String(cell))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  return `<section class="section" id="${table.key}"><h2>${escapeHtml(table.title)}</h2>${body}</section>`;
}

/** The sections that get a chart above their table. */
function chartsOf(report: AssessmentReport, lang: ExportLanguage): Record<string, string> {
  const charts: Record<string, string> = {};
  if (report.waitDistribution) {
    charts['wait'] = barChart(
      report.waitDistribution.bands.map((b): Bar => ({ label: WAIT_BAND_LABELS[b.band][lang], value: b.share, note: `n = ${b.n}` })),
      { max: 100, unit: '%' },
    );
  }
  if (report.satisfaction) {
    charts['satisfaction'] = barChart(
      [
        { label: 'CSAT', value: report.satisfaction.csat.value, note: `n = ${report.satisfaction.csat.n}` },
        ...report.satisfaction.dimensions.map((d): Bar => ({ label: dimensionLabel(d.dimension, lang), value: d.value, note: `n = ${d.n}` })),
      ],
      { max: 100, unit: '%' },
    );
  }
  if (report.detractorThemes) {
    charts['themes'] = barChart(report.detractorThemes.themes.map((t) => ({ label: lang === 'zh' ? t.nameZh : t.nameEn, value: t.share, note: `n = ${t.n}` })), { max: 100, unit: '%' });
  }
  if (report.relationship) {
    charts['relationship'] = barChart(report.relationship.phasesAtEnd.map((p) => ({ label: PHASE_LABELS[p.phase][lang], value: p.n })));
  }
  const compared = report.headlines.filter((h) => h.value !== null && h.previousMonth.value !== null && h.name !== 'waitMedian' && h.name !== 'waitP90');
  if (compared.length) {
    charts['headlines'] = barChart(
      compared.flatMap((h): Bar[] => [
        { label: `${HEADLINE_LABELS[h.name][lang]}`, value: h.value, note: `n = ${h.n}` },
        { label: REPORT_WORDS.previousMonth[lang], value: h.previousMonth.value, note: `n = ${h.previousMonth.n}` },
      ]),
      { max: 100 },
    );
  }
  return charts;
}

const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
html { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; color: #222; }
body { margin: 0; }
h1 { font-size: 20pt; margin: 0 0 8mm; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 2mm; margin: 0 0 4mm; }
.section { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin-top: 4mm; }
th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
tr { break-inside: avoid; }
.meta th { width: 40mm; background: #f6f6f6; }
.no-data { font-style: italic; color: #555; }
.chart { display: block; max-width: 100%; }
`;
