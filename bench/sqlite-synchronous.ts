/**
 * What `synchronous = FULL` costs against NORMAL in WAL mode, per committed write transaction of the
 * size the API makes (a row and its audit row). Run: `SWC_NODE_PROJECT=bench/tsconfig.json node -r
 * @swc-node/register bench/sqlite-synchronous.ts [transactions]` (files under tmp/, on the disk the
 * app's data/ directory lives on). See docs/SECURITY.md, "Durability".
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const TRANSACTIONS = Number(process.argv[2] ?? 2000);
const dir = join(__dirname, '..', 'tmp', 'bench-synchronous');

function measure(synchronous: 'NORMAL' | 'FULL'): number[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, `${synchronous}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE patient (id INTEGER PRIMARY KEY, name TEXT, phone TEXT); CREATE TABLE audit (id INTEGER PRIMARY KEY, action TEXT, entity_id INTEGER)');
  const insertPatient = db.prepare('INSERT INTO patient (name, phone) VALUES (?, ?)');
  const insertAudit = db.prepare('INSERT INTO audit (action, entity_id) VALUES (?, ?)');
  const write = db.transaction((i: number) => insertAudit.run('patient.create', insertPatient.run(`患者${i}`, `139${String(i).padStart(8, '0')}`).lastInsertRowid));
  const times: number[] = [];
  for (let i = 0; i < TRANSACTIONS; i++) {
    const started = process.hrtime.bigint();
    write(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return times.sort((a, b) => a - b);
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(3);
for (const mode of ['NORMAL', 'FULL'] as const) {
  const times = measure(mode);
  const total = times.reduce((a, b) => a + b, 0);
  process.stdout.write(`WAL + synchronous=${mode}: ${TRANSACTIONS} transactions, ${(TRANSACTIONS / (total / 1000)).toFixed(0)}/s, p50 ${at(times, 50)} ms, p95 ${at(times, 95)} ms, p99 ${at(times, 99)} ms\n`);
}
