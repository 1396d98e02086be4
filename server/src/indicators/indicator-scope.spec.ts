import { BadRequestException } from '@nestjs/common';
import { groupByKey, instantBucketsCte, mondayOf, narrowToKey, percent, previousScope, resolveScope, round1, timeBucketKeys } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

describe('indicator periods', () => {
  const today = '2026-11-23';

  it('defaults to the last 30 days up to today and keeps an explicit period', () => {
    expect(resolveScope({}, today)).toEqual({ from: '2026-10-25', to: today, departmentId: null });
    expect(resolveScope({ from: '2026-01-01', to: '2026-03-31', departmentId: 3 }, today)).toEqual({ from: '2026-01-01', to: '2026-03-31', departmentId: 3 });
  });

  it.each([
    [{ from: '2026-03-02', to: '2026-03-01' }, 'from must not be after to'],
    [{ from: '2020-01-01', to: '2026-01-01' }, 'to must be within 1100 days of from'],
    [{ from: '2025-01-01', to: '2026-06-01', groupBy: 'day' as const }, 'groupBy must be week or month for periods longer than 366 days'],
  ])('refuses %j with a message naming the field', (query, message) => {
    expect(() => resolveScope(query, today)).toThrow(new BadRequestException([message]));
  });

  it('compares with the period of equal length just before', () => {
    expect(previousScope({ from: '2026-03-01', to: '2026-03-31', departmentId: null })).toEqual({ from: '2026-01-29', to: '2026-02-28', departmentId: null });
  });

  it('lists every bucket of a period, weeks starting on Monday', () => {
    const scope = { from: '2026-11-20', to: '2026-12-02', departmentId: null };
    expect(timeBucketKeys(scope, 'month')).toEqual(['2026-11', '2026-12']);
    expect(timeBucketKeys(scope, 'week')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(timeBucketKeys({ ...scope, to: '2026-11-22' }, 'day')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(timeBucketKeys({ from: '2025-12-15', to: '2026-01-10', departmentId: null }, 'month')).toEqual(['2025-12', '2026-01']);
    expect([mondayOf('2026-11-23'), mondayOf('2026-11-29'), mondayOf('2027-01-01')]).toEqual(['2026-11-23', '2026-11-23', '2026-12-28']);
  });

  it('narrows a period to one point for drill-down, clipped to the period', () => {
    const scope = { from: '2026-01-10', to: '2026-03-20', departmentId: null };
    expect(narrowToKey(scope, 'month', '2026-01')).toEqual({ from: '2026-01-10', to: '2026-01-31', departmentId: null });
    expect(narrowToKey(scope, 'month', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28', departmentId: null });
    expect(narrowToKey(scope, 'week', '2026-03-16')).toEqual({ from: '2026-03-16', to: '2026-03-20', departmentId: null });
    expect(narrowToKey(scope, 'department', '4')).toEqual({ ...scope, departmentId: 4 });
    for (const [groupBy, key] of [
      ['month', '2026-13'],
      ['month', '2026-04'],
      ['week', '2026-03-17'],
      ['day', 'yesterday'],
      ['department', '1; DROP TABLE patient'],
    ] as const) {
      expect(() => narrowToKey(scope, groupBy, key)).toThrow(BadRequestException);
    }
  });

  it('rounds to one decimal and gives null, not 0, for an empty whole', () => {
    expect([round1(16.666), round1(-0.04), percent(1, 6), percent(0, 0)]).toEqual([16.7, -0, 16.7, null]);
  });

  it('bounds each time bucket by the instants of its local days, clipped to the period', () => {
    // Only the parameter helpers are read; SQLite's shape (bare parameters).
    const sql = { textParam: (name: string) => `:${name}`, instantParam: (name: string) => `:${name}` } as unknown as IndicatorSql;
    const scope = { from: '2026-03-30', to: '2026-04-02', departmentId: null };
    const { cte, params } = instantBucketsCte(sql, scope, 'month', 'Asia/Shanghai');
    expect(cte).toBe('buckets(k, s, e) AS (VALUES (:bk0, :bs0, :be0), (:bk1, :bs1, :be1))');
    // Midnight in Shanghai is 16:00 UTC the day before.
    expect(params).toEqual({
      bk0: '2026-03',
      bs0: new Date('2026-03-29T16:00:00Z'),
      be0: new Date('2026-03-31T16:00:00Z'),
      bk1: '2026-04',
      bs1: new Date('2026-03-31T16:00:00Z'),
      be1: new Date('2026-04-02T16:00:00Z'),
    });
    // Weeks start on Monday but not before the period; a DST zone gets its own offsets.
    const weeks = instantBucketsCte(sql, { from: '2026-03-27', to: '2026-03-31', departmentId: null }, 'week', 'Europe/Berlin').params;
    expect([weeks['bk0'], weeks['bs0'], weeks['be0'], weeks['bk1'], weeks['bs1']]).toEqual([
      '2026-03-23',
      new Date('2026-03-26T23:00:00Z'),
      new Date('2026-03-29T22:00:00Z'),
      '2026-03-30',
      new Date('2026-03-29T22:00:00Z'),
    ]);
  });

  it('groups by the key column, except for the whole period, where it only drops an empty result', () => {
    expect([groupByKey('month'), groupByKey('department', 1)]).toEqual(['GROUP BY 1', 'GROUP BY 1, 2']);
    expect([groupByKey('all'), groupByKey('all', 1)]).toEqual(['HAVING COUNT(*) > 0', 'GROUP BY 2']);
  });
});
