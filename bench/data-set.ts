import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { generate, sizes, type Sizes } from './generate-data';
import type { BenchDatabase } from './options';
import { loadIntoPostgres } from './postgres-load';
import { ROOT, start, stop } from './server';

export const DIR = join(ROOT, 'tmp', 'bench');
/** The server that holds the benchmark's PostgreSQL databases (the project's local one). */
const POSTGRES = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

/** What a generated file holds, kept beside it: a later run reuses the file when this matches. */
interface Marker {
  scale: number;
  sizes: Sizes;
  generatedAt: string;
  /** The first open link (`benchToken(id)` for this id and the next `sizes.openLinks - 1`). */
  firstOpenLink: number;
}

export interface DataSet {
  scale: 1 | 10;
  sizes: Sizes;
  firstOpenLink: number;
  /** The database the server under test runs on: a fresh copy of the generated data for every run. */
  databaseUrl: string;
  /** Survey responses stored through the open links (after a run: one per 2xx submit). */
  countOpenLinkResponses(): Promise<number>;
}

const label = (scale: number) => `${scale}m`;
const pristineFile = (scale: number) => join(DIR, `huifang-bench-${label(scale)}.sqlite`);
const markerFile = (scale: number) => `${pristineFile(scale)}.json`;
const pristinePostgres = (scale: number) => (scale === 1 ? 'huifang_bench' : `huifang_bench_${label(scale)}`);
const RUN_POSTGRES = 'huifang_bench_run';

function readMarker(scale: number): Marker | null {
  if (!existsSync(pristineFile(scale)) || !existsSync(markerFile(scale))) return null;
  const marker = JSON.parse(readFileSync(markerFile(scale), 'utf8')) as Marker;
  return JSON.stringify(marker.sizes) === JSON.stringify(sizes(scale)) ? marker : null;
}

/** The generated SQLite file: built once (migrated by the app, then bulk-inserted), reused while its sizes match. */
async function pristine(scale: 1 | 10, fresh: boolean): Promise<Marker> {
  mkdirSync(DIR, { recursive: true });
  const existing = fresh ? null : readMarker(scale);
  if (existing) {
    console.log(`reusing ${pristineFile(scale)} (generated ${existing.generatedAt}; --fresh to rebuild)`);
    return existing;
  }
  const file = pristineFile(scale);
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${file}${suffix}`, { force: true });
  console.log('migrating an empty database…');
  await stop(await start(`sqlite:${file}`));
  const counts = sizes(scale);
  console.log(`generating ${counts.patients} patients, ${counts.encounters} encounters, ${counts.responses} responses, ${counts.callbacks} callbacks…`);
  const began = Date.now();
  const { firstOpenLink } = generate(file, counts);
  console.log(`data set built in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  const marker: Marker = { scale, sizes: counts, generatedAt: new Date().toISOString(), firstOpenLink };
  writeFileSync(markerFile(scale), JSON.stringify(marker, null, 2));
  return marker;
}

async function admin<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${POSTGRES}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: the same generated rows, loaded with COPY into a database the app migrated, once per
 * generated file; every run then works on a copy made with CREATE DATABASE … TEMPLATE (fast, file level).
 */
async function postgresCopy(scale: 1 | 10, marker: Marker, fresh: boolean): Promise<string> {
  const name = pristinePostgres(scale);
  const loadedFrom = await admin('postgres', async (client) => {
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (!exists) return null;
    const comment = await client.query('SELECT shobj_description(oid, \'pg_database\') AS c FROM pg_database WHERE datname = $1', [name]);
    return (comment.rows[0] as { c: string | null }).c;
  });
  if (fresh || loadedFrom !== marker.generatedAt) {
    await admin('postgres', async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    });
    console.log(`migrating PostgreSQL database ${name}…`);
    await stop(await start(`${POSTGRES}/${name}`));
    const began = Date.now();
    await admin(name, (client) => loadIntoPostgres(pristineFile(scale), client, console.log));
    console.log(`loaded into PostgreSQL in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    await admin('postgres', (client) => client.query(`COMMENT ON DATABASE ${name} IS '${marker.generatedAt}'`));
  } else {
    console.log(`reusing PostgreSQL database ${name} (loaded from the file generated ${marker.generatedAt})`);
  }
  await admin('postgres', async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${RUN_POSTGRES} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${RUN_POSTGRES} TEMPLATE ${name}`);
  });
  return `${POSTGRES}/${RUN_POSTGRES}`;
}

export async function prepare(scale: 1 | 10, db: BenchDatabase, fresh: boolean): Promise<DataSet> {
  const marker = await pristine(scale, fresh);
  const countSql = 'SELECT COUNT(*) AS n FROM survey_response WHERE invitation_id >= ';
  if (db === 'postgres') {
    const databaseUrl = await postgresCopy(scale, marker, fresh);
    return {
      scale,
      sizes: marker.sizes,
      firstOpenLink: marker.firstOpenLink,
      databaseUrl,
      countOpenLinkResponses: () => admin(RUN_POSTGRES, async (client) => Number((await client.query(`${countSql}$1`, [marker.firstOpenLink])).rows[0].n)),
    };
  }
  // Each run writes (check-ins, surveys, calls): it gets a fresh copy, so every run starts from the same data.
  const run = join(DIR, `run-${label(scale)}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${run}${suffix}`, { force: true });
  copyFileSync(pristineFile(scale), run);
  return {
    scale,
    sizes: marker.sizes,
    firstOpenLink: marker.firstOpenLink,
    databaseUrl: `sqlite:${run}`,
    countOpenLinkResponses: async () => {
      const file = new Database(run, { readonly: true });
      try {
        return (file.prepare(`${countSql}?`).get(marker.firstOpenLink) as { n: number }).n;
      } finally {
        file.close();
      }
    },
  };
}

/** Callbacks a caller can claim right now (pending, due), read from the generated file: the same ids on both databases. */
export function claimableCallbacks(scale: number, limit: number): number[] {
  const file = new Database(pristineFile(scale), { readonly: true });
  try {
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const rows = file.prepare("SELECT id FROM callback WHERE status = 'pending' AND due_at <= ? ORDER BY due_at DESC LIMIT ?").all(now, limit) as { id: number }[];
    return rows.map((r) => r.id);
  } finally {
    file.close();
  }
}
