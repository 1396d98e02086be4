/*
 * What the monthly assessment report costs (issue #15): the real server (build it first) on a copy of
 * the benchmark's data set, one department and the whole hospital, measured over HTTP:
 * - generation (JSON): `POST /api/reports/assessment/regenerate` for three closed months, each
 *   worked out afresh from the indicator queries and stored;
 * - PDF: the stored report rendered as HTML and printed by the server's headless Chromium;
 * - Excel: the stored report as a workbook.
 * `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register bench/report-cost.ts --file tmp/bench/huifang-bench-1m.sqlite`
 * (a copy is made: the server writes). Not part of `npm run bench`; prints a table and the load average.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, ROOT, start, stop } from './server';

const ZONE = 'Asia/Shanghai';
const RUNS = 3;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const began = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - began;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms (n = ${ms.length})`;
}

async function main(): Promise<void> {
  const source = option('file') ?? join(ROOT, 'tmp', 'bench', 'huifang-bench-1m.sqlite');
  if (!existsSync(source)) throw new Error(`no data set at ${source}: generate it with npm run bench first`);
  const dir = mkdtempSync(join(tmpdir(), 'huifang-report-cost-'));
  const copy = join(dir, 'huifang.sqlite');
  copyFileSync(source, copy);
  const server = await start(`sqlite:${copy}`);
  try {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const current = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()).slice(0, 7);
    // Until the start-up has built the rollups, the report answers 503: wait for it.
    for (let i = 0; ; i++) {
      const probe = await fetch(`${server.baseUrl}/api/reports/assessment?month=${current}`, { headers });
      await probe.arrayBuffer();
      if (probe.ok) break;
      if (i > 600) throw new Error(`the report still answers ${probe.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    // The start-up's work (the day's relationship pass, then the schedule storing last month's reports)
    // holds SQLite's write lock for a while: measure after it, and report how long the schedule took.
    const departments = ((await (await fetch(`${server.baseUrl}/api/departments`, { headers })).json()) as unknown[]).length;
    const lastMonth = shiftMonth(current, -1);
    let scheduled: { generatedAt: string }[] = [];
    for (let i = 0; scheduled.length < departments + 1; i++) {
      if (i > 900) throw new Error('the schedule did not store last month’s reports in 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const archive = (await (await fetch(`${server.baseUrl}/api/reports/assessment/archive`, { headers })).json()) as { items: { month: string; generatedAt: string }[] };
      scheduled = archive.items.filter((item) => item.month === lastMonth);
    }
    const times = scheduled.map((item) => Date.parse(item.generatedAt)).sort((a, b) => a - b);
    const rows: [string, string][] = [
      [`schedule: ${scheduled.length} reports of ${lastMonth}`, `${Math.round(((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000)} s from the first stored to the last`],
    ];
    for (const [label, departmentId] of [
      ['one department (1)', 1],
      ['whole hospital', null],
    ] as const) {
      const months = Array.from({ length: RUNS }, (_, i) => shiftMonth(current, -2 - i));
      const json: number[] = [];
      for (const month of months) {
        json.push(await timed(() => fetch(`${server.baseUrl}/api/reports/assessment/regenerate`, { method: 'POST', headers, body: JSON.stringify({ month, departmentId }) })));
      }
      const query = (format: string) => `month=${months[0]}${departmentId === null ? '' : `&departmentId=${departmentId}`}&format=${format}`;
      const pdf: number[] = [];
      const xlsx: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        pdf.push(await timed(() => fetch(`${server.baseUrl}/api/reports/assessment?${query('pdf')}`, { headers })));
        xlsx.push(await timed(() => fetch(`${server.baseUrl}/api/reports/assessment?${query('xlsx')}`, { headers })));
      }
      rows.push([`${label}: generate (JSON, stored)`, summary(json)], [`${label}: PDF of the stored report`, summary(pdf)], [`${label}: Excel of the stored report`, summary(xlsx)]);
    }
    const width = Math.max(...rows.map(([name]) => name.length));
    process.stdout.write(`assessment report cost on ${source} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
    for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
