import { RELATIONSHIP_PHASES, type RelationshipPhase } from '@huifang/shared';
import { CHARGE_WINDOW_DAYS, type ChargeMeans, type RetentionByPhase } from './clv';
import type { PatientHistory } from './patient-history';
import { factsAt, phaseOf } from './phase-rules';

/*
 * CLV's hospital-wide inputs (DOMAIN.md), tallied over every patient's history, at one or several
 * days at once: p, each phase's observed 12-month retention (of the patients known 365 days before
 * the day, by their phase then, worked out from what was recorded by then: the share with a visit in
 * the 365 days since), and the mean charges of the last three years, per department and overall.
 */
export class HospitalTally {
  private readonly retention = new Map<number, Record<RelationshipPhase, { n: number; kept: number }>>();
  private readonly charges = new Map<number, { byDepartment: Map<number, { total: number; n: number }>; total: number; n: number }>();

  constructor(
    readonly days: readonly number[],
    private readonly graceDays: number,
  ) {
    for (const day of days) {
      this.retention.set(day, Object.fromEntries(RELATIONSHIP_PHASES.map((p) => [p, { n: 0, kept: 0 }])) as Record<RelationshipPhase, { n: number; kept: number }>);
      this.charges.set(day, { byDepartment: new Map(), total: 0, n: 0 });
    }
  }

  add(history: PatientHistory): void {
    for (const day of this.days) {
      const yearAgo = day - 365;
      if (history.since <= yearAgo) {
        const { phase } = phaseOf(factsAt(history, yearAgo, { graceDays: this.graceDays }));
        const tally = this.retention.get(day)![phase];
        tally.n += 1;
        if (history.encounters.some((e) => e.finished && e.day > yearAgo && e.day <= day)) tally.kept += 1;
      }
      const charges = this.charges.get(day)!;
      for (const e of history.encounters) {
        if (!e.finished || e.chargeFen === null || e.day > day || e.day <= day - CHARGE_WINDOW_DAYS) continue;
        const department = charges.byDepartment.get(e.departmentId) ?? { total: 0, n: 0 };
        department.total += e.chargeFen;
        department.n += 1;
        charges.byDepartment.set(e.departmentId, department);
        charges.total += e.chargeFen;
        charges.n += 1;
      }
    }
  }

  retentionAt(day: number): RetentionByPhase {
    const tally = this.retention.get(day)!;
    return Object.fromEntries(RELATIONSHIP_PHASES.map((p) => [p, { n: tally[p].n, rate: tally[p].n === 0 ? null : tally[p].kept / tally[p].n }])) as RetentionByPhase;
  }

  chargeMeansAt(day: number): ChargeMeans {
    const c = this.charges.get(day)!;
    return { byDepartment: new Map([...c.byDepartment].map(([id, s]) => [id, s.total / s.n])), hospital: c.n === 0 ? null : c.total / c.n };
  }
}

