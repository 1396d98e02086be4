import { Http } from './http';
import { Recorder, closedLoop } from './load';
import { Random } from './random';
import { signIn } from './staff';
import { surveyAnswers, type OpenLinks } from './workload';

export const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
export const BARE = 'bare route (GET /api/health/live)';
export const SUBMIT = 'survey submit (public)';
export const CHECK_IN = 'check-in (POST /api/encounters)';

export interface CeilingRow {
  type: string;
  seconds: number;
  perSecond: number;
}

export interface CeilingInput {
  baseUrl: string;
  seconds: number;
  links: OpenLinks;
  /** Check-ins use patients from here on, each (patient, department) once. */
  firstPatient: number;
  patients: number;
}

/**
 * 50 clients, each sending its next request as soon as the last answered: first the bare route (the
 * stack without the database: its ceiling), then survey submits (each with its own open link), then
 * check-ins. Each after a short warm-up that is not counted (links used in it still must be stored).
 */
export async function runCeiling(input: CeilingInput): Promise<{ recorder: Recorder; rows: CeilingRow[]; warmUpErrors: number }> {
  const [desk] = await signIn(input.baseUrl, 'front_desk', 1, 'bench_ceiling_desk_');
  const http = new Http(input.baseUrl, CONNECTIONS);
  const recorder = new Recorder();
  const warmUp = new Recorder();
  const random = new Random(50);
  let checkIns = 0;

  const runs: [string, (r: Recorder, from: number) => Promise<unknown>][] = [
    [BARE, (r, from) => r.timed([BARE], from, () => http.send('GET', '/api/health/live'))],
    [
      SUBMIT,
      async (r, from) => {
        const token = input.links.take();
        if (!token) return r.of(SUBMIT).add(0, false, 'out of open links');
        const answer = await r.timed([SUBMIT], from, () => http.send('POST', `/api/public/surveys/${token}`, undefined, surveyAnswers(random)), 201, () => input.links.unanswered++);
        if (answer) input.links.accepted++;
      },
    ],
    [
      CHECK_IN,
      (r, from) => {
        const n = checkIns++;
        const body = { patientId: input.firstPatient + (n % input.patients), departmentId: Math.floor(n / input.patients) + 1 };
        return r.timed([CHECK_IN], from, () => http.send('POST', '/api/encounters', desk, body), 201);
      },
    ],
  ];
  const rows: CeilingRow[] = [];
  try {
    for (const [type, send] of runs) {
      process.stdout.write(`  ${type}: ${CONNECTIONS} clients, ${input.seconds} s…\n`);
      await closedLoop(CONNECTIONS, WARM_UP_SECONDS, (from) => send(warmUp, from));
      const seconds = await closedLoop(CONNECTIONS, input.seconds, (from) => send(recorder, from));
      rows.push({ type, seconds, perSecond: recorder.of(type).count / seconds });
    }
  } finally {
    await http.close();
  }
  const warmUpErrors = [...warmUp.types.values()].reduce((sum, samples) => sum + samples.errors, 0);
  return { recorder, rows, warmUpErrors };
}
