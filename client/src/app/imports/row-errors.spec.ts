import { IMPORT_FIELDS, IMPORT_ROW_PROBLEMS, IMPORT_JOB_STATUSES, IMPORT_FORMATS } from '@huifang/shared';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { describeRowError } from './row-errors';

/** A translate function over a translation file, as Transloco resolves nested keys. */
function translator(translation: object) {
  return (key: string, params: Record<string, unknown> = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
    if (typeof found !== 'string') return key;
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name]));
  };
}

describe('import row errors in words', () => {
  it('names the problem and the mapped field in Chinese', () => {
    expect(describeRowError(translator(zh), { row: 3, field: 'phone', problem: 'bad_phone', value: '1380013' })).toEqual({
      row: 3,
      field: '手机号',
      problem: '不是有效的手机号',
      value: '1380013',
    });
  });

  it('keeps a FHIR element path as it is, and blanks for no field or value', () => {
    expect(describeRowError(translator(en), { row: 0, field: 'Encounter.period.start', problem: 'bad_time', value: null })).toEqual({
      row: 0,
      field: 'Encounter.period.start',
      problem: 'Not a date and time',
      value: '',
    });
    expect(describeRowError(translator(en), { row: 7, field: null, problem: 'duplicate_visit_number', value: 'V7' }).field).toBe('');
  });

  it.each([
    ['problems', IMPORT_ROW_PROBLEMS],
    ['fields', IMPORT_FIELDS],
    ['statuses', IMPORT_JOB_STATUSES],
    ['formats', IMPORT_FORMATS],
  ] as const)('translates every one of shared/ %s in both languages', (group, names) => {
    for (const translation of [zh, en]) {
      const t = translator(translation);
      for (const name of names) expect(t(`imports.${group}.${name}`)).not.toBe(`imports.${group}.${name}`);
    }
  });
});
