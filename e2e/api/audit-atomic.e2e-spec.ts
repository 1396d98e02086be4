import type { Department, FollowUpRule, StaffUser, SurveyTemplate } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const PASSWORD = 'correct-horse-battery';

/** A trigger that makes every audit insert fail, standing in for any failure of the audit write. */
const REFUSE_AUDIT = {
  sqlite: {
    create: [`CREATE TRIGGER e2e_refuse_audit BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`],
    drop: ['DROP TRIGGER e2e_refuse_audit'],
  },
  postgres: {
    create: [
      `CREATE FUNCTION e2e_refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER e2e_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION e2e_refuse_audit()`,
    ],
    drop: ['DROP TRIGGER e2e_refuse_audit ON audit_entry', 'DROP FUNCTION e2e_refuse_audit()'],
  },
};

/**
 * A change and its audit entry commit together or not at all: a change without its audit entry
 * would be an untraceable change to staff accounts or settings.
 */
describe.each(testDatabases())('audit entries in the change transaction on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => server?.stop());

  async function withAuditFailing(work: () => Promise<void>): Promise<void> {
    for (const sql of REFUSE_AUDIT[database].create) await runSql(server.databaseUrl, sql);
    try {
      await work();
    } finally {
      for (const sql of REFUSE_AUDIT[database].drop) await runSql(server.databaseUrl, sql);
    }
  }

  it('rolls back user, department, rule and template changes whose audit entry fails', async () => {
    const user = (await admin.post<StaffUser>('/api/users', { username: 'audited.user', role: 'front_desk', password: PASSWORD })).body;
    const rulesBefore = (await admin.get<FollowUpRule[]>('/api/follow-up-rules')).body;
    const [template] = (await admin.get<SurveyTemplate[]>('/api/survey-templates')).body;
    const templatesBefore = (await admin.get<SurveyTemplate[]>('/api/survey-templates')).body;

    await withAuditFailing(async () => {
      expect((await admin.post('/api/users', { username: 'unaudited.user', role: 'admin', password: PASSWORD })).status).toBe(500);
      expect((await admin.patch(`/api/users/${user.id}`, { role: 'admin', displayName: 'Changed' })).status).toBe(500);
      expect((await admin.post('/api/departments', { code: 'unaudited', name: '无审计科', nameEn: 'Unaudited' })).status).toBe(500);
      const [first] = rulesBefore;
      const rules = [{ key: first.key, enabled: !first.enabled, offset: first.offset + 1 }];
      expect((await admin.request('PUT', '/api/follow-up-rules', { rules })).status).toBe(500);
      const questions = template.versions[0].questions;
      expect((await admin.post('/api/survey-templates', { name: { zh: '无审计', en: 'Unaudited' }, questions })).status).toBe(500);
      expect((await admin.post(`/api/survey-templates/${template.id}/versions`, { questions })).status).toBe(500);
    });

    const users = (await admin.get<StaffUser[]>('/api/users')).body;
    expect(users.map((u) => u.username)).not.toContain('unaudited.user');
    expect(users.find((u) => u.id === user.id)).toMatchObject({ role: 'front_desk', displayName: 'audited.user' });
    expect((await admin.get<Department[]>('/api/departments')).body.map((d) => d.code)).not.toContain('unaudited');
    expect((await admin.get<FollowUpRule[]>('/api/follow-up-rules')).body).toEqual(rulesBefore);
    expect((await admin.get<SurveyTemplate[]>('/api/survey-templates')).body).toEqual(templatesBefore);
  });

  it('writes the audit entry with the change when the audit works', async () => {
    const created = await admin.post<StaffUser>('/api/users', { username: 'audited.again', role: 'front_desk', password: PASSWORD });
    expect(created.status).toBe(201);
    expect((await admin.patch(`/api/users/${created.body.id}`, { displayName: 'Renamed' })).status).toBe(200);
    const rows = await runSql(
      server.databaseUrl,
      `SELECT action FROM audit_entry WHERE entity_type = 'staff_user' AND entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(rows).toEqual([{ action: 'user.create' }, { action: 'user.update' }]);
  });
});
