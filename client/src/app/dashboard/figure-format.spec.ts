import { formatChange, formatDecimal, formatFigure } from './figure-format';
import { fakeT } from './chart-test-fakes';

describe('formatDecimal', () => {
  it('always shows one decimal, with grouping', () => {
    expect(formatDecimal(12.5, 'en')).toBe('12.5');
    expect(formatDecimal(12, 'en')).toBe('12.0');
    expect(formatDecimal(1234.56, 'en')).toBe('1,234.6');
    expect(formatDecimal(-7.25, 'en')).toBe('-7.3');
    expect(formatDecimal(0, 'en')).toBe('0.0');
  });

  it('formats Chinese with the zh-CN conventions', () => {
    expect(formatDecimal(1234.56, 'zh')).toBe('1,234.6');
    expect(formatDecimal(45, 'zh')).toBe('45.0');
    expect(formatDecimal(-3.4, 'zh')).toBe('-3.4');
  });

  it('signed shows + for a rise, - for a fall, no sign for zero', () => {
    expect(formatDecimal(2.1, 'en', true)).toBe('+2.1');
    expect(formatDecimal(-3.4, 'en', true)).toBe('-3.4');
    expect(formatDecimal(0, 'en', true)).toBe('0.0');
    expect(formatDecimal(5, 'zh', true)).toBe('+5.0');
    // The signed and unsigned formats are cached apart.
    expect(formatDecimal(2.1, 'en')).toBe('2.1');
  });
});

describe('formatFigure', () => {
  it('minutes, percent and hours go through their unit key', () => {
    expect(formatFigure(12.5, 'minutes', 'en', fakeT)).toBe('dashboard.units.minutes{"value":"12.5"}');
    expect(formatFigure(45, 'percent', 'en', fakeT)).toBe('dashboard.units.percent{"value":"45.0"}');
    expect(formatFigure(3.25, 'hours', 'zh', fakeT)).toBe('dashboard.units.hours{"value":"3.3"}');
  });

  it('an NPS is a bare number with one decimal', () => {
    expect(formatFigure(32.5, 'nps', 'en', fakeT)).toBe('32.5');
    expect(formatFigure(-20, 'nps', 'en', fakeT)).toBe('-20.0');
  });

  it('a count is a whole number with grouping, no unit', () => {
    expect(formatFigure(12345, 'count', 'en', fakeT)).toBe('12,345');
    expect(formatFigure(7, 'count', 'zh', fakeT)).toBe('7');
  });
});

describe('formatChange', () => {
  it('a percentage changes by points', () => {
    expect(formatChange(-3.4, 'percent', 'en', fakeT)).toBe('dashboard.units.points{"value":"-3.4"}');
    expect(formatChange(2, 'percent', 'en', fakeT)).toBe('dashboard.units.points{"value":"+2.0"}');
  });

  it('minutes and hours keep their unit, signed', () => {
    expect(formatChange(2.1, 'minutes', 'en', fakeT)).toBe('dashboard.units.minutes{"value":"+2.1"}');
    expect(formatChange(-0.5, 'hours', 'en', fakeT)).toBe('dashboard.units.hours{"value":"-0.5"}');
  });

  it('an NPS change is a bare signed number', () => {
    expect(formatChange(5, 'nps', 'en', fakeT)).toBe('+5.0');
    expect(formatChange(-12, 'nps', 'en', fakeT)).toBe('-12.0');
    expect(formatChange(0, 'nps', 'en', fakeT)).toBe('0.0');
  });
});
