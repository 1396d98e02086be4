import { stat } from 'node:fs/promises';
import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, type ImportEncoding } from '@huifang/shared';
import type { ImportItem, ImportSource } from '../import-records';
import { openTabularFile, sniffTabularFormat, type TabularFile } from '../tabular/file-records';
import { unreadableFile } from '../tabular/tabular-errors';
import { nhsFftColumns, nhsFftRowToItem } from './nhs-fft-row';

/**
 * An NHS Friends and Family Test comments export (CSV, or the same columns saved as .xlsx) as import
 * items: the same readers (encodings, quoted line breaks, blank lines, row numbers, Excel dates) as
 * the mapped tabular import, with fixed columns.
 */
export async function openNhsFftSource(filePath: string, encoding: ImportEncoding): Promise<ImportSource> {
  const bytesTotal = (await stat(filePath)).size;
  let file: TabularFile;
  try {
    file = await openTabularFile(filePath, await sniffTabularFormat(filePath), encoding);
  } catch (error) {
    throw unreadableFile(error);
  }
  const found = nhsFftColumns(file.columns);
  if ('missing' in found) {
    await file.close();
    throw new BadRequestException({
      message: [`an NHS FFT file needs the columns ${found.missing.join(', ')}`],
      code: ERROR_CODES.validation,
      params: { fields: found.missing.map((name) => `columns.${name}`) },
    });
  }
  const columns = found;
  async function* items(): AsyncGenerator<ImportItem> {
    try {
      for await (const { row, cells } of file.rows) yield nhsFftRowToItem(row, cells, columns);
    } catch (error) {
      throw unreadableFile(error);
    } finally {
      await file.close();
    }
  }
  return { format: 'nhs_fft', items, bytesRead: () => file.bytesRead(), bytesTotal };
}
