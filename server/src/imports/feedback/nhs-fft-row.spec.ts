import { SURVEY_TEXT_MAX_LENGTH } from '@huifang/shared';
import { isNhsFftHeader, nhsFftColumns, nhsFftRowToItem, type NhsFftColumns } from './nhs-fft-row';

const HEADER = ['Comment ID', 'Trust', 'Date', 'FFT categorical answer', 'FFT question', 'FFT answer'];
const columns = nhsFftColumns(HEADER) as NhsFftColumns;
const row = (id: string, date: string, answer: string, comment: string) => [id, 'NEAS', date, answer, 'FFT Why?', comment];

describe('NHS FFT rows', () => {
  it('recognises the export by its headers, in any order and among others', () => {
    expect(isNhsFftHeader(HEADER)).toBe(true);
    expect(isNhsFftHeader([...HEADER].reverse())).toBe(true);
    expect(isNhsFftHeader(['门诊号', '患者姓名'])).toBe(false);
    expect(nhsFftColumns(['Comment ID', 'Date'])).toEqual({ missing: ['FFT categorical answer', 'FFT answer'] });
  });

  it('reads a row as anonymous feedback keyed by its Comment ID', () => {
    expect(nhsFftRowToItem(1, row('NEAS PTS 540 - Q1', '30/09/2021', '2', ' Cut the waiting time. '), columns)).toEqual({
      row: 1,
      feedback: { key: 'nhs_fft:NEAS PTS 540 - Q1', answeredOn: '2021-09-30', fft: 2, comment: 'Cut the waiting time.' },
    });
  });

  it('keeps code 7 (other / unlabelled) with no FFT answer, and "Did not answer" or an empty box as no comment', () => {
    expect(nhsFftRowToItem(2, row('A', '5/31/2022', '7', 'Did not answer'), columns).feedback).toMatchObject({ fft: null, comment: null, answeredOn: '2022-05-31' });
    expect(nhsFftRowToItem(3, row('B', '01/02/2022', '6', ''), columns).feedback).toMatchObject({ fft: 6, comment: null, answeredOn: '2022-02-01' });
  });

  it('keeps line breaks in a comment, Excel\'s vertical tabs read as line breaks', () => {
    expect(nhsFftRowToItem(4, row('C', '01/02/2022', '1', 'Kind staff.\r\nOn time.'), columns).feedback?.comment).toBe('Kind staff.\r\nOn time.');
    expect(nhsFftRowToItem(5, row('C', '01/02/2022', '1', 'support. \u000b\u000bOver all'), columns).feedback?.comment).toBe('support. \n\nOver all');
  });

  it.each([
    [row('', '01/02/2022', '1', 'x'), 'Comment ID', 'missing_field'],
    [row('X'.repeat(65), '01/02/2022', '1', 'x'), 'Comment ID', 'too_long'],
    [row('D', '', '1', 'x'), 'Date', 'missing_field'],
    [row('D', '5/6/2022', '1', 'x'), 'Date', 'ambiguous_date'],
    [row('D', '31/02/2022', '1', 'x'), 'Date', 'bad_date'],
    [row('D', '01/02/2022', '', 'x'), 'FFT categorical answer', 'missing_field'],
    [row('D', '01/02/2022', '0', 'x'), 'FFT categorical answer', 'bad_answer'],
    [row('D', '01/02/2022', '8', 'x'), 'FFT categorical answer', 'bad_answer'],
    [row('D', '01/02/2022', '1.5', 'x'), 'FFT categorical answer', 'bad_answer'],
    [row('D', '01/02/2022', 'good', 'x'), 'FFT categorical answer', 'bad_answer'],
    [row('D', '01/02/2022', '1', 'x'.repeat(SURVEY_TEXT_MAX_LENGTH + 1)), 'FFT answer', 'too_long'],
    [row('D', '01/02/2022', '1', 'nul\u0000byte'), 'FFT answer', 'control_characters'],
    [row('D\u0000', '01/02/2022', '1', 'x'), 'Comment ID', 'control_characters'],
  ])('refuses %j: %s %s', (cells, field, problem) => {
    const item = nhsFftRowToItem(7, cells, columns);
    expect(item.feedback).toBeUndefined();
    expect(item.failsAs).toBe('responses');
    expect(item.errors).toEqual([expect.objectContaining({ row: 7, field, problem })]);
  });

  it('reports every field at fault, values masked and shortened', () => {
    const item = nhsFftRowToItem(9, row('', '5/6/2022', '9', 'ok'), columns);
    expect(item.errors?.map((e) => e.field)).toEqual(['Comment ID', 'Date', 'FFT categorical answer']);
    const nul = nhsFftRowToItem(9, row('D', '01/02/2022', '1', `a\u0000${'b'.repeat(300)}`), columns);
    expect(nul.errors?.[0].value).toBe(`a?${'b'.repeat(98)}`);
  });
});
