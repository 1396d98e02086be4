import { sign } from 'jsonwebtoken';
import { ROLES, type ApiError, type LoginResponse, type Role, type StaffUser } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { ACCESS_MATRIX, SIGNED_ROUTES, type Caller } from './access-matrix';

const SECRET = 'e2e-access-matrix-secret-for-signing-tokens';
const PASSWORD = 'correct-horse-battery';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Path parameters: ids that do not exist (so no request changes anything; an allowed caller gets a
 * 404 or 400 instead), and well-formed values elsewhere. Guards run before validation, so a refused
 * caller gets 401/403 whatever the parameters and body.
 */
const PATH_VALUES: Record<string, string> = {
  id: '987654',
  version: '1',
  name: 'wait-time',
  token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  key: 'no_such_theme',
  channel: 'sms',
  kind: 'no_such_kind',
  language: 'xx',
};

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], { requestBody?: unknown }>>>;
}

interface Route {
  key: string;
  method: string;
  path: string;
  hasBody: boolean;
}

/** Credentials that must count as nobody: each is refused with 401 wherever a token is needed. */
type BadToken = 'expired' | 'tampered signature' | 'tampered payload' | 'deactivated user' | 'no exp';

/** Changes one character in the middle of a token part (not the last: its low bits may be padding). */
function changeOneCharacter(part: string): string {
  const at = Math.floor(part.length / 2);
  return part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
}

function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = PATH_VALUES[name];
        if (!value) throw new Error(`no sample value for path parameter {${name}} of ${path}: add one to PATH_VALUES`);
        return value;
      }),
      hasBody: operations[method]?.requestBody !== undefined,
    })),
  );
}

describe.each(testDatabases())('access matrix on %s', (database) => {
  let server: RunningServer;
  let routes: Route[];
  const tokens = new Map<Caller | BadToken, string | undefined>();

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_TOKEN_SECRET: SECRET });
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const login = async (username: string, password = PASSWORD) =>
      (await anonymous.post<LoginResponse>('/api/auth/login', { username, password })).body.accessToken;

    tokens.set('anonymous', undefined);
    tokens.set('admin', admin.token);
    for (const role of ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin')) {
      expect((await admin.post('/api/users', { username: `matrix.${role}`, role, password: PASSWORD })).status).toBe(201);
      tokens.set(role, await login(`matrix.${role}`));
    }
    // An admin who left: the most powerful token there is, and it must open nothing.
    const leaver = await admin.post<StaffUser>('/api/users', { username: 'matrix.leaver', role: 'admin', password: PASSWORD });
    const leaverToken = await login('matrix.leaver');
    expect((await admin.patch(`/api/users/${leaver.body.id}`, { active: false })).status).toBe(200);
    tokens.set('deactivated user', leaverToken);

    const adminToken = admin.token as string;
    const claims = JSON.parse(Buffer.from(adminToken.split('.')[1], 'base64url').toString('utf8')) as Record<string, number>;
    const past = Math.floor(Date.now() / 1000) - 3600;
    tokens.set('expired', sign({ ...claims, iat: past - 60, exp: past }, SECRET, { algorithm: 'HS256' }));
    const { exp: _exp, ...withoutExp } = claims;
    tokens.set('no exp', sign(withoutExp, SECRET, { algorithm: 'HS256' }));
    const [header, payload, signature] = adminToken.split('.');
    tokens.set('tampered signature', `${header}.${payload}.${changeOneCharacter(signature)}`);
    tokens.set('tampered payload', `${header}.${changeOneCharacter(payload)}.${signature}`);

    const document = await anonymous.get<OpenApiDocument>('/api/docs/openapi.json');
    expect(document.status).toBe(200);
    routes = routesOf(document.body);
  });
  afterAll(() => server?.stop());

  it('has a matrix row for every route of the OpenAPI document, and no row for a route that is gone', () => {
    const documented = routes.map((route) => route.key).sort();
    const missing = documented.filter((key) => !(key in ACCESS_MATRIX));
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !documented.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(documented.length).toBeGreaterThan(40);
  });

  async function statusOf(route: Route, token: string | undefined): Promise<{ status: number; body: ApiError }> {
    const client = new ApiClient(server.baseUrl, token);
    const response = await client.request<ApiError>(route.method, route.path, route.hasBody ? {} : undefined);
    return { status: response.status, body: response.body };
  }

  it('lets each caller through exactly where the matrix allows it, on every route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const allowed = ACCESS_MATRIX[route.key] ?? [];
      for (const caller of ['anonymous', ...ROLES] as Caller[]) {
        const { status, body } = await statusOf(route, tokens.get(caller));
        const expected = allowed.includes(caller) ? 'allowed' : caller === 'anonymous' || SIGNED_ROUTES.has(route.key) ? 401 : 403;
        const refused = status === 401 || status === 403;
        // Allowed: any answer but a refusal, and never a server error.
        if (expected === 'allowed' ? refused || status >= 500 : status !== expected || body.code === undefined || body.requestId === undefined) {
          wrong.push(`${route.key} as ${caller}: ${status}, expected ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('treats an expired, tampered, unexpiring or deactivated user\'s token as no token at all', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const open = (ACCESS_MATRIX[route.key] ?? []).includes('anonymous');
      for (const bad of ['expired', 'tampered signature', 'tampered payload', 'deactivated user', 'no exp'] as BadToken[]) {
        const { status } = await statusOf(route, tokens.get(bad));
        if (open && !SIGNED_ROUTES.has(route.key) ? status === 401 || status === 403 : status !== 401) wrong.push(`${route.key} with ${bad} token: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
