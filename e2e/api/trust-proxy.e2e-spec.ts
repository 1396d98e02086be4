import type { AuditEntry, Page, Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { uniquePhone } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const LIMIT = 3;

/** One request as it arrives from a proxy (or from a client pretending to be one). */
async function fetchAs(server: RunningServer, forwardedFor: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'x-forwarded-for': forwardedFor };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const surveyPath = (i: number) => `/api/public/surveys/${'D'.repeat(42)}${i}`;

/** Registers a patient through `forwardedFor` and answers the address the audit log recorded for it. */
async function auditedAddress(server: RunningServer, forwardedFor: string): Promise<string | null> {
  const admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
  const created = await fetchAs(server, forwardedFor, '/api/patients', {
    token: admin.token,
    body: { name: '代理患者', phone: uniquePhone(), gender: 'male', birthDate: '1970-01-02' },
  });
  expect(created.status).toBe(201);
  const log = await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${(created.body as Patient).id}`);
  expect(log.body.items.map((e) => e.action)).toEqual(['patient.create']);
  return log.body.items[0].ip;
}

describe.each(testDatabases())('client address behind a proxy on %s', (database) => {
  describe('HUIFANG_TRUST_PROXY unset', () => {
    let server: RunningServer;
    beforeAll(async () => (server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: String(LIMIT) })));
    afterAll(() => server?.stop());

    it('ignores X-Forwarded-For: a client can neither dodge the rate limit nor choose its address in the audit log', async () => {
      const statuses = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push((await fetchAs(server, `198.51.100.${i + 1}`, surveyPath(i))).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);

      const ip = await auditedAddress(server, '203.0.113.66');
      expect(ip).toMatch(/127\.0\.0\.1/);
      expect(ip).not.toContain('203.0.113.66');
    });
  });

  describe.each(['1', '127.0.0.1'])('HUIFANG_TRUST_PROXY=%s', (setting) => {
    let server: RunningServer;
    beforeAll(
      async () => (server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: String(LIMIT), HUIFANG_TRUST_PROXY: setting })),
    );
    afterAll(() => server?.stop());

    it('gives each forwarded client its own rate-limit budget and records its address in the audit log', async () => {
      const first = [];
      for (let i = 0; i < LIMIT + 1; i++) first.push((await fetchAs(server, '198.51.100.7', surveyPath(i))).status);
      expect(first).toEqual([404, 404, 404, 429]);
      // Another patient behind the same proxy is not refused because of the first one.
      const second = [];
      for (let i = 0; i < LIMIT; i++) second.push((await fetchAs(server, '198.51.100.8', surveyPath(i))).status);
      expect(second).toEqual([404, 404, 404]);

      expect(await auditedAddress(server, '203.0.113.66')).toBe('203.0.113.66');
    });
  });
});
