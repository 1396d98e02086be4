import { open } from 'node:fs/promises';
import type { ImportEncoding } from '@huifang/shared';
import { csvRecords } from './csv-records';
import { resolveEncoding, type TextEncoding } from './detect-encoding';
import { xlsxRecords } from './xlsx-records';

export type TabularFormat = 'csv' | 'xlsx';

/** One record of the file: its cells and its 0-based position (the header is usually at 0). */
export interface FileRecord {
  position: number;
  cells: string[];
}

/** A data row: `row` is 1-based from the header (ImportRowError.row). */
export interface DataRow {
  row: number;
  cells: string[];
}

export interface TabularFile {
  /** The CSV's text encoding; null for Excel. */
  encoding: TextEncoding | null;
  /** The header (the first record with any text), trimmed. */
  columns: string[];
  /** The data rows after the header, blank ones skipped (their numbers are kept). */
  rows: AsyncIterable<DataRow>;
  bytesRead(): number;
  /** Lets go of the file when the rows are not read to the end. */
  close(): Promise<void>;
}

/** ZIP's local file header: an .xlsx workbook is a ZIP archive; no CSV text starts with these bytes. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Whether a file of fixed columns (an NHS FFT export) is a workbook or CSV text, by its first bytes:
 * the same export arrives either way, and its format is known from its headers, not its name.
 */
export async function sniffTabularFormat(filePath: string): Promise<TabularFormat> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(ZIP_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Opens a CSV or Excel file and reads up to its header; the rows stream when iterated. */
export async function openTabularFile(filePath: string, format: TabularFormat, encoding: ImportEncoding): Promise<TabularFile> {
  let bytes = 0;
  const onBytes = (count: number) => (bytes += count);
  const textEncoding = format === 'csv' ? await resolveEncoding(filePath, encoding) : null;
  const records = textEncoding ? csvRecords(filePath, textEncoding, onBytes) : xlsxRecords(filePath, onBytes);
  let header: FileRecord | undefined;
  for (let next = await records.next(); !next.done; next = await records.next()) {
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  const headerAt = header?.position ?? 0;
  async function* rows(): AsyncGenerator<DataRow> {
    if (!header) return;
    for await (const record of { [Symbol.asyncIterator]: () => records }) {
      if (!isBlank(record.cells)) yield { row: record.position - headerAt, cells: record.cells };
    }
  }
  return {
    encoding: textEncoding,
    columns: (header?.cells ?? []).map((cell) => cell.trim()),
    rows: rows(),
    bytesRead: () => bytes,
    close: async () => void (await records.return(undefined)),
  };
}
