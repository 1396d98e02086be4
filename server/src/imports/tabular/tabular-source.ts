import { stat } from 'node:fs/promises';
import { IMPORT_SAMPLE_ROWS, type ImportColumnMapping, type ImportEncoding } from '@huifang/shared';
import type { ImportItem, ImportSource } from '../import-records';
import { departmentLookup, type TabularDepartment } from './department-lookup';
import type { TextEncoding } from './detect-encoding';
import { openTabularFile, type TabularFile, type TabularFormat } from './file-records';
import { suggestMapping } from './header-synonyms';
import { columnIndexes, rowToItem } from './row-to-item';
import { badMapping, mappingProblems, unreadableFile } from './tabular-errors';

export interface TabularPeek {
  encoding: TextEncoding | null;
  columns: string[];
  sampleRows: string[][];
}

async function readable(filePath: string, format: TabularFormat, encoding: ImportEncoding): Promise<TabularFile> {
  try {
    return await openTabularFile(filePath, format, encoding);
  } catch (error) {
    throw unreadableFile(error);
  }
}

/** The header and the first `IMPORT_SAMPLE_ROWS` data rows (padded to the header's width), for the mapping step. */
export async function peekTabular(filePath: string, format: TabularFormat, encoding: ImportEncoding): Promise<TabularPeek> {
  const file = await readable(filePath, format, encoding);
  const sampleRows: string[][] = [];
  try {
    for await (const { cells } of file.rows) {
      sampleRows.push(file.columns.map((_, index) => cells[index] ?? ''));
      if (sampleRows.length === IMPORT_SAMPLE_ROWS) break;
    }
  } catch (error) {
    throw unreadableFile(error);
  } finally {
    await file.close();
  }
  return { encoding: file.encoding, columns: file.columns, sampleRows };
}

export { suggestMapping };

export interface TabularSourceOptions {
  format: TabularFormat;
  encoding: ImportEncoding;
  mapping: ImportColumnMapping;
  /** Every department, deactivated ones too: rows name theirs by code, Chinese or English name. */
  departments: readonly TabularDepartment[];
  /** The hospital's zone: times without an offset are its wall clock. */
  timeZone: string;
}

/**
 * A CSV or Excel file as import items, streamed row by row. Throws 400 `validation.failed`
 * (`mapping.<field>`) when the mapping does not fit the file, `import.file_unreadable` when the file
 * is no CSV / Excel (also later, from `items()`, when the damage is further in).
 */
export async function openTabularSource(filePath: string, options: TabularSourceOptions): Promise<ImportSource> {
  const bytesTotal = (await stat(filePath)).size;
  const file = await readable(filePath, options.format, options.encoding);
  const problems = mappingProblems(options.mapping, file.columns);
  if (problems.length > 0) {
    await file.close();
    throw badMapping(problems);
  }
  const context = {
    columns: columnIndexes(options.mapping, file.columns),
    departmentId: departmentLookup(options.departments),
    timeZone: options.timeZone,
  };
  async function* items(): AsyncGenerator<ImportItem> {
    try {
      for await (const { row, cells } of file.rows) yield rowToItem(row, cells, context);
    } catch (error) {
      throw unreadableFile(error);
    } finally {
      await file.close();
    }
  }
  return { format: options.format, items, bytesRead: () => file.bytesRead(), bytesTotal };
}
