import { runMaintenance } from './maintenance-commands';
import { holdFolders, journalBacklog, journalsFolded } from './rollup-folder';

export interface RoundTrip<Rows> {
  /** The sequence's writes, through the app and behind its back, ending with a write through the app. */
  writeFirst(): Promise<void>;
  /** The last write of the sequence, made behind the app's back: left in the journal. */
  writeLast(): Promise<void>;
  /** A write through the app: SQLite folds the journals before it commits; it empties the read cache. */
  appWrite(): Promise<void>;
  /** What the dashboard answers. */
  figures(): Promise<unknown>;
  /** The rollup rows (and anything else the rebuild must reproduce). */
  rollupRows(): Promise<Rows>;
  /** More checks on the folded rollup before it is rebuilt. */
  afterFold?(incremental: Rows): Promise<void>;
}

let unfolded = 0;

/** Journal rows the figures were read with, not yet folded, over the round trips so far (PostgreSQL). */
export const unfoldedRowsRead = () => unfolded;

/**
 * The core of the rollup property tests: the figures read the same with changes still in the
 * journal, once folded, and after `npm run rollups:rebuild`, whose rows equal the incremental ones.
 * On PostgreSQL the background folders are held off during the writes, so the figures are first read
 * with the whole sequence's journal rows unfolded, those written through the app included; then the
 * folders are let go and the test waits for them to empty the journals.
 * Returns the incremental rows (so the caller can check they were not empty).
 */
export async function expectFoldAndRebuildAgree<Rows>(databaseUrl: string, steps: RoundTrip<Rows>): Promise<Rows> {
  const postgres = !databaseUrl.startsWith('sqlite:');
  const held = await holdFolders(databaseUrl);
  let withJournal: unknown;
  try {
    await steps.writeFirst();
    await steps.writeLast();
    if (postgres) {
      await steps.appWrite(); // empties the read cache; its journal rows stay unfolded too
      unfolded += await journalBacklog(databaseUrl);
    }
    withJournal = await steps.figures();
  } finally {
    await held.release();
  }
  await steps.appWrite();
  await journalsFolded(databaseUrl);
  const incremental = await steps.rollupRows();
  await steps.afterFold?.(incremental);
  const folded = await steps.figures();
  const rebuilt = await runMaintenance('rollups-rebuild', null, databaseUrl);
  expect(rebuilt.output).toMatch(/rebuilt the indicator rollups/);
  expect(rebuilt.code).toBe(0);
  expect(await steps.rollupRows()).toEqual(incremental);
  await steps.appWrite();
  await journalsFolded(databaseUrl);
  expect(await steps.figures()).toEqual(folded);
  expect(folded).toEqual(withJournal);
  return incremental;
}
