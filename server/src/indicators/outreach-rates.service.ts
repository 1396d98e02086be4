import { Injectable } from '@nestjs/common';
import type { OutreachIndicator } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { IndicatorsService, type IndicatorRequest } from './indicators.service';
import { outreachRates } from './outreach-rates.query';

/**
 * Delivery and response rates per channel for the dashboard's follow-up panel. Not cached like the
 * other indicators: the worker's writes do not clear the read cache (outreach-delivery.ts), and the
 * query is one range of the outbox's creation index.
 */
@Injectable()
export class OutreachRatesService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly indicators: IndicatorsService,
    private readonly config: AppConfig,
  ) {}

  async rates(request: Omit<IndicatorRequest, 'groupBy' | 'templateId'>): Promise<OutreachIndicator> {
    const scope = this.indicators.scopeOf(request);
    const channels = await outreachRates(this.sqlProvider.get(), scope, this.config.timeZone);
    return { from: scope.from, to: scope.to, departmentId: scope.departmentId, channels };
  }
}
