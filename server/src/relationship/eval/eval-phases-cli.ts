import { existsSync } from 'node:fs';
import { RELATIONSHIP_PHASES, SYNTHETIC_DATA_KEY, VALUE_TIERS, calendarDayOf, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { loadConfig } from '../../core/config/app-config';
import { commandDataSource } from '../../indicators/rollups/rollup-zone';
import { calendarDay, dayNumber } from '../day-number';
import { HospitalTally } from '../hospital-tally';
import type { PatientHistory } from '../patient-history';
import { statusAt } from '../phase-rules';
import { relationshipAt } from '../relationship-at';
import { forEachPatientRange } from '../relationship-pass';

/*
 * `npm run eval:phases -- [--db <SQLite file | postgres://…>] [--cut YYYY-MM-DD] [--horizon 180] [--grace 30]`
 * (issue #14, item 5): the early warning, measured. Every patient known before the cut date T is
 * worked out at T from what was recorded before T only (the day before T, with the phases' retention
 * and charges measured the same way); then, from the whole record, whether they lapsed (DOMAIN.md: an
 * expected return + grace passed with no return) within `horizon` days from T, and whether they
 * visited at all in that time. Printed per phase and value tier with n, and the lift of decline over
 * stable. Without --db, DATABASE_URL (or the app's default SQLite file) is read.
 */

interface Options {
  db?: string;
  cut?: string;
  horizon: number;
  grace: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { horizon: 180, grace: 30 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--db') options.db = value;
    else if (flag === '--cut') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--cut must be a day as YYYY-MM-DD');
      options.cut = value;
    } else if (flag === '--horizon' || flag === '--grace') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 3650) throw new Error(`${flag} must be a whole number of days (0-3650)`);
      options[flag === '--horizon' ? 'horizon' : 'grace'] = n;
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

interface Cell {
  n: number;
  lapsed: number;
  noVisit: number;
}

/** Lapsed (DOMAIN.md) on some day of [from, to]: lapsing starts the day after an expectation's date + grace. */
function lapsedWithin(history: PatientHistory, from: number, to: number, grace: number): boolean {
  const days = new Set<number>([from]);
  for (const e of history.encounters) if (e.finished && e.due !== null && e.due + grace + 1 >= from && e.due + grace + 1 <= to) days.add(e.due + grace + 1);
  for (const day of days) {
    const encounters = history.encounters.filter((e) => e.day <= day);
    const visits = encounters.filter((e) => e.finished);
    const responses = history.responses.filter((r) => r.day <= day);
    if (statusAt(encounters, visits, responses, day, grace) === 'lapsed') return true;
  }
  return false;
}

async function main(): Promise<string> {
  const options = parseOptions(process.argv.slice(2));
  if (options.db) process.env['DATABASE_URL'] = options.db.startsWith('postgres') ? options.db : `sqlite:${options.db}`;
  const config = loadConfig();
  const dataSource = commandDataSource(config);
  await dataSource.initialize();
  try {
    const manager = dataSource.manager;
    const today = dayNumber(calendarDayOf(new Date(), config.timeZone));
    const cut = options.cut ? dayNumber(options.cut) : today - options.horizon;
    const asOf = cut - 1;
    const horizonEnd = cut + options.horizon - 1;
    const [marker] = (await manager.query(`SELECT value FROM app_setting WHERE key = '${SYNTHETIC_DATA_KEY}'`)) as { value: string }[];
    const sidecar = config.database.kind === 'sqlite' && existsSync(`${config.database.file}.json`);
    const synthetic = marker?.value ?? (sidecar ? 'benchmark' : null);

    const tally = new HospitalTally([asOf], options.grace);
    await forEachPatientRange(manager, config.timeZone, async (_, loaded) => {
      for (const { history } of loaded?.values() ?? []) tally.add(history);
    });
    const context = { retention: tally.retentionAt(asOf), chargeMeans: tally.chargeMeansAt(asOf), discountRate: 0.08, graceDays: options.grace };
    const cells = new Map<string, Cell>();
    const cell = (phase: string, tier: string) => {
      const key = `${phase}|${tier}`;
      if (!cells.has(key)) cells.set(key, { n: 0, lapsed: 0, noVisit: 0 });
      return cells.get(key) as Cell;
    };
    await forEachPatientRange(manager, config.timeZone, async (_, loaded) => {
      for (const { history } of loaded?.values() ?? []) {
        if (history.since > asOf) continue;
        const r = relationshipAt(history, asOf, context);
        const lapsed = lapsedWithin(history, cut, horizonEnd, options.grace);
        const visited = history.encounters.some((e) => e.day >= cut && e.day <= horizonEnd);
        for (const c of [cell(r.phase, r.value.tier), cell(r.phase, 'all')]) {
          c.n += 1;
          if (lapsed) c.lapsed += 1;
          if (!visited) c.noVisit += 1;
        }
      }
    });

    const pct = (part: number, n: number) => (n === 0 ? '—' : `${((100 * part) / n).toFixed(1)} %`);
    const lines: string[] = [];
    lines.push(
      `Early warning: phases and value at ${calendarDay(cut)} (from the record before it), then ${options.horizon} days (to ${calendarDay(horizonEnd)})` +
        `${config.database.kind === 'sqlite' ? ` — ${config.database.file}` : ' — PostgreSQL'}`,
    );
    lines.push(synthetic ? `SYNTHETIC DATA (${synthetic} generator): the figures show the generating model (shared/src/lib/synthetic-model.ts), not a hospital.` : 'Data: not marked synthetic.');
    if (horizonEnd >= today) lines.push(`Note: the horizon ends ${calendarDay(horizonEnd)}, after today: outcomes after today are not known yet (fewer lapses counted).`);
    lines.push('');
    lines.push('| phase at T | value tier | n | lapsed within horizon | share lapsed | no visit within horizon | share no visit |');
    lines.push('|:--|:--|--:|--:|--:|--:|--:|');
    for (const phase of RELATIONSHIP_PHASES) {
      for (const tier of [...VALUE_TIERS, 'all'] as (ValueTier | 'all')[]) {
        const c = cells.get(`${phase}|${tier}`) ?? { n: 0, lapsed: 0, noVisit: 0 };
        lines.push(`| ${phase} | ${tier} | ${c.n} | ${c.lapsed} | ${pct(c.lapsed, c.n)} | ${c.noVisit} | ${pct(c.noVisit, c.n)} |`);
      }
    }
    const share = (phase: RelationshipPhase, outcome: 'lapsed' | 'noVisit') => {
      const c = cells.get(`${phase}|all`);
      return c && c.n > 0 ? c[outcome] / c.n : null;
    };
    lines.push('');
    const rest = [...cells].filter(([key]) => key.endsWith('|all') && !key.startsWith('decline|')).map(([, c]) => c);
    const restN = rest.reduce((sum, c) => sum + c.n, 0);
    const declineCell = cells.get('decline|all');
    if (declineCell && declineCell.n > 0 && restN > 0) {
      for (const outcome of ['lapsed', 'noVisit'] as const) {
        const others = rest.reduce((sum, c) => sum + c[outcome], 0) / restN;
        const mine = declineCell[outcome] / declineCell.n;
        lines.push(`Decline against every other phase (${outcome === 'lapsed' ? 'lapsed' : 'no visit'}): ${(100 * mine).toFixed(1)} % of ${declineCell.n} vs ${(100 * others).toFixed(1)} % of ${restN}${others > 0 ? ` (${(mine / others).toFixed(2)}×)` : ''}.`);
      }
    }
    for (const outcome of ['lapsed', 'noVisit'] as const) {
      const decline = share('decline', outcome);
      const stable = share('stable', outcome);
      const n = (phase: RelationshipPhase) => cells.get(`${phase}|all`)?.n ?? 0;
      const label = outcome === 'lapsed' ? 'lapsed' : 'no visit';
      lines.push(
        decline === null || stable === null || stable === 0
          ? `Lift of decline over stable (${label}): cannot be told (decline n = ${n('decline')}, stable n = ${n('stable')}${stable === 0 ? ', no stable patient lapsed' : ''}).`
          : `Lift of decline over stable (${label}): ${(decline / stable).toFixed(2)}× (${(100 * decline).toFixed(1)} % of ${n('decline')} vs ${(100 * stable).toFixed(1)} % of ${n('stable')}).`,
      );
    }
    return lines.join('\n');
  } finally {
    await dataSource.destroy();
  }
}

main()
  .then((report) => process.stdout.write(`${report}\n`))
  .catch((error: Error) => {
    process.stderr.write(`huifang: eval:phases failed: ${error.message}\n`);
    process.exit(1);
  });
