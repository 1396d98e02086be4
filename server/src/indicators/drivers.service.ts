import { Injectable } from '@nestjs/common';
import { driversFromCounts, type DriversAnswer } from '@huifang/shared';
import { ReadCache } from '../core/database/read-cache';
import { driverCounts } from './drivers.query';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import type { IndicatorScope } from './indicator-scope';

/** Like the other indicators, a minute at most and recomputed after any write (see IndicatorsService). */
const DRIVERS_CACHE_MS = 60_000;

/** Drivers of dissatisfaction (issue #13): counts from SQL, figures from shared/ (drivers.ts). */
@Injectable()
export class DriversService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly cache: ReadCache,
  ) {}

  drivers(scope: IndicatorScope): Promise<DriversAnswer> {
    return this.cache.get(`indicators:drivers:${scope.from}:${scope.to}:${scope.departmentId}`, DRIVERS_CACHE_MS, async () =>
      driversFromCounts(scope, await driverCounts(this.sqlProvider.get(), scope)),
    );
  }
}
