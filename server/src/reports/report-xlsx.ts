import * as ExcelJS from 'exceljs';
import type { AssessmentReport, ExportLanguage } from '@huifang/shared';
import { REPORT_WORDS } from './report-labels';
import { reportTables } from './report-tables';

/** The report as an Excel workbook: a cover sheet, then one sheet per section (exceljs). */
export async function reportWorkbook(report: AssessmentReport, lang: ExportLanguage): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(report.generatedAt);
  const cover = book.addWorksheet(lang === 'zh' ? '封面' : 'Cover');
  for (const [label, value] of coverLines(report, lang)) cover.addRow([label, value]);
  cover.getColumn(1).width = 24;
  cover.getColumn(2).width = 48;
  for (const table of reportTables(report, lang)) {
    const sheet = book.addWorksheet(sheetName(table.title));
    if (table.noData) {
      sheet.addRow([table.noData]);
      continue;
    }
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 14));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function coverLines(report: AssessmentReport, lang: ExportLanguage): [string, string][] {
  const w = (key: keyof typeof REPORT_WORDS) => REPORT_WORDS[key][lang];
  const department = report.departmentId === null ? w('hospital') : ((lang === 'zh' ? report.departmentName : report.departmentNameEn) ?? '');
  return [
    [w('title'), ''],
    [w('month'), report.month],
    [w('department'), department],
    [w('generatedAt'), report.generatedAt],
    [w('generatedBy'), report.generatedBy?.name ?? w('generatedBySchedule')],
    ...(report.provisional ? ([[w('provisional'), '']] as [string, string][]) : []),
  ];
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
