import { loadConfig } from '../../core/config/app-config';
import { beginSqliteTransactionsImmediately } from '../../core/database/sqlite-begin-immediate';
import { commandDataSource } from '../../indicators/rollups/rollup-zone';
import { retagStaleComments } from './retag';

/*
 * `npm run themes:retag`: tags again, on DATABASE_URL, every survey comment tagged by another
 * version of the tagger (or never: comments stored before tagging existed), in batches of short
 * transactions, so it is safe while servers run. Resumable: stopped and started again, it goes on
 * with what is still stale. Run it after deploying a release whose tagger changed (new lexicons,
 * model or themes), or after an admin changed the themes while no server could re-tag (the server
 * that takes the change starts the same job itself): see docs/INSIGHTS.md.
 */
const PROGRESS_EVERY = 20_000;

async function main(): Promise<string> {
  const config = loadConfig();
  const dataSource = commandDataSource(config);
  await dataSource.initialize();
  try {
    if (config.database.kind !== 'postgres') beginSqliteTransactionsImmediately(dataSource);
    const began = Date.now();
    let reported = 0;
    const done = await retagStaleComments(
      dataSource,
      (work) => dataSource.transaction(work),
      ({ retagged }) => {
        if (retagged - reported < PROGRESS_EVERY) return;
        reported = retagged;
        process.stdout.write(`  ${retagged} comments re-tagged (${Math.round((Date.now() - began) / 1000)} s)\n`);
      },
    );
    const ms = Date.now() - began;
    const rate = done.retagged && ms ? ` (${Math.round((done.retagged * 1000) / ms)} comments/s)` : '';
    return `re-tagged ${done.retagged} comments with tagger ${done.version} in ${ms} ms${rate}`;
  } finally {
    await dataSource.destroy();
  }
}

main()
  .then((message) => process.stdout.write(`${message}\n`))
  .catch((error: Error) => {
    process.stderr.write(`huifang: themes:retag failed: ${error.message}\n`);
    process.exit(1);
  });
