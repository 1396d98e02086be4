import { Http } from './http';
import { Recorder, openLoop } from './load';
import { Random } from './random';
import { signIn } from './staff';
import { SERIES, dashboardView, surveyAnswers, type OpenLinks } from './workload';

/** The working day, at about 3× a big hospital's peak. */
export const MIXED_RATES = { deskEvents: 10, surveys: 20, callbackActions: 10, qualityManagers: 5, viewEverySeconds: 2 };
export const DESK = 'desk writes (check-in, call, finish)';
export const DASHBOARD = 'dashboard requests (all)';
const STEP_MS = 1000 / MIXED_RATES.deskEvents;

export interface MixedInput {
  baseUrl: string;
  seconds: number;
  links: OpenLinks;
  callbacks: number[];
  /** Desk check-ins use patients from here on (each check-in its own patient: none has an open visit). */
  firstPatient: number;
}

/**
 * All at once, open loop, for `seconds`: desk clients checking patients in, calling and finishing them;
 * patients submitting surveys; callers claiming callbacks and recording the call; quality managers
 * opening dashboard views (five requests each, as the page does), each view different.
 */
export async function runMixed(input: MixedInput): Promise<{ recorder: Recorder; planned: Record<string, number> }> {
  const desks = await signIn(input.baseUrl, 'front_desk', 4, 'bench_desk_');
  const callers = await signIn(input.baseUrl, 'front_desk', 3, 'bench_caller_');
  const managers = await signIn(input.baseUrl, 'quality_manager', MIXED_RATES.qualityManagers, 'bench_quality_');
  // Enough connections that a request goes out at its scheduled time (its 30 s give-up then counts from there).
  const http = new Http(input.baseUrl, 256);
  const recorder = new Recorder();
  // The table's order: each group's total first, then its request types.
  for (const type of [DESK, 'desk: check-in', 'desk: call', 'desk: finish', 'survey submit (public)', 'callback actions (all)', 'callback: claim', 'callback: attempt', DASHBOARD, 'dashboard: summary', ...SERIES.map((s) => `dashboard: ${s}`)]) {
    recorder.of(type);
  }
  const random = new Random(12);
  const startAt = performance.now() + 500;
  const seconds = input.seconds;
  let views = 0;
  let callbackIndex = 0;

  /** A visit at the desk: check-in, call 100 ms later, finish 100 ms after that (each after the step before answered). */
  const visit = async (i: number, scheduledAt: number) => {
    const token = desks[i % desks.length] as string;
    const patientId = input.firstPatient + i;
    const body = { patientId, departmentId: (i % 8) + 1 };
    const checkIn = await recorder.timed([DESK, 'desk: check-in'], scheduledAt, () => http.send('POST', '/api/encounters', token, body), 201);
    if (!checkIn) return;
    const id = (checkIn.body as { id: number }).id;
    for (const [step, offset] of [['call', 1], ['finish', 2]] as const) {
      const from = Math.max(scheduledAt + offset * STEP_MS, performance.now());
      await new Promise((resolve) => setTimeout(resolve, from - performance.now()));
      const answer = await recorder.timed([DESK, `desk: ${step}`], from, () => http.send('POST', `/api/encounters/${id}/${step}`, token, {}));
      if (!answer) return;
    }
  };

  const survey = async (_i: number, scheduledAt: number) => {
    const token = input.links.take();
    if (!token) return recorder.of('survey submit (public)').add(0, false, 'out of open links');
    const answer = await recorder.timed(['survey submit (public)'], scheduledAt, () => http.send('POST', `/api/public/surveys/${token}`, undefined, surveyAnswers(random)), 201, () => input.links.unanswered++);
    if (answer) input.links.accepted++;
  };

  /** A call: claim, then 100 ms later the attempt's outcome (reached closes it; no answer keeps it open). */
  const call = async (i: number, scheduledAt: number) => {
    const id = input.callbacks[callbackIndex++];
    const token = callers[i % callers.length] as string;
    if (id === undefined) return recorder.of('callback: claim').add(0, false, 'out of due callbacks');
    const claimed = await recorder.timed(['callback actions (all)', 'callback: claim'], scheduledAt, () => http.send('POST', `/api/callbacks/${id}/claim`, token, {}));
    if (!claimed) return;
    const from = Math.max(scheduledAt + STEP_MS, performance.now());
    await new Promise((resolve) => setTimeout(resolve, from - performance.now()));
    const outcome = random.chance(0.6) ? 'reached' : 'no_answer';
    await recorder.timed(['callback actions (all)', 'callback: attempt'], from, () => http.send('POST', `/api/callbacks/${id}/attempts`, token, { outcome }));
  };

  const view = async (manager: number, scheduledAt: number) => {
    const { summary, series } = dashboardView(views++);
    const token = managers[manager] as string;
    await Promise.all([
      recorder.timed([DASHBOARD, 'dashboard: summary'], scheduledAt, () => http.send('GET', summary, token)),
      ...series.map((path, s) => recorder.timed([DASHBOARD, `dashboard: ${SERIES[s]}`], scheduledAt, () => http.send('GET', path, token))),
    ]);
  };

  const planned = {
    'desk events': Math.floor((MIXED_RATES.deskEvents / 3) * seconds) * 3,
    surveys: Math.floor(MIXED_RATES.surveys * seconds),
    'callback actions': Math.floor((MIXED_RATES.callbackActions / 2) * seconds) * 2,
    'dashboard views': MIXED_RATES.qualityManagers * Math.floor(seconds / MIXED_RATES.viewEverySeconds),
  };
  try {
    await Promise.all([
      openLoop(MIXED_RATES.deskEvents / 3, seconds, startAt, 0, visit),
      openLoop(MIXED_RATES.surveys, seconds, startAt, 0, survey),
      openLoop(MIXED_RATES.callbackActions / 2, seconds, startAt, 50, call),
      ...Array.from({ length: MIXED_RATES.qualityManagers }, (_, m) =>
        openLoop(1 / MIXED_RATES.viewEverySeconds, seconds, startAt, (m * 1000 * MIXED_RATES.viewEverySeconds) / MIXED_RATES.qualityManagers, (_i, at) => view(m, at)),
      ),
    ]);
  } finally {
    await http.close();
  }
  return { recorder, planned };
}
