import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const CHUNK = 'export const chunk = "precompressed";';

/** A stand-in for the built client, so these checks do not depend on an Angular build. */
function fakeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huifang-client-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><hf-root></hf-root><script src="main-ABCDEFGH.js" type="module"></script></body></html>');
  writeFileSync(join(dir, 'main-ABCDEFGH.js'), 'console.log("client")');
  // A chunk with the build's Brotli copy (client/scripts/precompress.mjs); under @fastify/compress's
  // 1 kB threshold, so only the copy can make the answer compressed.
  writeFileSync(join(dir, 'chunk-ABCDEFGH.js'), CHUNK);
  writeFileSync(join(dir, 'chunk-ABCDEFGH.js.br'), brotliCompressSync(CHUNK));
  return dir;
}

function directives(headers: Headers): Map<string, string[]> {
  const csp = headers.get('content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every answer carries: pages, API JSON and errors alike. */
function expectSecurityHeaders(headers: Headers): void {
  const csp = directives(headers);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers.get('content-security-policy')).not.toContain('unsafe-eval');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  // Served over http here: no HSTS (see the https case below).
  expect(headers.get('strict-transport-security')).toBeNull();
}

describe.each(testDatabases())('security headers on %s', (database) => {
  let server: RunningServer;
  let clientDir: string;
  let anonymous: ApiClient;

  beforeAll(async () => {
    clientDir = fakeClientDir();
    server = await startServer(database, { HUIFANG_CLIENT_DIR: clientDir });
    anonymous = new ApiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it.each(['/', '/login', `/feedback/${'E'.repeat(43)}`])('protects the page %s (the survey form cannot be framed)', async (path) => {
    const page = await anonymous.get<string>(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('<hf-root>');
    expectSecurityHeaders(page.headers);
  });

  it("sends the build's Brotli copy of a script to a browser that takes it, cached as the script is", async () => {
    const compressed = await fetch(`${server.baseUrl}/chunk-ABCDEFGH.js`, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(compressed.headers.get('cache-control')).toContain('immutable');
    expectSecurityHeaders(compressed.headers);
    expect(await compressed.text()).toBe(CHUNK);

    const plain = await fetch(`${server.baseUrl}/chunk-ABCDEFGH.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(CHUNK);
  });

  it('protects scripts and the API, and keeps API answers out of caches', async () => {
    const script = await anonymous.get('/main-ABCDEFGH.js');
    expect(script.status).toBe(200);
    expectSecurityHeaders(script.headers);
    expect(script.headers.get('cache-control')).toContain('immutable');

    const health = await anonymous.get('/api/health');
    expect(health.status).toBe(200);
    expectSecurityHeaders(health.headers);
    expect(health.headers.get('cache-control')).toBe('no-store');

    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const me = await admin.get('/api/auth/me');
    expect(me.status).toBe(200);
    expectSecurityHeaders(me.headers);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const users = await admin.get('/api/users');
    expect(users.status).toBe(200);
    expect(users.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['no token', 'GET', '/api/users', undefined, 401],
    ['unknown route', 'GET', '/api/no-such-thing', undefined, 404],
    ['bad JSON', 'POST', '/api/auth/login', '{"username":', 400],
    ['validation error', 'POST', '/api/auth/login', '{}', 400],
  ])('puts the headers on error answers too (%s)', async (_name, method, path, rawBody, status) => {
    const answer = await anonymous.request<{ statusCode: number }>(method, path, rawBody === undefined ? undefined : {}, rawBody);
    expect(answer.status).toBe(status);
    expect(answer.body.statusCode).toBe(status);
    expectSecurityHeaders(answer.headers);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('security headers behind https', () => {
  it('sends HSTS when the public address is https', async () => {
    const server = await startServer('sqlite', { HUIFANG_PUBLIC_URL: 'https://huifang.example-hospital.cn' });
    try {
      const health = await new ApiClient(server.baseUrl).get('/api/health');
      expect(health.headers.get('strict-transport-security')).toMatch(/^max-age=31536000\b/);
    } finally {
      await server.stop();
    }
  });
});
