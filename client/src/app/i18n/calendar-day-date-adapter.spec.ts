import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { enUS, zhCN } from 'date-fns/locale';
import { CalendarDayDateAdapter } from './calendar-day-date-adapter';

describe('CalendarDayDateAdapter', () => {
  let adapter: CalendarDayDateAdapter;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [CalendarDayDateAdapter, { provide: MAT_DATE_LOCALE, useValue: zhCN }] });
    adapter = TestBed.inject(CalendarDayDateAdapter);
    adapter.setLocale(zhCN);
  });

  it('reads a day typed the Chinese or the English way as the same calendar day', () => {
    const formats = ['yyyy/M/d', 'yyyy-M-d', 'yyyy年M月d日', 'M/d/yyyy', 'MMM d, yyyy'];
    expect(adapter.parse('2026/11/30', formats)).toBe('2026-11-30');
    expect(adapter.parse('2026年11月30日', formats)).toBe('2026-11-30');
    adapter.setLocale(enUS);
    expect(adapter.parse('11/30/2026', formats)).toBe('2026-11-30');
    expect(adapter.parse('Nov 30, 2026', formats)).toBe('2026-11-30');
    expect(adapter.isValid(adapter.parse('30.11.2026', formats) ?? '')).toBe(false);
    expect(adapter.parse('', formats)).toBeNull();
  });

  it('names months in the UI language', () => {
    expect(adapter.getMonthNames('short')[10]).toBe('11月');
    expect(adapter.format('2026-11-30', 'yyyy年M月')).toBe('2026年11月');
    adapter.setLocale(enUS);
    expect(adapter.getMonthNames('short')[10]).toBe('Nov');
    expect(adapter.format('2026-11-30', 'MM/dd/yyyy')).toBe('11/30/2026');
  });

  it('does calendar arithmetic on days, across month ends and leap days', () => {
    expect(adapter.addCalendarDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(adapter.addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(adapter.addCalendarYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(adapter.createDate(2026, 10, 30)).toBe('2026-11-30');
    expect(adapter.getDayOfWeek('2026-11-30')).toBe(1);
  });

  it('takes an empty field as no date and anything but a real day as invalid', () => {
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.deserialize('2026-11-30')).toBe('2026-11-30');
    expect(adapter.isValid(adapter.deserialize('2026-02-30') as string)).toBe(false);
  });
});
