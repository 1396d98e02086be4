import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RELATIONSHIP_PHASES, calendarDayOf, type CalendarDay, type PatientRelationship, type RelationshipPhase } from '@huifang/shared';
import type { PhaseRuleCandidate } from '../callbacks/phase-rule-schedule';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { AppConfig } from '../core/config/app-config';
import { runRawSql } from '../core/database/raw-sql';
import { integerList } from '../encounters/return-expectations';
import { WriteTransaction } from '../core/database/write-transaction';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { calendarDay, dayNumber } from './day-number';
import { loadHistories, type LoadedPatient, type PatientScope } from './history-loader';
import { HospitalTally } from './hospital-tally';
import { clvFrom, clvUnitOf, effectiveRetention, meanChargeOf, ownMeanCharge } from './clv';
import { relationshipAt, type RelationshipContext } from './relationship-at';
import { claimPass, contextOf, finishPass, inputsOf, readPassState, releasePass, type RelationshipInputs } from './relationship-inputs';
import { backfillSnapshots, forEachPatientRange, previousMonthEnds, rebuildMigrationMonths, SnapshotTally } from './relationship-pass';
import { workOutAndWrite, type WorkedOut } from './relationship-work';
import { writeClv } from './relationship-writes';

/** Patients worked out again per transaction by the worker. */
const DIRTY_BATCH = 500;
/** A pass that crashed holds its lease no longer than this. */
const PASS_LEASE_MS = 15 * 60_000;
/** Month ends a first pass backfills (snapshots) and migration months it counts. */
const BACKFILL_MONTHS = 12;

/**
 * Keeps every patient's relationship phase and value current (DOMAIN.md, issue #14):
 * - the daily pass works everyone out for the day (the passage of time moves phases without any
 *   write), measures CLV's hospital-wide inputs, snapshots the counts and CLV, and counts the month's
 *   migration between phases; the first pass also works out the past (history, 12 month ends);
 * - between passes, patients whose record changed (marked by triggers in `relationship_dirty`) are
 *   worked out again within a second, with the last pass's inputs.
 * Both are safe with several server instances: the pass is leased, rows being worked out are locked
 * (PostgreSQL) before their marks are cleared (see `clearMarks`), and every write is idempotent.
 */
@Injectable()
export class RelationshipService {
  private readonly logger = new Logger(RelationshipService.name);

  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
    private readonly rules: RuleFiring,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs the day's pass unless it ran today or another instance is running it; what it did, or null. */
  async runPass(now = new Date()): Promise<PassSummary | null> {
    const today = calendarDayOf(now, this.config.timeZone);
    const claimed = await this.writes.run((manager) => claimPass(manager, today, now, PASS_LEASE_MS), { changesReads: false });
    if (!claimed) return null;
    try {
      return await this.pass(now, today);
    } catch (error) {
      await this.writes.run((manager) => releasePass(manager), { changesReads: false }).catch(() => undefined);
      throw error;
    }
  }

  private async pass(now: Date, today: CalendarDay): Promise<PassSummary> {
    const started = Date.now();
    const day = dayNumber(today);
    const settings = await this.hospital.current();
    const manager = this.dataSource.manager;
    const previous = await readPassState(manager);
    const [{ n: snapshots }] = (await manager.query('SELECT COUNT(*) AS n FROM relationship_snapshot')) as { n: number | string }[];
    const monthEnds = Number(snapshots) === 0 ? previousMonthEnds(day, BACKFILL_MONTHS) : [];

    const measuredContext = (tally: HospitalTally, d: number): RelationshipContext => ({
      retention: tally.retentionAt(d),
      chargeMeans: tally.chargeMeansAt(d),
      discountRate: settings.clvDiscountPercent / 100,
      graceDays: settings.returnGraceDays,
    });
    const snapshot = new SnapshotTally();
    const monthSnapshots = new Map(monthEnds.map((d) => [d, new SnapshotTally()]));
    let patients = 0;
    let context: RelationshipContext;
    let measured: number;
    if (monthEnds.length > 0) {
      // A first pass: CLV's inputs for today and each month end backfilled first, then everyone.
      const tally = new HospitalTally([day, ...monthEnds], settings.returnGraceDays);
      await forEachPatientRange(manager, this.config.timeZone, async (_, loaded) => {
        for (const { history } of loaded?.values() ?? []) tally.add(history);
      });
      context = measuredContext(tally, day);
      measured = Date.now();
      const monthContexts = new Map(monthEnds.map((d) => [d, measuredContext(tally, d)]));
      await forEachPatientRange(
        manager,
        this.config.timeZone,
        async (scope) => {
          const { worked, loaded } = await this.workOut(scope, day, context, now, { recordChanged: false });
          snapshot.addWorked(worked);
          backfillSnapshots([...loaded.values()].map((l) => l.history), monthContexts, monthSnapshots);
          patients += worked.length;
        },
        { load: false },
      );
    } else {
      // A daily pass walks the records once: everyone is worked out with the last pass's CLV inputs
      // while today's are measured, then CLV alone is corrected to today's inputs (r, the own mean
      // charge and the phase are all it needs).
      const tally = new HospitalTally([day], settings.returnGraceDays);
      const provisional = { ...contextOf(previous?.inputs ?? emptyInputs(0, 0)), discountRate: settings.clvDiscountPercent / 100, graceDays: settings.returnGraceDays };
      const clvInputs: ClvInputs[] = [];
      await forEachPatientRange(
        manager,
        this.config.timeZone,
        async (scope) => {
          const { worked, loaded } = await this.workOut(scope, day, provisional, now, { recordChanged: false });
          for (const w of worked) {
            const history = (loaded.get(w.patientId) as LoadedPatient).history;
            tally.add(history);
            clvInputs.push({ worked: w, ownMean: ownMeanCharge(history, day) });
          }
          patients += worked.length;
        },
        { load: false },
      );
      measured = Date.now();
      context = measuredContext(tally, day);
      const corrected: [id: number, clv: number][] = [];
      for (const { worked: w, ownMean } of clvInputs) {
        const m = meanChargeOf(ownMean, w.departmentId, context.chargeMeans);
        const clv = clvFrom(w.relationship.facts.visitsLast365Days, m, effectiveRetention(context.retention, w.relationship.phase).rate, context.discountRate, context.chargeMeans);
        if (clv !== w.relationship.clv) corrected.push([w.patientId, clv]);
        w.relationship.clv = clv;
      }
      await this.writes.run((m) => writeClv(m, corrected));
      snapshot.addWorked(clvInputs.map((c) => c.worked));
    }

    const workedOut = Date.now();
    // 3. Snapshots, the months' migration and the inputs the worker will use until the next pass.
    const months = migrationMonths(today, previous?.computedOn ?? null, monthEnds.length > 0);
    await this.writes.run(async (m) => {
      await snapshot.write(m, today);
      for (const [d, tallied] of monthSnapshots) await tallied.write(m, calendarDay(d));
      await rebuildMigrationMonths(m, months, today);
      await finishPass(m, today, now, inputsOf(context));
    });
    const summary: PassSummary = {
      day: today,
      patients,
      totalMs: Date.now() - started,
      inputsMs: monthEnds.length > 0 ? measured - started : workedOut - measured,
      workingOutMs: monthEnds.length > 0 ? workedOut - measured : measured - started,
      snapshotsMs: Date.now() - workedOut,
      backfilledMonthEnds: monthEnds.length,
    };
    this.logger.log(`relationship pass: ${describePass(summary)}`);
    return summary;
  }

  /**
   * Works out again the patients whose record changed since (at most `DIRTY_BATCH` per transaction,
   * until none is left); the number worked out. Nothing before the first pass.
   */
  async refreshDirty(now = new Date()): Promise<number> {
    const state = await readPassState(this.dataSource.manager);
    if (!state) return 0;
    const day = dayNumber(calendarDayOf(now, this.config.timeZone));
    const context = contextOf(state.inputs);
    let total = 0;
    for (;;) {
      // A read first: no write transaction (and no wake-up of this worker by its own commit) when nobody is marked.
      const [marked] = (await this.dataSource.query('SELECT patient_id FROM relationship_dirty LIMIT 1')) as unknown[];
      if (!marked) return total;
      const count = await this.writes.run(async (manager) => {
        const marks = await readMarks(manager, DIRTY_BATCH);
        if (marks.ids.length === 0) return 0;
        await this.workOutIn(manager, { ids: marks.ids }, day, context, now);
        await clearMarks(manager, marks);
        return marks.ids.length;
      });
      total += count;
      if (count < DIRTY_BATCH) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One patient's relationship for the patient page, worked out now from their record (so it is
   * current even before the worker has caught up), with the factors behind it and the phase history.
   */
  async describe(patientId: number, now = new Date()): Promise<PatientRelationship | null> {
    const manager = this.dataSource.manager;
    const loaded = (await loadHistories(manager, { ids: [patientId] }, this.config.timeZone)).get(patientId);
    if (!loaded) return null;
    const state = await readPassState(manager);
    const settings = await this.hospital.current();
    const context = contextOf(state?.inputs ?? emptyInputs(settings.clvDiscountPercent / 100, settings.returnGraceDays));
    const day = dayNumber(calendarDayOf(now, this.config.timeZone));
    const r = relationshipAt(loaded.history, day, context);
    const history = (await runRawSql(
      manager,
      'SELECT changed_on, from_phase, to_phase FROM patient_phase_change WHERE patient_id = $1 ORDER BY changed_on DESC',
      [patientId],
    )) as { changed_on: string; from_phase: RelationshipPhase | null; to_phase: RelationshipPhase }[];
    const f = r.facts;
    const retention = effectiveRetention(context.retention, r.phase);
    return {
      phase: r.phase,
      phaseSince: r.phase === loaded.stored.phase ? loaded.stored.phaseSince : null,
      valueScore: r.value.score,
      valueTier: r.value.tier,
      clv: r.clv,
      clvUnit: clvUnitOf(context.chargeMeans),
      reasons: r.reasons,
      value: r.value.terms,
      factors: {
        asOf: calendarDay(day),
        visits: f.visits.length,
        visitsLast365Days: f.visitsLast365Days,
        firstVisitOn: f.visits[0] ? calendarDay(f.visits[0].day) : null,
        lastVisitOn: f.visits.at(-1) ? calendarDay((f.visits.at(-1) as { day: number }).day) : null,
        daysSinceLastVisit: f.daysSinceLastVisit,
        medianGapDays: f.medianGapDays,
        dueExpectations: f.dueExpectations,
        keptExpectations: f.keptExpectations,
        lastReturnDaysLate: f.lastReturnDaysLate,
        latestNps: f.latestNps?.nps ?? null,
        latestNpsOn: f.latestNps ? calendarDay(f.latestNps.day) : null,
        status: f.status,
        outcomeReached: f.outcomeReached,
      },
      retention: { rate: Math.round(1000 * retention.rate) / 10, n: retention.n, hospitalWide: retention.hospitalWide },
      history: history.map((h) => ({ on: h.changed_on, from: h.from_phase, to: h.to_phase })),
    };
  }

  private async workOut(scope: PatientScope, day: number, context: RelationshipContext, now: Date, options: { recordChanged: boolean }) {
    return this.writes.run((manager) => this.workOutIn(manager, scope, day, context, now, options));
  }

  private async workOutIn(manager: EntityManager, scope: PatientScope, day: number, context: RelationshipContext, now: Date, options = { recordChanged: true }) {
    const loaded = await loadHistories(manager, scope, this.config.timeZone, { lock: true });
    const worked = await workOutAndWrite(manager, loaded, day, context, options);
    await this.rules.onRelationships(manager, ruleCandidates(worked, loaded), now);
    return { worked, loaded };
  }
}

/** A patient worked out by the daily pass, and what their CLV needs once today's inputs are known. */
interface ClvInputs {
  worked: WorkedOut;
  ownMean: number | null;
}

/** What a pass did and how long each stage took. */
export interface PassSummary {
  day: CalendarDay;
  patients: number;
  totalMs: number;
  /** Measuring CLV's hospital-wide inputs (a walk over every record). */
  inputsMs: number;
  /** Working every patient out and writing what changed (a second walk). */
  workingOutMs: number;
  snapshotsMs: number;
  backfilledMonthEnds: number;
}

export function describePass(s: PassSummary): string {
  return (
    `${s.day}: ${s.patients} patients in ${s.totalMs} ms (inputs ${s.inputsMs} ms, working out ${s.workingOutMs} ms, snapshots and migration ${s.snapshotsMs} ms)` +
    (s.backfilledMonthEnds > 0 ? `, with ${s.backfilledMonthEnds} month ends backfilled` : '')
  );
}

/** Before the first pass: no retention measured yet (CLV 0) and no charges known. */
function emptyInputs(discountRate: number, graceDays: number): RelationshipInputs {
  return {
    retention: Object.fromEntries(RELATIONSHIP_PHASES.map((phase) => [phase, { rate: null, n: 0 }])) as RelationshipInputs['retention'],
    chargeMeans: { byDepartment: [], hospital: null },
    discountRate,
    graceDays,
  };
}

/** Up to `limit` marked patients with the version of their mark (read, not taken: see `clearMarks`). */
async function readMarks(manager: EntityManager, limit: number): Promise<{ ids: number[]; versions: number[] }> {
  const rows = (await manager.query(`SELECT patient_id, version FROM relationship_dirty ORDER BY patient_id LIMIT ${Number(limit)}`)) as {
    patient_id: number;
    version: number;
  }[];
  return { ids: rows.map((r) => Number(r.patient_id)), versions: rows.map((r) => Number(r.version)) };
}

/**
 * Removes the marks just worked out, after the patients' rows were locked and written. PostgreSQL:
 * only marks still at the version read (a writer that marked the patient since keeps its mark), and
 * never waiting for a writer that holds one (SKIP LOCKED): writers lock the patient, then the mark,
 * so a worker holding patients must not wait for marks. SQLite: one writer at a time, no race.
 */
async function clearMarks(manager: EntityManager, marks: { ids: number[]; versions: number[] }): Promise<void> {
  if (manager.connection.options.type === 'postgres') {
    await manager.query(
      `DELETE FROM relationship_dirty d USING (SELECT unnest($1::int[]) AS id, unnest($2::int[]) AS version) s
        WHERE d.patient_id = s.id AND d.version = s.version
          AND d.patient_id IN (SELECT patient_id FROM relationship_dirty WHERE patient_id = ANY($1::int[]) FOR UPDATE SKIP LOCKED)`,
      [marks.ids, marks.versions],
    );
    return;
  }
  await manager.query(`DELETE FROM relationship_dirty WHERE patient_id IN (${integerList(marks.ids)})`);
}

function ruleCandidates(worked: readonly WorkedOut[], loaded: ReadonlyMap<number, LoadedPatient>): (PhaseRuleCandidate & { callable: boolean })[] {
  return worked.map((w) => {
    const patient = loaded.get(w.patientId) as LoadedPatient;
    const { facts } = w.relationship;
    const lastResponse = patient.history.responses.at(-1)?.day ?? null;
    const lastVisit = facts.visits.at(-1)?.day ?? null;
    const lastContact = Math.max(lastResponse ?? -Infinity, lastVisit ?? -Infinity);
    return {
      patientId: w.patientId,
      departmentId: w.departmentId,
      phase: w.relationship.phase,
      phaseSince: w.phaseSince,
      tier: w.relationship.value.tier,
      visits: facts.visits.length,
      firstVisitOn: facts.visits[0] ? calendarDay(facts.visits[0].day) : null,
      lastContactOn: Number.isFinite(lastContact) ? calendarDay(lastContact) : null,
      returnOverdue: facts.returnOverdue,
      reasons: w.relationship.reasons,
      callable: patient.callable,
    };
  });
}

/** The months whose migration a pass counts again: this one, the last one if it ended since the last pass, or a year back at the first. */
export function migrationMonths(today: CalendarDay, lastPass: CalendarDay | null, backfill: boolean): string[] {
  const month = today.slice(0, 7);
  const months = new Set<string>([month]);
  const [y, m] = month.split('-').map(Number);
  const back = (k: number) => new Date(Date.UTC(y, m - 1 - k, 1)).toISOString().slice(0, 7);
  if (backfill) for (let k = 1; k <= BACKFILL_MONTHS; k += 1) months.add(back(k));
  else if (lastPass === null || lastPass.slice(0, 7) < month) months.add(back(1));
  return [...months].sort();
}
