/*
 * The dates of historical feedback files. NHS exports mix spellings in one file: `30/09/2021`
 * (day first, zero-padded: the NHS's own), `5/31/2022` (month first, no leading zeros: a US-locale
 * spreadsheet round trip) and `2022-05-31`. One deterministic rule, no guessing:
 * - `yyyy-mm-dd` (a time after it is ignored) is that day;
 * - `a/b/yyyy` (or `.`/`-` separated): a part above 12 is the day, so `31/05/2022` and `5/31/2022`
 *   are both 31 May; both parts at most 12 and equal is that day; both written with two digits is
 *   day first (`01/02/2022` = 1 February, the padded NHS spelling); otherwise (`5/6/2022`) the day
 *   and month cannot be told apart: `ambiguous_date`, never a guess;
 * - anything else, or a day that does not exist (`31/02/2022`), is `bad_date`.
 */

export type FeedbackDate = { day: string } | { problem: 'bad_date' | 'ambiguous_date' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const YEAR_RANGE = { min: 1900, max: 2100 };

export function parseFeedbackDate(text: string): FeedbackDate {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = SLASHED.exec(value);
  if (!slashed) return { problem: 'bad_date' };
  const [, first, , second, year] = slashed;
  const a = Number(first);
  const b = Number(second);
  if (a > 12 && b > 12) return { problem: 'bad_date' };
  if (a > 12) return calendarDay(Number(year), b, a);
  if (b > 12) return calendarDay(Number(year), a, b);
  if (a === b) return calendarDay(Number(year), a, a);
  if (first.length === 2 && second.length === 2) return calendarDay(Number(year), b, a);
  return { problem: 'ambiguous_date' };
}

function calendarDay(year: number, month: number, day: number): FeedbackDate {
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max || month < 1 || month > 12 || day < 1) return { problem: 'bad_date' };
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return { problem: 'bad_date' };
  return { day: at.toISOString().slice(0, 10) };
}
