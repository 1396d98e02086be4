import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from './report';
import { table } from './report';

/** The figures of one run kept in tmp/bench/results-<db>-<scale>m.json, for comparing runs. */
export interface Figures {
  db: string;
  scale: number;
  date: string;
  loadAverage: number[];
  /** Cold p50 per dashboard endpoint (ms). */
  coldDashboard: Record<string, number>;
  /** Loaded p95 per callback queue view (ms). */
  queueP95: Record<string, number>;
  mixedDashboardP95?: number;
  mixedDeskP95?: number;
  submitPerSecond?: number;
  checkInPerSecond?: number;
  barePerSecond?: number;
}

export const resultsFile = (dir: string, db: string, scale: number) => join(dir, `results-${db}-${scale}m.json`);

export function readFigures(dir: string, db: string, scale: number): Figures | null {
  const file = resultsFile(dir, db, scale);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { figures: Figures }).figures : null;
}

const fmt = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(n < 10 ? 1 : 0));

function rowsOf(f: Figures): [string, number | undefined][] {
  return [
    ...Object.entries(f.coldDashboard).map(([k, v]): [string, number] => [`cold ${k} (ms)`, v]),
    ...Object.entries(f.queueP95).map(([k, v]): [string, number] => [`${k}, p95 at 20 clients (ms)`, v]),
    ['mixed: dashboard p95 (ms)', f.mixedDashboardP95],
    ['mixed: desk writes p95 (ms)', f.mixedDeskP95],
    ['ceiling: survey submits/s', f.submitPerSecond],
    ['ceiling: check-ins/s', f.checkInPerSecond],
    ['ceiling: bare route req/s', f.barePerSecond],
  ];
}

const when = (f: Figures) => `${f.date.slice(0, 16)}Z, load ${f.loadAverage.map((l) => l.toFixed(1)).join('/')}`;

/** 1M against 10M on one database: how each figure grows; cold dashboard requests may grow at most 2×. */
export function scaleTable(db: string, small: Figures, large: Figures): { text: string; checks: Check[] } {
  const largeRows = new Map(rowsOf(large));
  const checks: Check[] = [];
  const rows = rowsOf(small).map(([name, a]) => {
    const b = largeRows.get(name);
    const growth = a !== undefined && b !== undefined ? b / a : undefined;
    if (name.startsWith('cold ') && growth !== undefined) {
      checks.push({ what: `${db}: ${name.replace(' (ms)', '')} grows ≤ 2× for 10× data`, passed: growth <= 2, detail: `${growth.toFixed(2)}×` });
    }
    return [name, fmt(a), fmt(b), growth === undefined ? '–' : `${growth.toFixed(2)}×`];
  });
  return { text: `${db}: 1M (${when(small)}) against 10M (${when(large)})\n\n${table(['figure', '1M', '10M', 'growth'], rows)}`, checks };
}

/** SQLite against PostgreSQL at one scale (each run applies the same targets itself). */
export function databaseTable(scale: number, sqlite: Figures, postgres: Figures): string {
  const pg = new Map(rowsOf(postgres));
  const rows = rowsOf(sqlite).map(([name, a]) => [name, fmt(a), fmt(pg.get(name))]);
  return `${scale}M: SQLite (${when(sqlite)}) against PostgreSQL (${when(postgres)})\n\n${table(['figure', 'SQLite', 'PostgreSQL'], rows)}`;
}
