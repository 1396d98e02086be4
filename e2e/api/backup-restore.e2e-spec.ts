import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { IndicatorSummary, Patient, SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { runMaintenance } from '../support/maintenance-commands';
import { finishedVisit, staffClient, uniquePhone } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, startServerOn, type RunningServer } from '../support/server-process';

const TABLES = ['patient', 'encounter', 'stage_transition', 'survey_invitation', 'survey_response', 'survey_answer', 'callback', 'audit_entry', 'staff_user'];

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

function patientIds(file: string): Set<number> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare('SELECT id FROM patient').all() as { id: number }[]).map((p) => p.id));
  } finally {
    db.close();
  }
}

describe('backup and restore of the SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huifang-backup-'));
  let server: RunningServer;
  let restored: RunningServer | undefined;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    server = await startServer('sqlite', { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    // Figures worth comparing: visits with waits, and feedback from a promoter, a passive and a detractor.
    for (const nps of [10, 8, 3]) {
      const { encounterId } = await finishedVisit(desk);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      const answers = [
        { questionId: 'csat', value: nps > 5 ? 5 : 1 },
        { questionId: 'nps', value: nps },
        { questionId: 'wait_time', value: 3 },
        { questionId: 'doctor_communication', value: 4 },
      ];
      expect((await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await restored?.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent database while registrations are in flight, refuses to restore over the running app, and restores to a working app with the same figures', async () => {
    const before = (await quality.get<IndicatorSummary>('/api/indicators/summary')).body;
    const file = (url: string) => url.slice('sqlite:'.length);

    // Four desks registering patients without pause, each success noted with when it was acknowledged.
    const acknowledged: { id: number; at: number }[] = [];
    let loading = true;
    const desks = Array.from({ length: 4 }, async () => {
      while (loading) {
        const response = await desk.post<Patient>('/api/patients', { name: '备份期间', phone: uniquePhone() });
        if (response.status === 201) acknowledged.push({ id: response.body.id, at: Date.now() });
        else throw new Error(`registration failed during the backup: ${response.status}`);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const backupFile = join(dir, 'huifang-backup.sqlite');
    const backupStarted = Date.now();
    const backup = await runMaintenance('backup', backupFile, server.databaseUrl);
    const backupEnded = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    loading = false;
    await Promise.all(desks);
    expect(backup.output).toMatch(/^backed up .* to .*huifang-backup\.sqlite/);
    expect(backup.code).toBe(0);

    // The copy holds every registration acknowledged before it started, and only acknowledged ones.
    const inBackup = patientIds(backupFile);
    const ackedBefore = acknowledged.filter((a) => a.at < backupStarted);
    const ackedAfter = acknowledged.filter((a) => a.at > backupEnded);
    expect(ackedBefore.length).toBeGreaterThan(0);
    expect(ackedAfter.length).toBeGreaterThan(0);
    for (const { id } of ackedBefore) expect(inBackup).toContain(id);
    const everyAcknowledged = new Set(acknowledged.map((a) => a.id));
    const registeredBeforeLoad = [...inBackup].filter((id) => !everyAcknowledged.has(id));
    expect(registeredBeforeLoad).toHaveLength(before.statusCounts ? Object.values(before.statusCounts).reduce((a, b) => a + b, 0) : 0);
    const backupCounts = rowCounts(backupFile);

    // Not over a running app: the database is open.
    const refused = await runMaintenance('restore', backupFile, server.databaseUrl);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is in use \(is Huifang running\?\): stop the server first/);
    expect((await desk.post('/api/patients', { name: '仍在运行', phone: uniquePhone() })).status).toBe(201);

    // Stopped: restore over the same file, start, and find the backup's data and figures.
    await server.stopKeepingDatabase();
    const done = await runMaintenance('restore', backupFile, server.databaseUrl);
    expect(done.output).toMatch(/^restored .* into /);
    expect(done.code).toBe(0);
    expect(rowCounts(file(server.databaseUrl))).toEqual(backupCounts);
    restored = await startServerOn('sqlite', { url: server.databaseUrl, drop: async () => undefined });
    const anonymous = new ApiClient(restored.baseUrl);
    const qualityAgain = await anonymous.login('quality', 'correct-horse-battery');
    const after = (await qualityAgain.get<IndicatorSummary>('/api/indicators/summary')).body;
    expect(after.headlines).toEqual(before.headlines);
    expect(after.overdueCallbacks).toBe(before.overdueCallbacks);
    const patientsAfter = Object.values(after.statusCounts).reduce((a, b) => a + b, 0);
    expect(patientsAfter).toBe(inBackup.size);
    const deskAgain = await anonymous.login('desk', 'correct-horse-battery');
    expect((await deskAgain.post('/api/patients', { name: '恢复之后', phone: uniquePhone() })).status).toBe(201);
    expect(rowCounts(file(server.databaseUrl)).patient).toBe(backupCounts.patient + 1);
    await restored.stopKeepingDatabase();
    restored = undefined;

    // Into a new location too, where no database was.
    const elsewhere = `sqlite:${join(dir, 'new-home', 'huifang.sqlite')}`;
    expect((await runMaintenance('restore', backupFile, elsewhere)).code).toBe(0);
    expect(rowCounts(file(elsewhere))).toEqual(backupCounts);
  });

  it('refuses to restore a file that is not a Huifang database, and to overwrite an existing backup', async () => {
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE note (text TEXT)');
    db.close();
    const target = `sqlite:${join(dir, 'target', 'huifang.sqlite')}`;
    const refused = await runMaintenance('restore', other, target);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is not a Huifang database \(no migrations, staff_user/);
    const missing = await runMaintenance('restore', join(dir, 'nothing.sqlite'), target);
    expect(missing.output).toMatch(/does not exist/);
    expect(missing.code).toBe(1);
    const existing = await runMaintenance('backup', other, `sqlite:${other}`);
    expect(existing.output).toMatch(/already exists; choose a new file name/);
    expect(existing.code).toBe(1);
    const usage = await runMaintenance('backup', other, 'postgres://postgres@127.0.0.1:5432/huifang');
    expect(usage.output).toMatch(/DATABASE_URL is PostgreSQL: use pg_dump/);
  });
});
