import fc from 'fast-check';
import {
  driversFromCounts,
  npsBandName,
  waitBandOf,
  FFT_DONT_KNOW_CODE,
  FFT_NEGATIVE_CODES,
  FFT_POSITIVE_MAX,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  type DriverCounts,
  type DriversAnswer,
  type IndicatorSeries,
  type IndicatorSummary,
  type SurveyInvitation,
  type SurveyTemplate,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { expectFoldAndRebuildAgree, unfoldedRowsRead } from '../support/rollup-round-trip';

/*
 * The satisfaction rollups (server/src/indicators/rollups/survey-rollup.ts, rating-rollup.ts) kept from
 * their journals equals the one rebuilt from the responses and invitations after any sequence of
 * writes: through the API (invite, submit with random NPS, CSAT and ratings, erase a patient) and
 * behind its back (SQL backdating invitations, moving a response to another day, department or
 * template, changing or clearing its scores, changing a rating, deleting it, as a loader would). The satisfaction
 * series and headlines read the same with changes still in the journal (on PostgreSQL all of the
 * sequence's, the background folders held off), folded, and after
 * `npm run rollups:rebuild` (needs the server build), and agree with counts taken from the rows
 * themselves. The drivers' counts (driver-rollup.ts) ride along: submits carry comments (themed,
 * or tagged without a theme), visits' waits change or go behind the app's back, comments lose their
 * tags as an erasure removes them; the drivers read from the rollup equal the figures worked out of
 * the source rows, by period (cutting weeks and months) and department.
 * ROLLUP_SEED / ROLLUP_RUNS override the seed and runs.
 */
const SEED = Number(process.env['ROLLUP_SEED'] ?? 20261202);
const RUNS = Number(process.env['ROLLUP_RUNS'] ?? 5);
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONE = 'Asia/Shanghai';
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
/** Asia/Shanghai has no daylight saving time. */
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

type Action =
  | { t: 'invite'; department: number; submit: boolean; nps: number; csat: number; rating: number; comment: string | null }
  | { t: 'submit'; link: number; nps: number; csat: number; rating: number; comment: string | null }
  | { t: 'erase'; link: number }
  | Outside;
type Outside =
  | { t: 'backdate'; link: number; minutesAgo: number }
  | { t: 'moveResponse'; link: number; daysAgo: number; department: number }
  | { t: 'retemplate'; link: number }
  | { t: 'rescore'; link: number; nps: number | null; csat: number | null; fft: number | null }
  | { t: 'rerate'; link: number; rating: number }
  | { t: 'deleteResponse'; link: number }
  | { t: 'rewait'; link: number; seconds: number | null }
  | { t: 'untag'; link: number };

/** Comments the tagger gives themes (waiting, parking, staff attitude…), and one tagged without a theme. */
const COMMENTS = ['排队太久了，等了两个小时', 'The wait was far too long and the car park was full.', '护士态度很好，环境也干净', '还行'];
const score = {
  nps: fc.integer({ min: 0, max: 10 }),
  csat: fc.integer({ min: 1, max: 5 }),
  rating: fc.integer({ min: 1, max: 5 }),
  comment: fc.option(fc.constantFrom(...COMMENTS), { nil: null }),
};
const outside: fc.Arbitrary<Outside> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('backdate' as const), link: fc.nat(), minutesAgo: fc.integer({ min: 1, max: 40 * 1440 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('moveResponse' as const), link: fc.nat(), daysAgo: fc.integer({ min: 0, max: 40 }), department: fc.constantFrom(1, 2, 3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('retemplate' as const), link: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('rescore' as const),
      link: fc.nat(),
      nps: fc.option(score.nps, { nil: null }),
      csat: fc.option(score.csat, { nil: null }),
      // An FFT answer (1-6), as an imported response carries one.
      fft: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rerate' as const), link: fc.nat(), rating: score.rating }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteResponse' as const), link: fc.nat() }) },
  // Wait bands' edges (15, 30, 60 min) and none.
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('rewait' as const), link: fc.nat(), seconds: fc.option(fc.constantFrom(0, 899, 900, 1799, 1800, 3599, 3600, 7200), { nil: null }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('untag' as const), link: fc.nat() }) },
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('invite' as const), department: fc.constantFrom(1, 2, 3), submit: fc.boolean(), ...score }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('submit' as const), link: fc.nat(), ...score }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('erase' as const), link: fc.nat() }) },
  { weight: 4, arbitrary: outside },
);

interface Link {
  invitationId: number;
  encounterId: number;
  token: string;
  patientId: number;
}

describe.each(testDatabases())('satisfaction rollup on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  let anonymous: ApiClient;
  const links: Link[] = [];
  let sentinel = 0;
  /** The published version of a second template, where `retemplate` moves a response and its link. */
  let otherVersionId = 0;
  const templateIds: number[] = [];
  const sqlTime = (instant: number) => (database === 'sqlite' ? new Date(instant).toISOString().replace('T', ' ').replace('Z', '') : new Date(instant).toISOString());
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'survey.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'survey.quality', 'quality_manager');
    const current = (await admin.get<SurveyTemplate[]>('/api/survey-templates')).body[0] as SurveyTemplate;
    const questions = current.versions[current.versions.length - 1]?.questions;
    const other = await admin.post<SurveyTemplate>('/api/survey-templates', { name: { zh: '第二份问卷', en: 'Second survey' }, questions });
    expect(other.status).toBe(201);
    expect((await admin.post(`/api/survey-templates/${other.body.id}/versions/1/publish`)).status).toBe(200);
    otherVersionId = (await admin.get<SurveyTemplate>(`/api/survey-templates/${other.body.id}`)).body.versions[0]?.id as number;
    templateIds.push(current.id, other.body.id);
    const patient = await registerPatient(desk);
    sentinel = (await desk.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 300 * DAY).toISOString(), kind: 'manual' })).body.id;
  }, 120_000);
  afterAll(() => server?.stop());

  /** A write through the app touching no satisfaction figure: empties the read cache (and on SQLite folds the journals). */
  async function appWrite(): Promise<void> {
    expect((await desk.post(`/api/callbacks/${sentinel}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${sentinel}/release`)).status).toBe(200);
  }

  async function submit(link: Link, scores: { nps: number; csat: number; rating: number; comment: string | null }): Promise<void> {
    const answers = [
      { questionId: 'csat', value: scores.csat },
      { questionId: 'nps', value: scores.nps },
      { questionId: 'wait_time', value: scores.rating },
      { questionId: 'doctor_communication', value: 6 - scores.rating },
    ];
    // 201, or refused: already answered, expired (a backdated or revoked link), patient erased.
    const comment = scores.comment === null ? {} : { comment: scores.comment, language: /[a-z]/.test(scores.comment) ? 'en' : 'zh' };
    expect((await anonymous.post(`/api/public/surveys/${link.token}`, { answers, ...comment })).status).toBeLessThan(500);
  }

  async function apply(step: Action): Promise<void> {
    if (step.t === 'invite') {
      const { patient, encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, step.department);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      const link = { invitationId: invitation.body.id, encounterId, token: invitation.body.token, patientId: patient.id };
      links.push(link);
      if (step.submit) await submit(link, step);
      return;
    }
    if (links.length === 0) return;
    const link = links[step.link % links.length] as Link;
    const response = `(SELECT id FROM survey_response WHERE invitation_id = ${link.invitationId})`;
    switch (step.t) {
      case 'submit':
        return submit(link, step);
      case 'erase':
        expect((await admin.post(`/api/patients/${link.patientId}/erase`, { reason: 'patient_request' })).status).toBe(200);
        return;
      case 'backdate': {
        const created = Date.now() - step.minutesAgo * MINUTE;
        await sql('UPDATE survey_invitation SET created_at = $1, expires_at = $2 WHERE id = $3', [sqlTime(created), sqlTime(created + 14 * DAY), link.invitationId]);
        return;
      }
      case 'moveResponse':
        await sql('UPDATE survey_response SET submitted_on = $1, department_id = $2 WHERE invitation_id = $3', [dayOf(Date.now() - step.daysAgo * DAY), step.department, link.invitationId]);
        return;
      case 'retemplate':
        await sql('UPDATE survey_response SET template_version_id = $1 WHERE invitation_id = $2', [otherVersionId, link.invitationId]);
        await sql('UPDATE survey_invitation SET template_version_id = $1 WHERE id = $2', [otherVersionId, link.invitationId]);
        return;
      case 'rescore':
        await sql('UPDATE survey_response SET nps = $1, csat = $2, fft = $3 WHERE invitation_id = $4', [step.nps, step.csat, step.fft, link.invitationId]);
        return;
      case 'rerate':
        await sql(`UPDATE survey_answer SET value_number = $1 WHERE question_id = 'wait_time' AND response_id = ${response}`, [step.rating]);
        return;
      case 'deleteResponse':
        await sql(`DELETE FROM callback_attempt WHERE callback_id IN (SELECT id FROM callback WHERE survey_response_id = ${response})`);
        await sql(`DELETE FROM callback WHERE survey_response_id = ${response}`);
        await sql(`DELETE FROM survey_answer WHERE response_id = ${response}`);
        await sql('DELETE FROM survey_response WHERE invitation_id = $1', [link.invitationId]);
        return;
      case 'rewait':
        await sql('UPDATE encounter SET wait_seconds = $1 WHERE id = $2', [step.seconds, link.encounterId]);
        return;
      case 'untag':
        await sql(`DELETE FROM response_theme WHERE response_id = ${response}`);
        await sql('UPDATE survey_response SET comment_sentiment = NULL WHERE invitation_id = $1', [link.invitationId]);
        return;
    }
  }

  async function rollupRows(): Promise<unknown[]> {
    const keys = ['day', 'department_id', 'template_id', 'dimension'];
    // Rows whose figures all came back to 0 may stay in the incremental rollup: not a difference.
    const nonZero = (rows: unknown[]) =>
      rows
        .map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, keys.includes(k) ? v : Number(v)])))
        .filter((row) => Object.entries(row).some(([k, v]) => !keys.includes(k) && v !== 0));
    const daily = await sql('SELECT * FROM survey_daily ORDER BY day, department_id, template_id');
    const ratings = await sql('SELECT * FROM survey_rating_daily ORDER BY day, department_id, template_id, dimension');
    const journals = await sql(
      'SELECT (SELECT COUNT(*) FROM survey_rollup_journal) + (SELECT COUNT(*) FROM survey_rating_journal) + (SELECT COUNT(*) FROM driver_count_journal) AS n',
    );
    const drivers = (await sql('SELECT * FROM driver_count WHERE n <> 0 ORDER BY span, department_id, first_day, kind, label, x, y')).map((row) => ({
      ...(row as Record<string, unknown>),
      n: Number((row as Record<string, unknown>)['n']),
    }));
    return [nonZero(daily), nonZero(ratings), Number((journals[0] as { n: number | string }).n), drivers];
  }

  const period = () => ({ from: dayOf(Date.now() - 45 * DAY), to: dayOf(Date.now() + 1 * DAY) });

  /** Every satisfaction figure of the dashboard over the days written to. */
  async function figures(): Promise<unknown[]> {
    const { from, to } = period();
    const range = `from=${from}&to=${to}`;
    const reads = ['day', 'week', 'month', 'department'].map((groupBy) => `/api/indicators/satisfaction?${range}&groupBy=${groupBy}`);
    reads.push(`/api/indicators/satisfaction?${range}&groupBy=week&departmentId=2`);
    for (const templateId of templateIds) reads.push(`/api/indicators/satisfaction?${range}&groupBy=month&templateId=${templateId}`);
    reads.push(`/api/indicators/summary?${range}`, `/api/indicators/summary?${range}&departmentId=3`);
    for (const scope of driverScopes()) reads.push(driversPath(scope));
    const bodies: unknown[] = [];
    for (const path of reads) {
      const response = await quality.get<IndicatorSummary>(path);
      expect(response.status).toBe(200);
      const { nps, csat, responseRate } = response.body.headlines ?? {};
      bodies.push(path.includes('summary') ? { nps, csat, responseRate } : response.body);
    }
    return bodies;
  }

  /** The period's totals counted from the responses and invitations themselves, and as the series by department adds them up. */
  async function totalsFromRows(): Promise<unknown[]> {
    const { from, to } = period();
    const [responses] = (await sql(
      `SELECT COUNT(*) AS n, COUNT(nps) AS nps_n, SUM(CASE WHEN nps >= ${NPS_PROMOTER_MIN} THEN 1 ELSE 0 END) AS promoters,
              SUM(CASE WHEN nps <= ${NPS_DETRACTOR_MAX} THEN 1 ELSE 0 END) AS detractors, COUNT(csat) AS csat_n,
              COUNT(fft) AS fft_n, SUM(CASE WHEN fft <= ${FFT_POSITIVE_MAX} THEN 1 ELSE 0 END) AS fft_positive,
              SUM(CASE WHEN fft IN (${FFT_NEGATIVE_CODES.join(', ')}) THEN 1 ELSE 0 END) AS fft_negative,
              SUM(CASE WHEN fft = ${FFT_DONT_KNOW_CODE} THEN 1 ELSE 0 END) AS fft_dont_know
         FROM survey_response WHERE submitted_on BETWEEN $1 AND $2`,
      [from, to],
    )) as Record<string, unknown>[];
    const [invitations] = (await sql(
      `SELECT COUNT(*) AS n, COUNT(r.id) AS answered FROM survey_invitation i LEFT JOIN survey_response r ON r.invitation_id = i.id
        WHERE i.created_at >= $1 AND i.created_at < $2`,
      [sqlTime(startOfDay(from)), sqlTime(startOfDay(to) + DAY)],
    )) as Record<string, unknown>[];
    const rows = { ...responses, invitations: invitations?.['n'], answered: invitations?.['answered'] };
    const fromRows = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v ?? 0)]));
    const series = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?from=${from}&to=${to}&groupBy=department`)).body;
    const sum = (pick: (p: (typeof series.points)[number]) => number) => series.points.reduce((total, p) => total + pick(p), 0);
    const fromSeries = {
      n: sum((p) => p.n),
      nps_n: sum((p) => p.nps.n),
      promoters: sum((p) => p.nps.promoters),
      detractors: sum((p) => p.nps.detractors),
      csat_n: sum((p) => p.csat.n),
      fft_n: sum((p) => p.fft.n),
      fft_positive: sum((p) => p.fft.positive),
      fft_negative: sum((p) => p.fft.negative),
      fft_dont_know: sum((p) => p.fft.dontKnow),
      invitations: sum((p) => p.invitations),
      answered: sum((p) => p.answered),
    };
    return [fromRows, fromSeries];
  }

  /** Periods of the drivers (two reads, to keep the test fast): one cutting weeks and months, and one department's. */
  function driverScopes(): { from: string; to: string; departmentId: number | null }[] {
    const { from, to } = period();
    return [
      { from: dayOf(Date.now() - 33 * DAY), to: dayOf(Date.now() - 2 * DAY), departmentId: null },
      { from, to, departmentId: 2 },
    ];
  }
  const driversPath = ({ from, to, departmentId }: { from: string; to: string; departmentId: number | null }) =>
    `/api/indicators/drivers?from=${from}&to=${to}${departmentId === null ? '' : `&departmentId=${departmentId}`}`;

  /** The drivers' counts taken from the source rows (bands applied here, by shared/), as the query read them before the rollup. */
  async function driverCountsFromRows({ from, to, departmentId }: { from: string; to: string; departmentId: number | null }): Promise<DriverCounts> {
    const scoped = (alias: string) => `${alias}.submitted_on BETWEEN $1 AND $2 ${departmentId === null ? '' : `AND ${alias}.department_id = ${departmentId}`}`;
    const rows = async (text: string) => (await sql(text, [from, to])) as Record<string, unknown>[];
    const n = (value: unknown) => (value === null ? null : Number(value));
    const summed = new Map<string, { key: string[]; count: number }>();
    const add = (key: string[], count: number) => {
      const entry = summed.get(key.join('|')) ?? { key, count: 0 };
      entry.count += count;
      summed.set(key.join('|'), entry);
    };
    for (const row of await rows(`SELECT r.nps, COUNT(*) AS c FROM survey_response r WHERE ${scoped('r')} AND r.comment_sentiment IS NOT NULL AND r.nps IS NOT NULL GROUP BY r.nps`)) {
      add(['commented', npsBandName(n(row['nps'])) as string], Number(row['c']));
    }
    const names = new Map<string, [string, string]>();
    for (const row of await rows(
      `SELECT t.theme_key, c.name_zh, c.name_en, t.nps, COUNT(*) AS c FROM response_theme t JOIN comment_theme c ON c.key = t.theme_key
        WHERE ${scoped('t')} AND t.nps IS NOT NULL GROUP BY 1, 2, 3, 4`,
    )) {
      names.set(String(row['theme_key']), [String(row['name_zh']), String(row['name_en'])]);
      add(['theme', String(row['theme_key']), npsBandName(n(row['nps'])) as string], Number(row['c']));
    }
    const ratings = await rows(
      `SELECT a.dimension, a.value_number AS rating, r.nps, COUNT(*) AS c FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
        WHERE ${scoped('r')} AND a.kind = 'rating' AND a.dimension IS NOT NULL AND a.value_number IS NOT NULL GROUP BY 1, 2, 3`,
    );
    for (const row of await rows(`SELECT e.wait_seconds, r.nps, r.csat FROM survey_response r JOIN encounter e ON e.id = r.encounter_id WHERE ${scoped('r')}`)) {
      const band = waitBandOf(n(row['wait_seconds']));
      if (band !== null) add(['wait', band, String(row['nps']), String(row['csat'])], 1);
    }
    const of = (kind: string) => [...summed.values()].filter((entry) => entry.key[0] === kind);
    const orNull = (text: string | undefined) => (text === 'null' ? null : Number(text));
    return {
      commented: of('commented').map(({ key, count }) => ({ band: key[1] as never, count })),
      themes: of('theme').map(({ key, count }) => {
        const [nameZh, nameEn] = names.get(key[1] as string) as [string, string];
        return { theme: key[1] as string, nameZh, nameEn, band: key[2] as never, count };
      }),
      ratings: ratings.map((row) => ({ dimension: String(row['dimension']), rating: Number(row['rating']), nps: n(row['nps']), count: Number(row['c']) })),
      waits: of('wait').map(({ key, count }) => ({ band: key[1] as never, nps: orNull(key[2]), csat: orNull(key[3]), count })),
    };
  }

  it(
    'equals the rebuilt rollup, reads the same before and after folding and rebuilding, and counts what the rows count',
    async () => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 15 }), outside, async (steps, last) => {
          const incremental = await expectFoldAndRebuildAgree(server.databaseUrl, {
            writeFirst: async () => {
              for (const step of steps) await apply(step);
              await appWrite();
            },
            writeLast: () => apply(last),
            appWrite,
            figures,
            rollupRows,
            afterFold: async () => {
              const [fromRows, fromSeries] = await totalsFromRows();
              expect(fromSeries).toEqual(fromRows);
              for (const scope of driverScopes()) {
                const answer = await quality.get<DriversAnswer>(driversPath(scope));
                expect(answer.status).toBe(200);
                expect(answer.body).toEqual(driversFromCounts(scope, await driverCountsFromRows(scope)));
              }
            },
          });
          checked += Math.min((incremental[0] as unknown[]).length, (incremental[1] as unknown[]).length, (incremental[3] as unknown[]).length);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The property compared real rollup rows, not empty tables, and on PostgreSQL read them with journal rows unfolded.
      expect(checked).toBeGreaterThan(RUNS);
      if (database === 'postgres') expect(unfoldedRowsRead()).toBeGreaterThan(RUNS);
    },
    900_000,
  );
});
