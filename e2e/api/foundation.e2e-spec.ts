import { once } from 'node:events';
import { connect } from 'node:net';
import type { ApiError, HealthResponse, LivenessResponse } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/**
 * The server answers 413 as soon as it sees Content-Length and closes the connection; a client that
 * goes on writing gets EPIPE or a reset that can swallow the answer. So this client sends the head
 * and the first part of the body, and waits for the answer.
 */
async function postOversized(baseUrl: string, path: string, body: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => undefined); // EPIPE / ECONNRESET once the server has answered: expected
  const closed = once(socket, 'close');
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
  );
  // The first 64 kB of the body; the server must refuse on the declared length without reading the rest.
  socket.write(body.slice(0, 64 * 1024));
  await closed;
  const [head, ...rest] = received.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') };
}

describe.each(testDatabases())('foundation on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    anonymous = new ApiClient(server.baseUrl);
  });
  afterAll(() => server?.stop());

  it('reports health and the database kind', async () => {
    const response = await anonymous.get<HealthResponse>('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers liveness without the database, with nothing but the status', async () => {
    const response = await anonymous.get<LivenessResponse>('/api/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document generated from the controllers, and its UI', async () => {
    const doc = await anonymous.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/me', '/api/users', '/api/users/{id}', '/api/departments']),
    );
    const ui = await anonymous.get<string>('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API routes with a JSON 404 in the API shape', async () => {
    const response = await anonymous.get<ApiError>('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof response.body.requestId).toBe('string');
  });

  it('refuses malformed JSON with 400 and a 10 MB body with 413, never 500', async () => {
    const malformed = await anonymous.request<ApiError>('POST', '/api/auth/login', undefined, '{"username": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.statusCode).toBe(400);

    const huge = JSON.stringify({ username: 'admin', password: 'x'.repeat(10 * 1024 * 1024) });
    const tooLarge = await postOversized(server.baseUrl, '/api/auth/login', huge);
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('refuses an unknown field in a body with 400 naming it', async () => {
    const response = await anonymous.post<ApiError>('/api/auth/login', { username: 'admin', password: 'x', isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.arrayContaining(['property isAdmin should not exist']));
    expect(response.body.code).toBe('validation.failed');
    expect(response.body.params).toEqual({ fields: ['isAdmin'] });
  });

  it('gives every error a typed code that follows its status unless the feature names one', async () => {
    expect((await anonymous.get<ApiError>('/api/auth/me')).body.code).toBe('auth.token_missing');
    expect((await anonymous.get<ApiError>('/api/no-such-route')).body.code).toBe('not_found');
    expect((await anonymous.request<ApiError>('POST', '/api/auth/login', undefined, '{')).body.code).toBe('request.invalid');
  });

  it('never leaks a stack trace, SQL or a file path in an error', async () => {
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const responses = await Promise.all([
      admin.patch('/api/users/abc', { active: false }),
      admin.patch('/api/users/99999999999999999999', { active: false }),
      admin.post('/api/users', { username: 'x'.repeat(10_000), role: 'admin', password: 'long-enough-password' }),
      anonymous.request('POST', '/api/auth/login', undefined, '[1,2,3]'),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/at \w+ \(|SELECT|INSERT|\/work\/|node_modules|QueryFailedError/);
    }
  });
});
