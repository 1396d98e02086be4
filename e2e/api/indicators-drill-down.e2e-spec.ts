import { type ApiError, type AuditEntry, type DrillDownRow, type Page } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/*
 * Drill-down lists sort on their columns (server-side, stable from page to page) and export every
 * row of their segment as CSV in the user's language, audited per patient; on both databases.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONE = 'Asia/Shanghai';
const now = Date.now();
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const daysAgo = (days: number) => dayOf(now - days * DAY);
const WEEK = `from=${daysAgo(6)}&to=${daysAgo(0)}`;

/** Seven visits (name, wait minutes, days ago): two pairs of equal waits, so ties must keep one order. */
const VISITS: [name: string, wait: number, ago: number][] = [
  ['Chen', 40, 3],
  ['Adams', 12, 2],
  ['Baker', 40, 4],
  ['Evans', 5, 3],
  ['Diaz', 12, 3],
  ['Fox', 90, 2],
  ['Gao', 33, 4],
];

/** Reads a CSV download's bytes: a BOM, then CRLF lines. */
async function csvLines(server: RunningServer, client: ApiClient, path: string): Promise<{ bom: number[]; lines: string[]; disposition: string | null }> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    bom: [...bytes.subarray(0, 3)],
    lines: bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== ''),
    disposition: response.headers.get('content-disposition'),
  };
}

describe.each(testDatabases())('drill-down sort and CSV export on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  const patientIds: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    for (const [name, wait, ago] of VISITS) {
      const patient = await registerPatient(desk, { name });
      patientIds[name] = patient.id;
      const checkedInAt = now - ago * DAY;
      const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 1, checkedInAt: new Date(checkedInAt).toISOString() });
      expect(checkIn.status).toBe(201);
      expect((await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(checkedInAt + wait * MINUTE).toISOString() })).status).toBe(200);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  const list = async (query: string) => {
    const response = await quality.get<Page<DrillDownRow>>(`/api/indicators/wait-time/patients?${WEEK}&${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Every row, fetched two at a time: sorting must hold across pages, ties included. */
  const allPages = async (sort: string) => {
    const rows: DrillDownRow[] = [];
    for (let page = 1; page <= 4; page++) rows.push(...(await list(`sort=${sort}&pageSize=2&page=${page}`)).items);
    return rows;
  };

  it('sorts on the value both ways, ties in one order from page to page', async () => {
    const ascending = await allPages('value');
    expect(ascending.map((row) => row.value)).toEqual([5, 12, 12, 33, 40, 40, 90]);
    expect(new Set(ascending.map((row) => row.refId)).size).toBe(VISITS.length);
    // Equal waits: the later day first, as the default order has it.
    expect(ascending.slice(1, 3).map((row) => row.patientName)).toEqual(['Adams', 'Diaz']);
    expect(ascending.slice(4, 6).map((row) => row.patientName)).toEqual(['Chen', 'Baker']);

    const descending = await allPages('-value');
    expect(descending.map((row) => row.value)).toEqual([90, 40, 40, 33, 12, 12, 5]);
    expect(descending.slice(1, 3).map((row) => row.patientName)).toEqual(['Chen', 'Baker']);
  });

  it('sorts on the patient and the day; the default stays newest first', async () => {
    expect((await allPages('patient')).map((row) => row.patientName)).toEqual(['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fox', 'Gao']);
    expect((await allPages('-patient')).map((row) => row.patientName)).toEqual(['Gao', 'Fox', 'Evans', 'Diaz', 'Chen', 'Baker', 'Adams']);
    const byDay = (await allPages('on')).map((row) => row.on);
    expect(byDay).toEqual([...byDay].sort());
    const newest = (await list('pageSize=100')).items.map((row) => row.on);
    expect(newest).toEqual([...newest].sort().reverse());
  });

  it('refuses an unknown sort, naming the field with a typed code', async () => {
    const response = await quality.get<ApiError>(`/api/indicators/wait-time/patients?${WEEK}&sort=phone`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    expect(JSON.stringify(response.body.message)).toContain('sort must be one of the following values');
    expect((await quality.get(`/api/indicators/wait-time/patients.csv?${WEEK}&lang=fr`)).status).toBe(400);
    // The CSV has every row: it takes no page.
    expect((await quality.get(`/api/indicators/wait-time/patients.csv?${WEEK}&page=2`)).status).toBe(400);
  });

  it('exports every row of the segment (not one page) as CSV, headers in the user\'s language, audited per patient', async () => {
    const zh = await csvLines(server, quality, `/api/indicators/wait-time/patients.csv?${WEEK}&segment=over_threshold&sort=-value&lang=zh`);
    expect(zh.bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(zh.disposition).toBe(`attachment; filename="wait-time-over_threshold_${daysAgo(6)}_${daysAgo(0)}.csv"`);
    expect(zh.lines[0]).toBe('患者编号,患者,电话,科室,日期,等候（分钟）,阶段,状态,记录编号');
    // Over 30 minutes: Fox 90, Chen 40, Baker 40, Gao 33 — all four, in the order asked for.
    expect(zh.lines.slice(1).map((line) => line.split(',')[1])).toEqual(['Fox', 'Chen', 'Baker', 'Gao']);
    expect(zh.lines[1]).toMatch(new RegExp(`^${patientIds['Fox']},Fox,1\\d{2}\\*{4}\\d{4},[^,]+,${daysAgo(2)},90,初诊,正常,\\d+$`));

    const en = await csvLines(server, quality, `/api/indicators/wait-time/patients.csv?${WEEK}&lang=en`);
    expect(en.lines[0]).toBe('Patient ID,Patient,Phone,Department,Date,Wait (min),Stage,Status,Record ID');
    expect(en.lines).toHaveLength(1 + VISITS.length);
    expect(en.lines[1]).toContain(',First visit,Active,');

    for (const name of ['Fox', 'Chen', 'Baker', 'Gao']) {
      const trail = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patientIds[name]}&pageSize=100`)).body.items;
      expect(trail.some((entry) => entry.action === 'indicators.export' && entry.actor?.username === 'quality')).toBe(true);
    }
  });

  it('exports the patients of a lifecycle-flow link the same way', async () => {
    expect((await desk.post(`/api/patients/${patientIds['Adams']}/transitions`, { to: 'treatment' })).status).toBe(201);
    const csv = await csvLines(server, quality, `/api/indicators/lifecycle-flow/patients.csv?${WEEK}&fromStage=first_visit&toStage=treatment&lang=zh`);
    expect(csv.lines).toHaveLength(2);
    expect(csv.lines[0]).toBe('患者编号,患者,电话,科室,日期,数值,阶段,状态,记录编号');
    expect(csv.lines[1]).toMatch(new RegExp(`^${patientIds['Adams']},Adams,.*,治疗,正常,\\d+$`));
  });

  it('writes the series CSV headers in the language asked for', async () => {
    const zh = await csvLines(server, quality, `/api/indicators/wait-time.csv?${WEEK}&groupBy=month&lang=zh`);
    expect(zh.lines[0]).toBe('月份,就诊人次,平均等候（分钟）,等候中位数（分钟）,等候 P90（分钟）,超时人次,超时占比 %');
    const en = await csvLines(server, quality, `/api/indicators/wait-time.csv?${WEEK}&groupBy=month&lang=en`);
    expect(en.lines[0]).toBe('Month,Visits,Mean wait (min),Median wait (min),P90 wait (min),Over threshold,Over threshold %');
  });

  it('keeps the exports to quality managers and admins', async () => {
    expect((await desk.get(`/api/indicators/wait-time/patients.csv?${WEEK}`)).status).toBe(403);
    expect((await desk.get(`/api/indicators/lifecycle-flow/patients.csv?${WEEK}&fromStage=first_visit&toStage=treatment`)).status).toBe(403);
    expect((await admin.get(`/api/indicators/wait-time/patients.csv?${WEEK}`)).status).toBe(200);
  });
});
