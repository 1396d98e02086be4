/*
 * The one CSV writer of the server (indicator and audit exports): UTF-8 with a BOM, RFC 4180
 * quoting, CRLF line ends, formula injection defused.
 */

/** Excel reads UTF-8 (and so Chinese names and headers) only when the file starts with a BOM. */
const BOM = '\uFEFF';

/** A header row and the data rows as one CSV file. */
export function toCsv(header: readonly string[], lines: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; null is an empty cell ("no data"), never 0. Text that Excel would run as a formula is defused. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
