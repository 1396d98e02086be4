import { CALLBACK_VIEWS } from '@huifang/shared';
import { measure, type Measurement, type Target } from './measure';

const COLD_VARIANTS = 10;
const DAY = 86_400_000;

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** One year ending `daysBack` days before today (hospital time, UTC+8), as the dashboard's "year" period. */
function yearEnding(daysBack: number): string {
  const to = Date.now() + 8 * 3_600_000 - daysBack * DAY;
  return `from=${day(to - 364 * DAY)}&to=${day(to)}`;
}

/** The request for one year up to today; its cold variants end one to ten days earlier. */
function yearTarget(label: string, path: (year: string) => string, p95LimitMs: number): Target {
  return {
    label,
    path: path(yearEnding(0)),
    coldVariants: Array.from({ length: COLD_VARIANTS }, (_, i) => path(yearEnding(i + 1))),
    connections: 2, // a couple of quality managers at once
    p95LimitMs,
  };
}

/** #12 item 6: every view of the queue, 20 callers at once, p95 ≤ 20 ms. */
function queueTarget(view: string): Target {
  const path = (pageSize: number) => `/api/callbacks?view=${view}&pageSize=${pageSize}`;
  return {
    label: `callback queue, ${view}`,
    path: path(20),
    coldVariants: Array.from({ length: COLD_VARIANTS }, (_, i) => path(21 + i)),
    connections: 20,
    p95LimitMs: 20,
  };
}

export function coldTargets(): Target[] {
  return [
    yearTarget('summary, one year, all departments', (year) => `/api/indicators/summary?${year}`, 250),
    yearTarget('summary, one year, 内科', (year) => `/api/indicators/summary?${year}&departmentId=1`, 250),
    ...['wait-time', 'satisfaction', 'churn', 'follow-up'].map((name) =>
      yearTarget(`${name} by month, one year`, (year) => `/api/indicators/${name}?${year}&groupBy=month`, 250),
    ),
    ...CALLBACK_VIEWS.map(queueTarget),
  ];
}

/** Each endpoint: its cold requests one at a time, then a load run of `seconds` (see measure.ts). */
export async function runCold(baseUrl: string, token: string, seconds: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const target of coldTargets()) {
    process.stdout.write(`  ${target.label}…\n`);
    results.push(await measure(baseUrl, token, target, seconds));
  }
  return results;
}
