import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  RELATIONSHIP_PHASES,
  VALUE_TIERS,
  type MonthlyPhaseMigration,
  type Page,
  type PatientSummary,
  type RelationshipIndicator,
  type RelationshipPhase,
  type ValueTier,
} from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';
import { toCsv } from '../core/http/csv';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { PatientEntity } from '../patients/patient.entity';
import { toPatientSummary } from '../patients/patient-view';
import { statusClock, statusExpression } from '../patients/relationship-status';
import { clvUnitOfInputs, readPassState } from './relationship-inputs';

export interface RelationshipScope {
  from: string;
  to: string;
  departmentId: number | null;
}

/** One cell of the view to list the patients of: a phase × tier now, or a month's migration. */
export type RelationshipCell =
  | { kind: 'current'; phase?: RelationshipPhase; valueTier?: ValueTier }
  | { kind: 'migration'; month: string; fromPhase: RelationshipPhase | null; toPhase: RelationshipPhase };

/**
 * The relationship axis view (issue #14, item 3): counts per phase × value tier now, customer equity,
 * high-value patients in decline, the monthly migration between phases and the equity trend (from the
 * pass's tables), and the patients behind a cell. Patients count in the department of their latest
 * visit; erased patients are left out.
 */
@Injectable()
export class RelationshipIndicatorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async view(scope: RelationshipScope): Promise<RelationshipIndicator> {
    const manager = this.dataSource.manager;
    const department = scope.departmentId ?? 0;
    const inDepartment = scope.departmentId === null ? '' : ' AND last_department_id = $1';
    const counted = (await runRawSql(
      manager,
      `SELECT phase, value_tier, COUNT(*) AS n, SUM(clv) AS clv FROM patient WHERE erased_at IS NULL${inDepartment} GROUP BY phase, value_tier`,
      scope.departmentId === null ? [] : [scope.departmentId],
    )) as { phase: RelationshipPhase; value_tier: ValueTier; n: number | string; clv: number | string }[];
    const counts = RELATIONSHIP_PHASES.flatMap((phase) =>
      VALUE_TIERS.map((tier) => {
        const row = counted.find((r) => r.phase === phase && r.value_tier === tier);
        return { phase, tier, n: Number(row?.n ?? 0), clv: money(Number(row?.clv ?? 0)) };
      }),
    );
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    const high = counts.filter((c) => c.tier === 'high');
    const highN = high.reduce((sum, c) => sum + c.n, 0);
    const highDecline = high.find((c) => c.phase === 'decline')?.n ?? 0;

    const firstMonth = scope.from.slice(0, 7);
    const lastMonth = scope.to.slice(0, 7);
    const migrationRows = (await runRawSql(
      manager,
      `SELECT month, from_phase, to_phase, patients FROM phase_migration_month WHERE department_id = $1 AND month >= $2 AND month <= $3 ORDER BY month`,
      [department, firstMonth, lastMonth],
    )) as { month: string; from_phase: string; to_phase: RelationshipPhase; patients: number | string }[];
    const snapshots = (await runRawSql(
      manager,
      `SELECT day, SUM(clv) AS equity, SUM(patients) AS patients FROM relationship_snapshot
        WHERE department_id = $1 AND day >= $2 AND day <= $3 GROUP BY day ORDER BY day`,
      [department, `${firstMonth}-01`, `${lastMonth}-31`],
    )) as { day: string; equity: number | string; patients: number | string }[];
    const state = await readPassState(manager);
    const months = monthsBetween(firstMonth, lastMonth);
    return {
      from: scope.from,
      to: scope.to,
      departmentId: scope.departmentId,
      counts,
      total,
      clvUnit: state ? clvUnitOfInputs(state.inputs) : 'visits',
      customerEquity: money(counts.reduce((sum, c) => sum + c.clv, 0)),
      highValueInDecline: { n: highDecline, of: highN, share: highN === 0 ? null : Math.round((1000 * highDecline) / highN) / 10 },
      migration: months.map((month): MonthlyPhaseMigration => {
        const rows = migrationRows.filter((r) => r.month === month);
        return {
          month,
          cells: rows.filter((r) => r.from_phase !== '').map((r) => ({ from: r.from_phase as RelationshipPhase, to: r.to_phase, n: Number(r.patients) })),
          entered: rows.filter((r) => r.from_phase === '').map((r) => ({ to: r.to_phase, n: Number(r.patients) })),
        };
      }),
      equityTrend: months.map((month) => {
        const last = snapshots.filter((s) => s.day.startsWith(month)).at(-1);
        return { month, equity: last ? money(Number(last.equity)) : null, patients: last ? Number(last.patients) : null };
      }),
      retention: RELATIONSHIP_PHASES.map((phase) => {
        const r = state?.inputs.retention[phase];
        return { phase, rate: r?.rate === null || r?.rate === undefined ? null : Math.round(1000 * r.rate) / 10, n: r?.n ?? 0 };
      }),
      computedAt: state?.computedAt.toISOString() ?? null,
    };
  }

  /** The patients behind one cell, most valuable first. */
  async patients(departmentId: number | null, cell: RelationshipCell, page: number, pageSize: number): Promise<Page<PatientSummary>> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['p.erased_at IS NULL'];
    if (departmentId !== null) where.push(`p.last_department_id = ${bind(departmentId)}`);
    if (cell.kind === 'current') {
      if (cell.phase) where.push(`p.phase = ${bind(cell.phase)}`);
      if (cell.valueTier) where.push(`p.value_tier = ${bind(cell.valueTier)}`);
    } else {
      const [y, m] = cell.month.split('-').map(Number);
      const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      const phaseOn = (day: string) =>
        `(SELECT c.to_phase FROM patient_phase_change c WHERE c.patient_id = p.id AND c.changed_on <= ${bind(day)} ORDER BY c.changed_on DESC LIMIT 1)`;
      where.push(cell.fromPhase === null ? `${phaseOn(`${cell.month}-01`)} IS NULL` : `${phaseOn(`${cell.month}-01`)} = ${bind(cell.fromPhase)}`);
      where.push(`${phaseOn(lastDay)} = ${bind(cell.toPhase)}`);
    }
    const condition = where.join(' AND ');
    const [{ n }] = (await runRawSql(this.dataSource.manager, `SELECT COUNT(*) AS n FROM patient p WHERE ${condition}`, params)) as { n: number | string }[];
    const ids = (
      (await runRawSql(
        this.dataSource.manager,
        `SELECT p.id FROM patient p WHERE ${condition} ORDER BY p.value_score DESC, p.id LIMIT ${Number(pageSize)} OFFSET ${Number((page - 1) * pageSize)}`,
        params,
      )) as { id: number }[]
    ).map((r) => Number(r.id));
    return { items: await this.summaries(ids), total: Number(n), page, pageSize };
  }

  /** The view as CSV: the counts now, then each month's migration (UTF-8 with BOM). */
  async csv(scope: RelationshipScope): Promise<string> {
    const view = await this.view(scope);
    const lines: unknown[][] = [
      ...view.counts.map((c) => ['current', '', '', '', c.phase, c.tier, c.n, c.clv, view.clvUnit]),
      ...view.migration.flatMap((m) => [
        ...m.cells.map((c) => ['migration', m.month, c.from, c.to, '', '', c.n, null, null]),
        ...m.entered.map((c) => ['migration', m.month, 'new', c.to, '', '', c.n, null, null]),
      ]),
      ...view.equityTrend.map((e) => ['equity', e.month, '', '', '', '', e.patients, e.equity, view.clvUnit]),
    ];
    return toCsv(['section', 'month', 'from_phase', 'to_phase', 'phase', 'value_tier', 'patients', 'clv', 'clv_unit'], lines);
  }

  private async summaries(ids: number[]): Promise<PatientSummary[]> {
    if (ids.length === 0) return [];
    const settings = await this.hospital.current();
    const clock = statusClock(settings.timeZone, settings.returnGraceDays);
    const { entities, raw } = await this.dataSource
      .getRepository(PatientEntity)
      .createQueryBuilder('p')
      .addSelect(statusExpression('p'), 'status')
      .setParameters(clock)
      .where('p.id IN (:...ids)', { ids })
      .getRawAndEntities<{ status: PatientSummary['status'] }>();
    const byId = new Map(entities.map((e, i) => [e.id, toPatientSummary(e, raw[i].status, clock.today)]));
    return ids.map((id) => byId.get(id)).filter((p): p is PatientSummary => p !== undefined);
  }
}

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let guard = 0; guard < 240; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

