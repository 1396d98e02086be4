import { createReadStream } from 'node:fs';
import type { FileRecord } from './file-records';

/**
 * The first worksheet's rows, streamed (`WorkbookReader`: the sheet XML is parsed as it is
 * unzipped). Positions are the sheet's row numbers from 0, so row N of the file is row N + 1 in Excel.
 */
export async function* xlsxRecords(filePath: string, onBytes: (bytes: number) => void): AsyncGenerator<FileRecord> {
  // Loaded on first use: exceljs takes about a second to load, on every start of a server that may never read a workbook.
  const ExcelJS = await import('exceljs');
  const file = createReadStream(filePath);
  file.on('data', (chunk) => onBytes(chunk.length));
  // Styles are read so that date-formatted cells arrive as dates, not day numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        yield { position: row.number - 1, cells };
      }
      return; // the first worksheet only
    }
  } finally {
    file.destroy();
  }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** A cell as the text a CSV export of it would hold; dates as the wall-clock time they show. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    // exceljs gives Excel's wall-clock time as the UTC fields of the date.
    if (Number.isNaN(value.getTime())) return '';
    const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    // Always with the time: a visit at exactly midnight is a time, not a date (a birth date reads `… 00:00:00` as its day).
    return `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
    if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result);
    if (cell.error !== undefined) return String(cell.error);
    if (cell.text !== undefined) return cellText(cell.text); // a hyperlink
  }
  return '';
}
