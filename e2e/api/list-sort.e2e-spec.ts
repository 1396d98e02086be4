import {
  CALLBACK_KINDS,
  DEMO_PASSWORD,
  LIFECYCLE_STAGES,
  ERROR_CODES,
  type ApiError,
  type CallbackItem,
  type Page,
  type PatientSummary,
  type SurveyResponseSummary,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';

type Value = string | number | null;
const PRIORITY_RANK: Record<string, number> = { high: 0, normal: 1, low: 2 };

/**
 * Fails with the first pair of neighbours out of order: by `value` (empty values last in either
 * direction), then by id in the same direction.
 */
function expectSorted<T extends { id: number }>(items: T[], value: (item: T) => Value, direction: 'asc' | 'desc'): void {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: T, b: T): number => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? sign * (a.id - b.id) : x === null ? 1 : -1;
    if (x !== y) return sign * (x < y ? -1 : 1);
    return sign * (a.id - b.id);
  };
  const wrong = items.findIndex((item, i) => i > 0 && compare(items[i - 1], item) > 0);
  expect(wrong === -1 ? null : [items[wrong - 1], items[wrong]]).toBeNull();
}

/** Two consecutive pages in one order, checked across the page break, without repeats. */
async function twoPages<T extends { id: number }>(client: ApiClient, path: string): Promise<T[]> {
  const [first, second] = await Promise.all(
    [1, 2].map((page) => client.get<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}pageSize=40&page=${page}`)),
  );
  expect([first.status, second.status]).toEqual([200, 200]);
  const items = [...first.body.items, ...second.body.items];
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  return items;
}

describe.each(testDatabases())('list sorting (?sort=) on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    server = await startDemoServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    desk = await anonymous.login('frontdesk', DEMO_PASSWORD);
    quality = await anonymous.login('quality', DEMO_PASSWORD);
  });
  afterAll(() => server?.stop());

  it.each([
    ['lastVisitOn', 'asc'],
    ['lastVisitOn', 'desc'],
    ['nextVisitDue', 'asc'],
    ['nextVisitDue', 'desc'],
    ['stage', 'asc'],
    ['stage', 'desc'],
  ] as const)('patients by %s %s, ties by id, empty dates last', async (key, direction) => {
    const items = await twoPages<PatientSummary>(desk, `/api/patients?sort=${direction === 'desc' ? '-' : ''}${key}`);
    expectSorted(items, (p) => (key === 'stage' ? LIFECYCLE_STAGES.indexOf(p.stage) : p[key]), direction);
    if (key !== 'stage') expect(new Set(items.map((p) => p[key])).size).toBeGreaterThan(1);
  });

  it('patients by name, ascending and descending', async () => {
    // Registered out of order, so neither id order matches the name order (lower-case ASCII: any collation agrees).
    const ids: Record<string, number> = {};
    for (const name of ['sortkeyc', 'sortkeya', 'sortkeyb']) ids[name] = (await registerPatient(desk, { name })).id;
    const path = (sort: string) => `/api/patients?q=sortkey&sort=${sort}`;
    const [asc, desc] = await Promise.all([desk.get<Page<PatientSummary>>(path('name')), desk.get<Page<PatientSummary>>(path('-name'))]);
    expect(asc.body.items.map((p) => p.id)).toEqual([ids['sortkeya'], ids['sortkeyb'], ids['sortkeyc']]);
    expect(desc.body.items.map((p) => p.id)).toEqual([ids['sortkeyc'], ids['sortkeyb'], ids['sortkeya']]);
  });

  it('patients by stage follow the lifecycle, not the spelling of the codes', async () => {
    // Alphabetically follow_up and rehabilitation would come before treatment.
    const moves: Record<string, string[]> = { stageorda: [], stageordb: ['treatment'], stageordc: ['treatment', 'rehabilitation'], stageordd: ['treatment', 'rehabilitation', 'follow_up'] };
    for (const [name, stages] of Object.entries(moves)) {
      const patient = await registerPatient(desk, { name });
      for (const to of stages) expect((await desk.post(`/api/patients/${patient.id}/transitions`, { to })).status).toBe(201);
    }
    const [asc, desc] = await Promise.all(['stage', '-stage'].map((sort) => desk.get<Page<PatientSummary>>(`/api/patients?q=stageord&sort=${sort}`)));
    expect(asc.body.items.map((p) => p.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(desc.body.items.map((p) => p.stage)).toEqual([...LIFECYCLE_STAGES].reverse());
  });

  it.each(['asc', 'desc'] as const)('the callback queue by kind %s follows the declared kinds, ties by id', async (direction) => {
    const items = await twoPages<CallbackItem>(desk, `/api/callbacks?view=overdue&sort=${direction === 'desc' ? '-' : ''}kind`);
    // The demo queue's first pages hold several kinds ascending (descending, the last kind fills them).
    if (direction === 'asc') expect(new Set(items.map((c) => c.kind)).size).toBeGreaterThan(1);
    expectSorted(items, (c) => CALLBACK_KINDS.indexOf(c.kind), direction);
  });

  it.each([
    ['dueAt', 'asc'],
    ['dueAt', 'desc'],
    ['priority', 'desc'],
  ] as const)('the callback queue by %s %s, ties by id', async (key, direction) => {
    const items = await twoPages<CallbackItem>(desk, `/api/callbacks?view=overdue&sort=${direction === 'desc' ? '-' : ''}${key}`);
    expectSorted(items, (c) => (key === 'priority' ? PRIORITY_RANK[c.priority] : c.dueAt), direction);
  });

  it.each([
    ['nps', 'desc'],
    ['nps', 'asc'],
    ['csat', 'asc'],
    ['submittedAt', 'asc'],
  ] as const)('survey responses by %s %s, ties by id, unanswered last', async (key, direction) => {
    const items = await twoPages<SurveyResponseSummary>(quality, `/api/survey-responses?sort=${direction === 'desc' ? '-' : ''}${key}`);
    expectSorted(items, (r) => r[key], direction);
  });

  it.each(['/api/patients?sort=phone', '/api/patients?sort=--name', '/api/callbacks?sort=patientName', '/api/survey-responses?sort=comment'])(
    'refuses an undeclared sort key with a 400 naming the field: %s', async (path) => {
    const client = path.startsWith('/api/survey') ? quality : desk;
    const response = await client.get<ApiError>(path);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ERROR_CODES.validation);
    expect(String(response.body.message)).toMatch(/^sort must be one of/);
  });
});
