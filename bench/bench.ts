/*
 * `npm run bench [-- --scenario mixed|ceiling|cold|all] [--scale 1|10] [--db sqlite|postgres] [--fresh]`:
 * builds a large hospital's data set, starts the real app on a fresh copy of it and measures
 * - cold: each dashboard endpoint's cold requests and a load run, and every callback queue view at 20 clients;
 * - mixed: a working day at 3× a big hospital's peak for 60 s (desk, surveys, callbacks, dashboards at once);
 * - ceiling: 50 clients on the bare route, the public survey submit and check-in.
 * Prints the tables (and 1M against 10M, SQLite against PostgreSQL from earlier runs' results), writes
 * tmp/bench/results-<db>-<scale>m.json, and exits 1 when a target is missed. See bench/README.md.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { runCeiling, BARE, CHECK_IN, SUBMIT, CONNECTIONS } from './ceiling';
import { runCold } from './cold';
import { databaseTable, readFigures, resultsFile, scaleTable, type Figures } from './compare';
import { DIR, claimableCallbacks, prepare } from './data-set';
import type { Measurement } from './measure';
import { DASHBOARD, DESK, MIXED_RATES, runMixed } from './mixed';
import { parseOptions } from './options';
import { ceilingTable, checksTable, coldTable, latencyTable, ms, type Check } from './report';
import { ROOT, start, stop } from './server';
import { adminToken, startUpWorkDone } from './staff';
import { OpenLinks } from './workload';

const TARGETS = { dashboardP95: 150, deskP95: 50, submitPerSecond: 1000, submitP99: 100, ofBare: 0.4 };

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadBefore = loadavg();
  console.log('building the server…');
  execSync('npx nx run server:build --output-style=static', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  const data = await prepare(options.scale, options.db, options.fresh);
  const links = new OpenLinks(data.firstOpenLink, data.sizes.openLinks);
  const checks: Check[] = [];
  const figures: Figures = { db: options.db, scale: options.scale, date: new Date().toISOString(), loadAverage: [], coldDashboard: {}, queueP95: {} };
  const json: Record<string, unknown> = { options, sizes: data.sizes };
  const out: string[] = [];
  const print = (text: string) => {
    out.push(text);
    console.log(text);
  };

  const server = await start(data.databaseUrl);
  try {
    await startUpWorkDone(server.baseUrl, options.scale * 600_000);
    if (options.scenarios.includes('cold')) {
      console.log('cold: each endpoint one request at a time, then under load…');
      const cold = await runCold(server.baseUrl, await adminToken(server.baseUrl), options.seconds);
      json['cold'] = cold;
      coldChecks(cold, checks, figures);
      print(`\nCold paths and the callback queue (${options.seconds} s load run per row; the load run repeats one request, so its p95 is mostly the read cache)\n\n${coldTable(cold)}`);
    }
    if (options.scenarios.includes('mixed')) {
      console.log(`mixed: ${options.mixedSeconds} s working day…`);
      const { recorder, planned } = await runMixed({ baseUrl: server.baseUrl, seconds: options.mixedSeconds, links, callbacks: claimableCallbacks(options.scale, 2000), firstPatient: 1 });
      const dashboard = recorder.of(DASHBOARD).summary();
      const desk = recorder.of(DESK).summary();
      const errors = [...recorder.types.entries()].filter(([t]) => t !== DESK && t !== DASHBOARD && !t.endsWith('(all)')).reduce((n, [, s]) => n + s.errors, 0);
      figures.mixedDashboardP95 = dashboard.p95;
      figures.mixedDeskP95 = desk.p95;
      checks.push({ what: `mixed: dashboard p95 ≤ ${TARGETS.dashboardP95} ms`, passed: dashboard.p95 <= TARGETS.dashboardP95, detail: `${ms(dashboard.p95)} ms` });
      checks.push({ what: `mixed: desk writes p95 ≤ ${TARGETS.deskP95} ms`, passed: desk.p95 <= TARGETS.deskP95, detail: `${ms(desk.p95)} ms` });
      checks.push({ what: 'mixed: zero errors', passed: errors === 0, detail: String(errors) });
      json['mixed'] = { planned, rates: MIXED_RATES, types: Object.fromEntries([...recorder.types].map(([t, s]) => [t, s.summary()])) };
      const rates = `desk ${MIXED_RATES.deskEvents} events/s, surveys ${MIXED_RATES.surveys}/s, callback actions ${MIXED_RATES.callbackActions}/s, ${MIXED_RATES.qualityManagers} quality managers each opening a different dashboard view (5 requests) every ${MIXED_RATES.viewEverySeconds} s`;
      print(`\nMixed working day, ${options.mixedSeconds} s, open loop (latency from each request's scheduled time): ${rates}\n\n${latencyTable(recorder.types, { [DASHBOARD]: TARGETS.dashboardP95, [DESK]: TARGETS.deskP95 })}`);
    }
    if (options.scenarios.includes('ceiling')) {
      console.log('ceiling: 50 clients per route…');
      const { recorder, rows, warmUpErrors } = await runCeiling({ baseUrl: server.baseUrl, seconds: options.ceilingSeconds, links, firstPatient: 1_001, patients: data.sizes.patients - 1_000 });
      const perSecond = (type: string) => rows.find((r) => r.type === type)?.perSecond ?? NaN;
      const bare = perSecond(BARE);
      const submit = recorder.of(SUBMIT).summary();
      figures.submitPerSecond = perSecond(SUBMIT);
      figures.checkInPerSecond = perSecond(CHECK_IN);
      figures.barePerSecond = bare;
      checks.push({ what: `ceiling: survey submits ≥ ${TARGETS.submitPerSecond}/s`, passed: perSecond(SUBMIT) >= TARGETS.submitPerSecond, detail: `${perSecond(SUBMIT).toFixed(0)}/s` });
      checks.push({ what: `ceiling: survey submit p99 ≤ ${TARGETS.submitP99} ms`, passed: submit.p99 <= TARGETS.submitP99, detail: `${ms(submit.p99)} ms` });
      checks.push({ what: 'ceiling: zero non-2xx (incl. warm-up)', passed: submit.errors + recorder.of(CHECK_IN).errors + recorder.of(BARE).errors + warmUpErrors === 0, detail: String(submit.errors + recorder.of(CHECK_IN).errors + recorder.of(BARE).errors + warmUpErrors) });
      for (const type of [SUBMIT, CHECK_IN]) {
        const share = perSecond(type) / bare;
        checks.push({ what: `ceiling: ${type} ≥ ${TARGETS.ofBare * 100} % of the bare route`, passed: share >= TARGETS.ofBare, detail: `${(share * 100).toFixed(0)} %` });
      }
      json['ceiling'] = { connections: CONNECTIONS, rows, warmUpErrors, types: Object.fromEntries([...recorder.types].map(([t, s]) => [t, s.summary()])) };
      print(`\nWrite-path ceiling: ${CONNECTIONS} clients each, closed loop, ${options.ceilingSeconds} s per route after a 2 s warm-up\n\n${ceilingTable(rows, recorder.types, bare)}`);
    }
  } finally {
    await stop(server);
  }
  if (links.accepted + links.unanswered > 0) {
    // Every submit answered 2xx (mixed, ceiling and warm-ups) must be stored, and nothing else but
    // those left without an answer (given up on: the server may have stored them after all).
    const stored = await data.countOpenLinkResponses();
    const passed = stored >= links.accepted && stored <= links.accepted + links.unanswered;
    checks.push({ what: 'every 2xx survey submit is stored (and no refused one)', passed, detail: `${stored} stored; ${links.accepted} 2xx, ${links.unanswered} unanswered` });
    json['stored'] = { accepted: links.accepted, unanswered: links.unanswered, stored };
  }

  figures.loadAverage = loadavg();
  const machine = { nproc: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, cpu: cpus()[0]?.model, loadBefore, loadAfter: figures.loadAverage };
  comparisons(options.db, options.scale, figures, checks, print);
  print(`\nTargets (${options.db}, ${data.sizes.patients} patients / ${data.sizes.encounters} encounters)\n\n${checksTable(checks)}`);
  print(`\nmachine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${figures.loadAverage.map((l) => l.toFixed(2)).join(' ')}`);
  writeFileSync(resultsFile(DIR, options.db, options.scale), JSON.stringify({ machine, figures, checks, ...json, tables: out.join('\n') }, null, 2));
  const missed = checks.filter((c) => !c.passed);
  console.log(missed.length ? `\n${missed.length} target(s) missed` : '\nall targets met');
  process.exitCode = missed.length ? 1 : 0;
}

function coldChecks(cold: Measurement[], checks: Check[], figures: Figures): void {
  for (const row of cold) {
    if (row.label.startsWith('callback queue')) figures.queueP95[row.label] = row.p95;
    else figures.coldDashboard[row.label] = row.coldP50;
    checks.push({ what: `${row.label}: p95 ≤ ${row.p95LimitMs} ms at ${row.connections} clients, no errors`, passed: row.non2xx === 0 && row.requests > 0 && row.p95 <= row.p95LimitMs, detail: `${ms(row.p95)} ms, ${row.non2xx} errors` });
  }
}

/** 1M against 10M and SQLite against PostgreSQL, this run's figures with the latest other runs'. */
function comparisons(db: string, scale: number, current: Figures, checks: Check[], print: (text: string) => void): void {
  const figures = (d: string, s: number) => (d === db && s === scale ? current : readFigures(DIR, d, s));
  const small = figures(db, 1);
  const large = figures(db, 10);
  if (small && large) {
    const { text, checks: growth } = scaleTable(db, small, large);
    checks.push(...growth);
    print(`\n${text}`);
  } else print(`\n1M against 10M (${db}): no ${small ? '10M' : '1M'} results yet (run with --scale ${small ? 10 : 1})`);
  const sqlite = figures('sqlite', scale);
  const postgres = figures('postgres', scale);
  if (sqlite && postgres) print(`\n${databaseTable(scale, sqlite, postgres)}`);
  else print(`\nSQLite against PostgreSQL (${scale}M): no ${sqlite ? 'PostgreSQL' : 'SQLite'} results yet (run with --db ${sqlite ? 'postgres' : 'sqlite'})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
