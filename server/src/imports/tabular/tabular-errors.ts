import { BadRequestException } from '@nestjs/common';
import { NotUtf8Error } from './csv-records';
import { ERROR_CODES, requiredImportFields, type ImportColumnMapping, type ImportField } from '@huifang/shared';

/** A file detected as UTF-8 turned out not to be: the user is told to choose GB18030. */
export function notUtf8(cause: unknown): BadRequestException {
  return new BadRequestException({ message: 'the file is not UTF-8 after its start: choose the encoding GB18030', code: ERROR_CODES.importNotUtf8 }, { cause });
}

/** The file is no CSV / Excel file we can read (a broken quote, a corrupt workbook); the parser's words stay in the log. */
export function unreadableFile(cause: unknown): BadRequestException {
  if (cause instanceof NotUtf8Error || (cause instanceof Error && cause.cause instanceof NotUtf8Error)) return notUtf8(cause);
  return new BadRequestException({ message: 'the file cannot be read as CSV or Excel', code: ERROR_CODES.importFileUnreadable }, { cause });
}

/** Mapped fields whose column the file lacks, and required fields left unmapped: `mapping.<field>`. */
export function mappingProblems(mapping: ImportColumnMapping, columns: readonly string[]): string[] {
  const mapped = Object.entries(mapping).filter(([, column]) => column !== undefined && column !== '') as [ImportField, string][];
  const missingColumns = mapped.filter(([, column]) => !columns.includes(column)).map(([field]) => field);
  const unmapped = requiredImportFields(mapping).filter((field) => !mapping[field]);
  return [...new Set([...unmapped, ...missingColumns])].map((field) => `mapping.${field}`);
}

export function badMapping(fields: string[]): BadRequestException {
  return new BadRequestException({ message: [`${fields.join(', ')} must name a column of the file`], code: ERROR_CODES.validation, params: { fields } });
}
