import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../core/config/app-config';
import { describePass, RelationshipService } from './relationship.service';

/*
 * `npm run relationship:pass [-- --force]`: the day's relationship pass (every patient's phase, value
 * and CLV worked out; snapshots; the months' migration) on DATABASE_URL, as a running server does it
 * once a day, and its stages' times. `--force` runs it even when one finished today (after a bulk load,
 * or to measure it: the full recompute of issue #14's benchmark). Safe beside running servers: the
 * pass is leased (one at a time) and its writes are idempotent.
 */
async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const unknown = argv.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    process.stderr.write(`unknown option ${unknown[0]}\nusage: npm run relationship:pass [-- --force]\n`);
    return 2;
  }
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { cli: true }), { logger: ['error', 'warn'] });
  try {
    if (force) await app.get(DataSource).query(`UPDATE relationship_state SET computed_on = '', lease_until = NULL WHERE id = 1`);
    const summary = await app.get(RelationshipService).runPass();
    process.stdout.write(summary ? `relationship pass for ${describePass(summary)}\n` : 'the day’s pass has run already, or another instance is running it (use --force to run it again)\n');
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`huifang: relationship:pass failed: ${error.message}\n`);
    process.exit(1);
  },
);
