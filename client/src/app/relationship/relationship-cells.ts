import type { RelationshipPhase, ValueTier } from '@huifang/shared';
import type { Translate } from '../dashboard/figure-format';
import type { RelationshipCellQuery } from './relationship-api.service';

/** Where a migration starts: a phase on the month's first day, or `new` (no phase yet then). */
export type MigrationFrom = RelationshipPhase | 'new';

/** A cell of the view whose patients a click lists: phase × value tier now (either may be all), or a month's migration. */
export type RelationshipCell =
  | { kind: 'current'; phase: RelationshipPhase | null; tier: ValueTier | null; count: number }
  | { kind: 'migration'; month: string; from: MigrationFrom; to: RelationshipPhase; count: number };

export function cellQuery(cell: RelationshipCell): RelationshipCellQuery {
  if (cell.kind === 'migration') return { month: cell.month, fromPhase: cell.from, toPhase: cell.to };
  return { ...(cell.phase ? { phase: cell.phase } : {}), ...(cell.tier ? { valueTier: cell.tier } : {}) };
}

export function fromLabel(from: MigrationFrom, t: Translate): string {
  return from === 'new' ? t('relationship.view.migration.new') : t(`phases.${from}`);
}

/**
 * The drill-down title: department · what · count, e.g. `骨科 · 退化期 · 高价值 · 12`,
 * `2026-11 · Development → Decline · 8`, `All patients · 2000`.
 */
export function cellTitle(cell: RelationshipCell, departmentName: string | null, t: Translate): string {
  const parts = departmentName ? [departmentName] : [];
  if (cell.kind === 'migration') {
    parts.push(cell.month, `${fromLabel(cell.from, t)} → ${t(`phases.${cell.to}`)}`);
  } else {
    if (cell.phase) parts.push(t(`phases.${cell.phase}`));
    if (cell.tier) parts.push(t(`valueTiers.${cell.tier}`));
    if (!cell.phase && !cell.tier) parts.push(t('relationship.view.counts.all'));
  }
  parts.push(String(cell.count));
  return parts.join(' · ');
}
