import fc from 'fast-check';
import type { SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { bodyFor, pathValue, queryValue } from '../support/fuzz/arbitraries';
import { routesOf, type OpenApiDocument, type Route } from '../support/fuzz/openapi-routes';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { changedTables, openSnapshotReader, type SnapshotReader, type TableSnapshot } from '../support/table-checksum';

/**
 * Property-based fuzzing of every route in the OpenAPI document (so routes added later are covered):
 * generated bodies, path ids and query strings, as admin, other roles and anonymous. Never a 5xx,
 * every error in the API's shape, and a refused write changes no row of any table.
 * FUZZ_SEED and FUZZ_RUNS override the fixed seed and the runs per route.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);
const WRITE_RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);
const READ_RUNS = Math.max(5, Math.round(WRITE_RUNS / 2));
/** Names, phone numbers and hashes the fixtures store: none may ever appear in the server's output. */
const FIXTURE_NAME = '模糊测试患者';
const FIXTURE_PHONE = '13611112222';

interface Sent {
  status: number;
  body: unknown;
  contentType: string;
}

function describeCase(route: Route, url: string, role: string, text: string | undefined): string {
  return `${route.method} ${url} as ${role} with ${text === undefined ? 'no body' : text.slice(0, 300)}`;
}

/**
 * The API's error shape (API.md): statusCode, error, message, code. A FHIR route asked for FHIR
 * (`_format=application/fhir+json`, which the generator may pick) answers with a pure
 * OperationOutcome instead, by design (server/src/fhir/fhir-outcome.ts).
 */
function hasErrorShape(sent: Sent): boolean {
  const body = sent.body as Record<string, unknown> | undefined;
  if (sent.contentType.includes('application/fhir+json')) {
    return typeof body === 'object' && body !== null && body['resourceType'] === 'OperationOutcome' && Array.isArray(body['issue']) && body['issue'].length > 0;
  }
  return (
    sent.contentType.includes('application/json') &&
    typeof body === 'object' &&
    body !== null &&
    body['statusCode'] === sent.status &&
    typeof body['error'] === 'string' &&
    (typeof body['message'] === 'string' || Array.isArray(body['message'])) &&
    typeof body['code'] === 'string'
  );
}

describe.each(testDatabases())('fuzzing every route on %s', (database) => {
  let server: RunningServer;
  let reader: SnapshotReader;
  let doc: OpenApiDocument;
  const clients: Record<string, ApiClient> = {};
  const validPathValues: Record<string, string[]> = {};
  const counts = { cases: 0, refused: 0, succeeded: 0 };
  /** Statuses per route, printed with FUZZ_VERBOSE=1 (to see which routes the generators reach past validation). */
  const statuses: Record<string, Record<number, number>> = {};

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'fuzz.desk', 'front_desk');
    const quality = await staffClient(admin, anonymous, 'fuzz.quality', 'quality_manager');
    Object.assign(clients, { admin, desk, quality, anonymous, forged: anonymous.withToken('eyJhbGciOiJIUzI1NiJ9.e30.forged') });
    // A few real rows, so generated ids and tokens reach the services, not only "not found".
    await registerPatient(desk, { name: FIXTURE_NAME, phone: FIXTURE_PHONE, note: '过敏史' });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { encounterId } = await finishedVisit(desk);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      tokens.push(invitation.body.token);
    }
    await desk.post('/api/callbacks', { patientId: 1, dueAt: new Date(Date.now() + 86_400_000).toISOString(), kind: 'manual' });
    Object.assign(validPathValues, { id: ['2', '3', '4', '5'], token: tokens, name: ['wait-time', 'satisfaction', 'churn', 'follow-up'] });
    doc = (await anonymous.get<OpenApiDocument>('/api/docs/openapi.json')).body;
    reader = await openSnapshotReader(server.databaseUrl);
  }, 120_000);

  afterAll(async () => {
    process.stdout.write(
      `fuzz on ${database}: ${counts.cases} cases (${counts.refused} refused, ${counts.succeeded} succeeded), seed ${SEED}\n`,
    );
    if (process.env['FUZZ_VERBOSE']) process.stdout.write(`${JSON.stringify(statuses, null, 1)}\n`);
    await reader?.close();
    await server?.stop();
  });

  /** Pick a client: mostly admin (passes the role checks), sometimes other roles, anonymous or a forged token. */
  const roleArbitrary = fc.oneof(
    { weight: 6, arbitrary: fc.constant('admin') },
    { weight: 1, arbitrary: fc.constantFrom('desk', 'quality') },
    { weight: 1, arbitrary: fc.constantFrom('anonymous', 'forged') },
  );

  async function send(role: string, method: string, url: string, text: string | undefined): Promise<Sent> {
    const headers: Record<string, string> = {};
    const token = clients[role].token;
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (text !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.baseUrl}${url}`, { method, headers, body: text, signal: AbortSignal.timeout(20_000) });
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // not JSON: hasErrorShape fails for errors
    }
    return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
  }

  function urlArbitrary(route: Route, withQuery: boolean): fc.Arbitrary<string> {
    const params = route.pathParams.map((param) => pathValue(param.name, validPathValues).map((value) => [param.name, value] as const));
    const query = withQuery
      ? fc.tuple(
          ...route.queryParams.map((param) =>
            fc.option(queryValue(param.name, param.schema), { freq: 2, nil: undefined }).map((value) => [param.name, value] as const),
          ),
          fc.option(fc.tuple(fc.constantFrom('page', 'pageSize', 'unknown', 'from', 'to'), queryValue('x', undefined)), { freq: 4, nil: undefined }),
        )
      : fc.constant([] as const);
    return fc.tuple(fc.tuple(...params), query).map(([pathValues, queryValues]) => {
      let url = route.path;
      for (const [name, value] of pathValues) url = url.replace(`{${name}}`, encodeURIComponent(value));
      const search = new URLSearchParams();
      for (const entry of queryValues as readonly unknown[]) {
        if (!entry) continue;
        const [name, value] = entry as readonly [string, string | undefined];
        if (value !== undefined) search.append(name, value);
      }
      const qs = search.toString();
      return qs ? `${url}?${qs}` : url;
    });
  }

  function tally(route: Route, role: string, status: number): void {
    const key = `${route.method} ${route.path} ${role === 'admin' ? 'admin' : 'other'}`;
    statuses[key] ??= {};
    statuses[key][status] = (statuses[key][status] ?? 0) + 1;
  }

  let baseline: TableSnapshot;

  it('answers every generated write with < 500, the error shape, and no change when refused', async () => {
    const { writes } = routesOf(doc);
    expect(writes.length).toBeGreaterThan(15);
    for (const [index, route] of writes.entries()) {
      // Fresh tokens per route: a generated PATCH may have changed a user's role or password.
      clients['admin'] = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
      baseline = await reader.snapshot();
      await fc.assert(
        fc.asyncProperty(roleArbitrary, urlArbitrary(route, false), bodyFor(route.body), async (role, url, body) => {
          const sent = await send(role, route.method, url, body.text);
          counts.cases += 1;
          tally(route, role, sent.status);
          const label = describeCase(route, url, role, body.text);
          expect([label, sent.status < 500]).toEqual([label, true]);
          const after = await reader.snapshot();
          if (sent.status >= 400) {
            counts.refused += 1;
            expect([label, hasErrorShape(sent)]).toEqual([label, true]);
            expect([label, changedTables(baseline, after)]).toEqual([label, []]);
          } else {
            counts.succeeded += 1;
          }
          baseline = after;
        }),
        // A seed per route (printed on failure), so routes do not all get the same sequence of cases.
        { seed: SEED + index, numRuns: WRITE_RUNS, endOnFailure: true },
      );
    }
  }, 600_000);

  it('answers every generated query string of the read routes with < 500 and the error shape', async () => {
    const { reads } = routesOf(doc);
    clients['admin'] = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
    for (const [index, route] of reads.entries()) {
      await fc.assert(
        fc.asyncProperty(roleArbitrary, urlArbitrary(route, true), async (role, url) => {
          const sent = await send(role, 'GET', url, undefined);
          counts.cases += 1;
          tally(route, role, sent.status);
          const label = describeCase(route, url, role, undefined);
          expect([label, sent.status < 500]).toEqual([label, true]);
          if (sent.status >= 400) expect([label, hasErrorShape(sent)]).toEqual([label, true]);
        }),
        { seed: SEED + 1000 + index, numRuns: READ_RUNS, endOnFailure: true },
      );
    }
  }, 600_000);

  it('is still healthy, and logged no personal data and no stack overflow', async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    const output = server.output();
    expect(output).not.toContain(FIXTURE_PHONE);
    expect(output).not.toContain(FIXTURE_NAME);
    expect(output).not.toContain('$argon2');
    expect(output).not.toMatch(/PARAMETERS|Maximum call stack/);
    // Validation, not the database, must refuse bad values: the exception filter would answer them
    // with 400, but a value reaching a NOT NULL/CHECK constraint or a type's range is a missing check.
    const badValueCodes = output.match(/"code":"(22\w{3}|23502|23514|SQLITE_CONSTRAINT_(NOTNULL|CHECK)|SQLITE_MISMATCH|SQLITE_TOOBIG)"/g) ?? [];
    expect(badValueCodes).toEqual([]);
  });
});
