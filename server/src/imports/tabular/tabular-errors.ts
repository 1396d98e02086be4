import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, requiredImportFields, type ImportColumnMapping, type ImportField } from '@huifang/shared';

/** The file is no CSV / Excel file we can read (a broken quote, a corrupt workbook); the parser's words stay in the log. */
export function unreadableFile(cause: unknown): BadRequestException {
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
