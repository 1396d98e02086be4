import { FFT_UNLABELLED_CODE, IMPORT_SOURCE_NUMBER_MAX_LENGTH, SURVEY_TEXT_MAX_LENGTH, type ImportRowError } from '@huifang/shared';
import { rowError } from '../import-checks';
import type { ImportItem } from '../import-records';
import { characterCount, hasControlCharacters, maskControlCharacters } from '../tabular/cell-values';
import { parseFeedbackDate } from './feedback-date';

/** The columns of an NHS FFT comments export this import reads (others, the themes labelled by people, are ignored). */
export const NHS_FFT_COLUMNS = { id: 'Comment ID', date: 'Date', answer: 'FFT categorical answer', comment: 'FFT answer' } as const;
type FftField = keyof typeof NHS_FFT_COLUMNS;

/** Import keys are `nhs_fft:<Comment ID>`. */
export const NHS_FFT_KEY_PREFIX = 'nhs_fft:';

/**
 * What the export writes where the patient left the comment box empty: not a comment (tagging it
 * would file "Did not answer" under a theme).
 */
const NO_COMMENT = new Set(['did not answer']);

/** Line breaks and tabs belong in a comment; other controls (NUL above all: PostgreSQL refuses it) do not. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const COMMENT_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/;
/** Excel writes a line break inside a cell as a vertical tab (or form feed) in some exports: it is one. */
// eslint-disable-next-line no-control-regex -- the vertical tab and form feed are what is looked for
const EXCEL_LINE_BREAKS = /[\u000b\u000c]/g;

export type NhsFftColumns = Record<FftField, number>;

/** Whether a header row is an NHS FFT export's (an upload named .csv is taken as this format then). */
export function isNhsFftHeader(columns: readonly string[]): boolean {
  return Object.values(NHS_FFT_COLUMNS).every((name) => columns.includes(name));
}

/** The column indexes, or the names missing. */
export function nhsFftColumns(columns: readonly string[]): NhsFftColumns | { missing: string[] } {
  const missing = Object.values(NHS_FFT_COLUMNS).filter((name) => !columns.includes(name));
  if (missing.length) return { missing };
  const at = (name: string) => columns.indexOf(name);
  return { id: at(NHS_FFT_COLUMNS.id), date: at(NHS_FFT_COLUMNS.date), answer: at(NHS_FFT_COLUMNS.answer), comment: at(NHS_FFT_COLUMNS.comment) };
}

/** One data row as an import item: the feedback, or every problem found (the first per field). */
export function nhsFftRowToItem(row: number, cells: readonly string[], columns: NhsFftColumns): ImportItem {
  const errors: ImportRowError[] = [];
  const cell = (field: FftField) => cells[columns[field]] ?? '';
  const fail = (field: FftField, problem: ImportRowError['problem'], value: string) => {
    errors.push(rowError(row, NHS_FFT_COLUMNS[field], problem, maskControlCharacters(value)));
  };
  for (const field of ['id', 'date', 'answer'] as const) {
    if (hasControlCharacters(cell(field))) fail(field, 'control_characters', cell(field));
  }
  if (errors.length) return { row, errors, failsAs: 'responses' };

  const id = cell('id').trim();
  if (!id) fail('id', 'missing_field', '');
  else if (characterCount(id) > IMPORT_SOURCE_NUMBER_MAX_LENGTH) fail('id', 'too_long', id);

  const dateText = cell('date').trim();
  const date = dateText ? parseFeedbackDate(dateText) : null;
  if (!date) fail('date', 'missing_field', '');
  else if ('problem' in date) fail('date', date.problem, dateText);

  const answerText = cell('answer').trim();
  const code = /^\d{1,2}$/.test(answerText) ? Number(answerText) : NaN;
  if (!answerText) fail('answer', 'missing_field', '');
  else if (!(code >= 1 && code <= FFT_UNLABELLED_CODE)) fail('answer', 'bad_answer', answerText);

  const rawComment = cell('comment').replace(EXCEL_LINE_BREAKS, '\n');
  if (COMMENT_CONTROLS.test(rawComment)) fail('comment', 'control_characters', rawComment);
  const comment = rawComment.trim();
  if (characterCount(comment) > SURVEY_TEXT_MAX_LENGTH) fail('comment', 'too_long', comment);

  if (errors.length || !date || 'problem' in date) return { row, errors, failsAs: 'responses' };
  return {
    row,
    feedback: {
      key: `${NHS_FFT_KEY_PREFIX}${id}`,
      answeredOn: date.day,
      fft: code === FFT_UNLABELLED_CODE ? null : code,
      comment: comment && !NO_COMMENT.has(comment.toLowerCase()) ? comment : null,
    },
  };
}
