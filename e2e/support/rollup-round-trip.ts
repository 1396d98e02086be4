import { runMaintenance } from './maintenance-commands';

export interface RoundTrip<Rows> {
  /** The last write of the sequence, made behind the app's back: left in the journal. */
  writeLast(): Promise<void>;
  /** A write through the app: its commit folds the journals. */
  appWrite(): Promise<void>;
  /** What the dashboard answers. */
  figures(): Promise<unknown>;
  /** The rollup rows (and anything else the rebuild must reproduce). */
  rollupRows(): Promise<Rows>;
  /** More checks on the folded rollup before it is rebuilt. */
  afterFold?(incremental: Rows): Promise<void>;
}

/**
 * The core of the rollup property tests: the figures read the same with a change still in the
 * journal, once folded, and after `npm run rollups:rebuild`, whose rows equal the incremental ones.
 * Returns the incremental rows (so the caller can check they were not empty).
 */
export async function expectFoldAndRebuildAgree<Rows>(databaseUrl: string, steps: RoundTrip<Rows>): Promise<Rows> {
  await steps.writeLast();
  const withJournal = await steps.figures();
  await steps.appWrite();
  const incremental = await steps.rollupRows();
  await steps.afterFold?.(incremental);
  const folded = await steps.figures();
  const rebuilt = await runMaintenance('rollups-rebuild', null, databaseUrl);
  expect(rebuilt.output).toMatch(/rebuilt the indicator rollups/);
  expect(rebuilt.code).toBe(0);
  expect(await steps.rollupRows()).toEqual(incremental);
  await steps.appWrite();
  expect(await steps.figures()).toEqual(folded);
  expect(folded).toEqual(withJournal);
  return incremental;
}
