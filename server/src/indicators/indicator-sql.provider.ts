import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { registerLocalDayFunction } from '../core/database/local-day-function';
import { SqliteReaders } from '../core/database/sqlite-readers';
import { IndicatorSql, type SqlReader } from './indicator-sql';

/**
 * Hands out `IndicatorSql` for the configured database and time zone. SQLite knows no time zones:
 * a zone with one fixed offset (Asia/Shanghai) is plain offset arithmetic in SQL; a zone with
 * daylight saving gets an `hf_local_day()` SQL function implemented in JavaScript. On SQLite the
 * queries run on the read workers when there are any (they block no other request there).
 */
@Injectable()
export class IndicatorSqlProvider implements OnModuleInit {
  private fixedOffset: number | null = null;
  private readonly reader: SqlReader;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly readers: SqliteReaders,
  ) {
    this.reader = (sql, params) => this.readers.query(sql, params);
  }

  onModuleInit(): void {
    this.fixedOffset = fixedOffsetMinutes(this.config.timeZone);
    if (this.dataSource.options.type === 'postgres' || this.fixedOffset !== null) return;
    registerLocalDay(this.dataSource, this.config.timeZone);
  }

  get(): IndicatorSql {
    const postgres = this.dataSource.options.type === 'postgres';
    return new IndicatorSql(this.dataSource.manager, this.fixedOffset, this.config.timeZone, postgres, this.readers.available ? this.reader : null);
  }
}

/** `hf_local_day()` on the SQLite connection of `dataSource`, for zones with daylight saving. */
export function registerLocalDay(dataSource: DataSource, timeZone: string): void {
  const driver = dataSource.driver as unknown as { databaseConnection: Parameters<typeof registerLocalDayFunction>[0] };
  registerLocalDayFunction(driver.databaseConnection, timeZone);
}

/** The zone's offset from UTC in minutes if it is the same all year (checked at both solstices), else null. */
export function fixedOffsetMinutes(timeZone: string, year = new Date().getUTCFullYear()): number | null {
  const offsets = [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)].map((instant) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  });
  return offsets[0] === offsets[1] ? offsets[0] : null;
}
