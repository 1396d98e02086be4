import type { SelectQueryBuilder } from 'typeorm';
import type { DriverResponseFilter } from '@huifang/shared';
import { npsBandConditionSql, waitBandConditionSql } from './band-sql';
import type { SurveyResponseEntity } from './survey-response.entity';

/**
 * Narrows the responses list (alias `r`) to one cell of the drivers panel, by the same band SQL the
 * drivers count with, so the list's total is the cell's n.
 */
export function applyDriverFilters(qb: SelectQueryBuilder<SurveyResponseEntity>, filter: DriverResponseFilter): void {
  if (filter.npsBand) qb.andWhere(npsBandConditionSql('r.nps', filter.npsBand));
  if (filter.waitBand) {
    qb.andWhere(`EXISTS (SELECT 1 FROM encounter e WHERE e.id = r.encounter_id AND ${waitBandConditionSql('e.wait_seconds', filter.waitBand)})`);
  }
  // The comments behind one theme (its index, theme first).
  if (filter.themeId) qb.andWhere('r.id IN (SELECT rt.response_id FROM response_theme rt WHERE rt.theme_key = :themeId)', { themeId: filter.themeId });
}
