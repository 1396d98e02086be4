import { parseDay, parseInstant } from './cell-dates';

const SHANGHAI = 'Asia/Shanghai';

describe('dates in HIS exports', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.03.01', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['1980-01-01 00:00:00', '1980-01-01'],
    ['45352', '2024-03-01'], // Excel's day number
  ])('reads %s as %s', (text, day) => expect(parseDay(text)).toBe(day));

  it.each(['2024-02-30', '2024-13-01', '1899-12-31', '3000-01-01', '2024-03-01 08:05', '01/03/2024', 'yesterday', '2024-03-01Z'])(
    'refuses %s',
    (text) => expect(parseDay(text)).toBeNull(),
  );
});

describe('times in HIS exports', () => {
  it.each([
    ['2024-03-01 08:05', '2024-03-01T00:05:00.000Z'],
    ['2024-03-01 08:05:30', '2024-03-01T00:05:30.000Z'],
    ['2024/3/1 8:05', '2024-03-01T00:05:00.000Z'],
    ['2024-03-01T08:05:00', '2024-03-01T00:05:00.000Z'],
    ['20240301080500', '2024-03-01T00:05:00.000Z'],
    ['2024-03-01T08:05:00+09:00', '2024-02-29T23:05:00.000Z'],
    ['2024-03-01T08:05:00Z', '2024-03-01T08:05:00.000Z'],
    ['2024-03-01 08:05:00.123', '2024-03-01T00:05:00.000Z'],
    ['45352.5', '2024-03-01T04:00:00.000Z'], // noon on Excel's day 45352, Shanghai time
    // A date alone is the start of that day in the hospital's zone (as the FHIR reader reads a bare date).
    ['2024-03-01', '2024-02-29T16:00:00.000Z'],
    ['45352', '2024-02-29T16:00:00.000Z'],
  ])('reads %s (Shanghai) as %s', (text, iso) => expect(parseInstant(text, SHANGHAI)?.toISOString()).toBe(iso));

  it('takes a time without an offset as the wall clock of the hospital zone, summer time included', () => {
    expect(parseInstant('2024-07-01 09:00', 'Europe/Berlin')?.toISOString()).toBe('2024-07-01T07:00:00.000Z');
    expect(parseInstant('2024-01-15 09:00', 'Europe/Berlin')?.toISOString()).toBe('2024-01-15T08:00:00.000Z');
  });

  it.each(['2024-03-01 24:00', '2024-03-01 08:60', '2024-02-30 08:00', 'now', '08:05'])('refuses %s', (text) =>
    expect(parseInstant(text, SHANGHAI)).toBeNull(),
  );
});
