import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '../support/databases';
import { runMaintenance } from '../support/maintenance-commands';
import { startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The rollups hold calendar days of the zone they were built in. A maintenance command run with
 * another HUIFANG_TIMEZONE than the servers' would write days of its own zone that the servers read
 * as theirs (server/src/indicators/rollups/rollup-zone.ts): it refuses and changes nothing.
 */
describe.each(testDatabases())('maintenance commands and the rollups’ time zone on %s', (database) => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    server = await startServer(database); // builds the rollups in Asia/Shanghai, the default zone
    dir = mkdtempSync(join(tmpdir(), 'huifang-zone-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const state = async () => runSql(server.databaseUrl, 'SELECT name, time_zone, built_at FROM rollup_state ORDER BY name');

  it('rollups:rebuild refuses another zone, and rebuilds in the servers’ zone', async () => {
    const before = await state();
    expect(before.length).toBeGreaterThan(0);

    const refused = await runMaintenance('rollups-rebuild', null, server.databaseUrl, { HUIFANG_TIMEZONE: 'Europe/Berlin' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('the indicator rollups of this database are in Asia/Shanghai, HUIFANG_TIMEZONE is Europe/Berlin');
    expect(await state()).toEqual(before);

    const rebuilt = await runMaintenance('rollups-rebuild', null, server.databaseUrl, { HUIFANG_TIMEZONE: 'Asia/Shanghai' });
    expect(rebuilt).toMatchObject({ code: 0 });
  });

  it('an import in another zone is refused before it reads a row', async () => {
    const file = join(dir, 'visits.csv');
    writeFileSync(file, '病历号,姓名,手机号,就诊号,科室,挂号时间\nP1,张三,13900000001,V1,内科,2026-11-02 08:00\n');
    const encounters = async () => Number(((await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM encounter')) as { n: number | string }[])[0]?.n);
    const before = await encounters();

    const refused = await runMaintenance('import', file, server.databaseUrl, { HUIFANG_TIMEZONE: 'America/New_York', HUIFANG_ADMIN_PASSWORD: 'unused-admin-password' });
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('import refused: the indicator rollups of this database are in Asia/Shanghai, HUIFANG_TIMEZONE is America/New_York');
    expect(await encounters()).toBe(before);
    expect((await state()).every((row) => (row as { time_zone: string }).time_zone === 'Asia/Shanghai')).toBe(true);
  });
});
