import { Injectable } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { DateFnsAdapter } from '@angular/material-date-fns-adapter';
import type { Locale } from 'date-fns';
import { isCalendarDay } from '@huifang/shared';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { calendarDayOfDate, dateOfCalendarDay } from '../core/calendar-day-date';

/** What the adapter returns for text that is no date (never a valid calendar day). */
const INVALID = 'invalid';

/**
 * Material's date-fns adapter with `YYYY-MM-DD` calendar days as its date type: form controls and
 * filters hold exactly what the API takes, and no time zone can shift a picked day (the Dates it
 * works with inside are local midnights, converted by local calendar fields only). Names, formats and
 * parsing are the date-fns adapter's, in the UI language's locale.
 */
@Injectable()
export class CalendarDayDateAdapter extends DateAdapter<string, Locale> {
  private readonly dates = new DateFnsAdapter();

  override setLocale(locale: Locale): void {
    this.dates?.setLocale(locale);
    super.setLocale(locale);
  }

  getYear(day: string): number {
    return this.dates.getYear(this.toDate(day));
  }
  getMonth(day: string): number {
    return this.dates.getMonth(this.toDate(day));
  }
  getDate(day: string): number {
    return this.dates.getDate(this.toDate(day));
  }
  getDayOfWeek(day: string): number {
    return this.dates.getDayOfWeek(this.toDate(day));
  }
  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.dates.getMonthNames(style);
  }
  getDateNames(): string[] {
    return this.dates.getDateNames();
  }
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.dates.getDayOfWeekNames(style);
  }
  getYearName(day: string): string {
    return this.dates.getYearName(this.toDate(day));
  }
  getFirstDayOfWeek(): number {
    return this.dates.getFirstDayOfWeek();
  }
  getNumDaysInMonth(day: string): number {
    return this.dates.getNumDaysInMonth(this.toDate(day));
  }
  clone(day: string): string {
    return day;
  }
  createDate(year: number, month: number, date: number): string {
    return this.toDay(this.dates.createDate(year, month, date));
  }
  /** Today in the hospital's time zone, like every other "today" of the app. */
  today(): string {
    return hospitalToday();
  }
  parse(value: unknown, parseFormat: string | string[]): string | null {
    const parsed = this.dates.parse(value, parseFormat);
    return parsed === null ? null : this.toDay(parsed);
  }
  format(day: string, displayFormat: string): string {
    if (!this.isValid(day)) throw Error('CalendarDayDateAdapter: cannot format an invalid day');
    return this.dates.format(this.toDate(day), displayFormat);
  }
  addCalendarYears(day: string, years: number): string {
    return this.toDay(this.dates.addCalendarYears(this.toDate(day), years));
  }
  addCalendarMonths(day: string, months: number): string {
    return this.toDay(this.dates.addCalendarMonths(this.toDate(day), months));
  }
  addCalendarDays(day: string, days: number): string {
    return this.toDay(this.dates.addCalendarDays(this.toDate(day), days));
  }
  toIso8601(day: string): string {
    return day;
  }
  /** '' (an empty form field) is no date; a `YYYY-MM-DD` string is one. */
  override deserialize(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'string' && isCalendarDay(value) ? value : this.invalid();
  }
  isDateInstance(value: unknown): boolean {
    return typeof value === 'string';
  }
  isValid(day: string): boolean {
    return isCalendarDay(day);
  }
  invalid(): string {
    return INVALID;
  }

  private toDate(day: string): Date {
    return dateOfCalendarDay(day) ?? this.dates.invalid();
  }

  private toDay(date: Date): string {
    return calendarDayOfDate(date) ?? INVALID;
  }
}
