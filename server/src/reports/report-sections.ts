import {
  RELATIONSHIP_PHASES,
  WAIT_BANDS,
  driversFromCounts,
  type FollowUpPoint,
  type LifecycleFlowLink,
  type RelationshipIndicator,
  type ReportChurn,
  type ReportDetractorThemes,
  type ReportFollowUp,
  type ReportRelationship,
  type ReportSatisfaction,
  type ReportWaitDistribution,
  type ChurnPoint,
  type DriverCounts,
  type SatisfactionPoint,
  type WaitBand,
  type WaitTimePoint,
} from '@huifang/shared';
import { percent, type IndicatorScope } from '../indicators/indicator-scope';

/*
 * The report's sections from the indicator queries' answers (server/src/indicators): reshaped, never
 * recomputed. A section with nothing counted in the month is null ("no data for this month").
 */

/** How many detractor themes the report lists. */
export const TOP_THEMES = 5;

export function waitSection(point: WaitTimePoint | undefined, bands: ReadonlyMap<WaitBand, number>): ReportWaitDistribution | null {
  if (!point || point.n === 0) return null;
  const n = [...bands.values()].reduce((sum, count) => sum + count, 0);
  return {
    n,
    bands: WAIT_BANDS.map(({ key }) => ({ band: key, n: bands.get(key) ?? 0, share: percent(bands.get(key) ?? 0, n) })),
    median: point.median,
    p90: point.p90,
    mean: point.mean,
  };
}

export function satisfactionSection(point: SatisfactionPoint | undefined): ReportSatisfaction | null {
  if (!point || (point.n === 0 && point.invitations === 0)) return null;
  return {
    responses: point.n,
    invitations: point.invitations,
    responseRate: point.responseRate,
    nps: point.nps,
    csat: point.csat,
    dimensions: point.dimensions.filter((d) => d.n > 0),
  };
}

export function churnSection(point: ChurnPoint | undefined): ReportChurn | null {
  if (!point || point.n === 0) return null;
  return { cohort: point.n, lapsed: point.lapsed, retained: point.n - point.lapsed, churnRate: point.churnRate, retention: point.retention };
}

export function followUpSection(point: FollowUpPoint | undefined): ReportFollowUp | null {
  if (!point || (point.n === 0 && point.serviceRecoveryOpened === 0)) return null;
  const { key: _key, ...figures } = point;
  return figures;
}

export function flowSection(links: LifecycleFlowLink[]): LifecycleFlowLink[] | null {
  return links.length === 0 ? null : [...links].sort((a, b) => b.n - a.n);
}

/** The detractors' most frequent themes, with the share of the detractors' tagged comments (drivers.ts). */
export function detractorThemesSection(scope: IndicatorScope, counts: DriverCounts): ReportDetractorThemes | null {
  const { themes } = driversFromCounts(scope, counts);
  const comments = themes.commented.detractors;
  const found = themes.items.filter((t) => t.detractors.count > 0);
  if (comments === 0 || found.length === 0) return null;
  return {
    comments,
    themes: found
      .sort((a, b) => b.detractors.count - a.detractors.count || a.theme.localeCompare(b.theme))
      .slice(0, TOP_THEMES)
      .map((t) => ({ key: t.theme, nameZh: t.nameZh, nameEn: t.nameEn, n: t.detractors.count, share: t.detractors.value })),
  };
}

/** The month's phase migration and equity at its end, from the relationship view of that month. */
export function relationshipSection(view: RelationshipIndicator, month: string): ReportRelationship | null {
  const migration = view.migration.find((m) => m.month === month);
  const equity = view.equityTrend.find((e) => e.month === month);
  const cells = migration?.cells ?? [];
  const entered = migration?.entered ?? [];
  if (cells.length === 0 && entered.length === 0 && (equity?.equity ?? null) === null) return null;
  const phasesAtEnd = RELATIONSHIP_PHASES.map((phase) => ({
    phase,
    n: cells.filter((c) => c.to === phase).reduce((s, c) => s + c.n, 0) + entered.filter((c) => c.to === phase).reduce((s, c) => s + c.n, 0),
  }));
  return {
    phasesAtEnd,
    patients: phasesAtEnd.reduce((s, p) => s + p.n, 0),
    migration: cells,
    entered,
    customerEquity: equity?.equity ?? null,
    equityPatients: equity?.patients ?? null,
    clvUnit: view.clvUnit,
  };
}
