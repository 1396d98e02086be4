import type { IndicatorGrouping, IndicatorName } from '@huifang/shared';

/**
 * `wait-time_2026-01-01_2026-03-31.csv`; a series by department says so (`wait-time-by-department_…`),
 * and one narrowed to a survey template names it (`satisfaction-template-4_…`).
 */
export function csvFileName(name: IndicatorName, groupBy: IndicatorGrouping, from: string, to: string, templateId?: number): string {
  const narrowed = templateId === undefined ? name : `${name}-template-${templateId}`;
  const what = groupBy === 'department' ? `${narrowed}-by-department` : narrowed;
  return `${what}_${from}_${to}.csv`;
}

/** Hands a downloaded file to the browser's save dialog under `fileName`. */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
