import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { SYNTHETIC_DATA_KEY, callbackPriorityRank, syntheticLoyalty, syntheticSatisfactionShift, type CallbackPriority } from '@huifang/shared';
import { rebuildRollupsSql } from '../server/src/indicators/rollups/rebuild-rollups';
import { Random } from './random';

/*
 * Bulk data for the benchmark, written straight into a migrated SQLite file: a large hospital's two
 * years. Consistent with the domain (allowed stage transitions, ordered times, denormalised patient
 * columns, one response per invitation, unique callback sources), so the queries do real work.
 */
export interface Sizes {
  patients: number;
  encounters: number;
  responses: number;
  callbacks: number;
  /** Unused survey links with tokens the benchmark can derive (`benchToken`), for the write-path runs. */
  openLinks: number;
}

/** `--scale 1`: 100k patients / 1M encounters; `--scale 10`: 1M patients / 10M encounters. */
export function sizes(scale: number): Sizes {
  return {
    patients: 100_000 * scale,
    encounters: 1_000_000 * scale,
    responses: 200_000 * scale,
    callbacks: 300_000 * scale,
    openLinks: 150_000,
  };
}

/**
 * The token of an open link the generator made: the database keeps only its hash, so the benchmark
 * derives the token from the invitation id (43 URL-safe characters, as `newSurveyToken` makes).
 */
export function benchToken(invitationId: number): string {
  return createHash('sha256').update(`huifang-bench-link-${invitationId}`).digest('base64url');
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Asia/Shanghai has no daylight saving time: calendar days are UTC + 8 h. */
const OFFSET = 8 * HOUR;
const DEPARTMENTS = [1, 2, 3, 4, 5, 6, 7, 8];
/** Busy departments (内科, 儿科) keep patients waiting longer. */
const BUSY: Record<number, number> = { 1: 1.4, 3: 1.3 };
const TRANSITIONS: Record<string, string[]> = {
  first_visit: ['treatment', 'follow_up'],
  treatment: ['rehabilitation', 'follow_up'],
  rehabilitation: ['follow_up', 'treatment'],
  follow_up: ['treatment', 'rehabilitation'],
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉建国晨宇浩然子涵欣怡梓萱';

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const dayOf = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) - OFFSET;

interface Visit {
  id: number;
  department: number;
  checkedIn: number;
  called: number;
  finished: number;
  day: string;
  due: string | null;
  returnedOn: string | null;
  superseded: boolean;
}

export function generate(file: string, counts: Sizes, now = Date.now(), log: (line: string) => void = console.log): { firstOpenLink: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -400000');
  const random = new Random(20261123);
  const today = dayOf(now);
  const start = startOfDay(today) - 730 * DAY;
  const timed = (label: string, work: () => number) => {
    const began = Date.now();
    const rows = db.transaction(work)();
    log(`  ${label.padEnd(22)} ${String(rows).padStart(9)} rows  ${((Date.now() - began) / 1000).toFixed(1)} s`);
  };

  const visitCounts = spreadCounts(random, counts.patients, counts.encounters, 3, 17);
  const insertPatient = db.prepare(
    `INSERT INTO patient (id, name, phone, gender, birth_date, stage, stage_since, last_visit_on, next_visit_due, last_department_id,
       consent_calls, consent_calls_at, consent_surveys, consent_surveys_at, created_at, updated_at, latest_survey_detractor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?, ?)`,
  );
  const insertEncounter = db.prepare(
    `INSERT INTO encounter (id, patient_id, department_id, clinician, checked_in_at, checked_in_on, called_at, wait_seconds, finished_at, next_visit_due, returned_on, superseded)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTransition = db.prepare('INSERT INTO stage_transition (patient_id, from_stage, to_stage, at, encounter_id) VALUES (?, ?, ?, ?, ?)');

  const visitsByPatient: Visit[][] = [];
  const detractorByPatient: boolean[] = [];
  let encounterId = 0;
  timed('patients + encounters', () => {
    let rows = 0;
    for (let p = 1; p <= counts.patients; p++) {
      const visits = planVisits(random, p, visitCounts[p - 1] as number, start, now, () => ++encounterId);
      visitsByPatient[p] = visits;
      for (const v of visits) {
        insertEncounter.run(v.id, p, v.department, stamp(v.checkedIn), v.day, stamp(v.called), Math.round((v.called - v.checkedIn) / 1000), stamp(v.finished), v.due, v.returnedOn, v.superseded ? 1 : 0);
        rows++;
      }
    }
    return rows;
  });

  const stages: { stage: string; since: number }[] = [];
  timed('stage transitions', () => {
    let rows = 0;
    for (let p = 1; p <= counts.patients; p++) {
      const visits = visitsByPatient[p] as Visit[];
      const first = visits[0] as Visit;
      let stage = 'first_visit';
      let since = first.checkedIn;
      insertTransition.run(p, null, stage, stamp(first.checkedIn), first.id);
      rows++;
      for (const v of visits.slice(1)) {
        if (!random.chance(0.35)) continue;
        const next = random.pick(TRANSITIONS[stage] as string[]);
        insertTransition.run(p, stage, next, stamp(v.finished), v.id);
        stage = next;
        since = v.finished;
        rows++;
      }
      stages[p] = { stage, since };
    }
    return rows;
  });

  const responses: { id: number; patient: number; department: number; at: number; detractor: boolean }[] = [];
  timed('surveys', () => {
    const invite = db.prepare(
      `INSERT INTO survey_invitation (id, token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at, used_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const respond = db.prepare(
      `INSERT INTO survey_response (id, invitation_id, encounter_id, patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, comment, language)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, NULL, 'zh')`,
    );
    const answer = db.prepare('INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number) VALUES (?, ?, ?, ?, ?)');
    let rows = 0;
    let invitationId = 0;
    const every = counts.encounters / (counts.responses * 1.25);
    for (let p = 1; p <= counts.patients; p++) {
      for (const v of visitsByPatient[p] as Visit[]) {
        if (v.id % Math.round(every) !== 0 || v.finished + 10 * MINUTE > now) continue;
        const id = ++invitationId;
        const created = v.finished + 10 * MINUTE;
        const answered = id % 5 !== 0 && responses.length < counts.responses;
        const submitted = Math.min(created + random.int(5, 72 * 60) * MINUTE, now - MINUTE);
        invite.run(id, id.toString(16).padStart(64, '0'), v.id, p, v.department, stamp(created), stamp(created + 14 * DAY), answered ? stamp(submitted) : null);
        rows++;
        if (!answered) continue;
        const waited = (v.called - v.checkedIn) / MINUTE;
        const nps = npsAnswer(random, waited, p);
        const csat = Math.max(1, Math.min(5, Math.round(nps / 2.2 + random.int(-1, 1) * 0.6)));
        const detractor = nps <= 6;
        respond.run(id, id, v.id, p, v.department, stamp(submitted), dayOf(submitted), nps, csat, detractor ? 1 : 0);
        responses.push({ id, patient: p, department: v.department, at: submitted, detractor });
        detractorByPatient[p] = detractor;
        answer.run(id, 'csat', 'csat', null, csat);
        answer.run(id, 'nps', 'nps', null, nps);
        answer.run(id, 'wait_time', 'rating', 'wait_time', Math.max(1, Math.min(5, 5 - Math.floor(waited / 25))));
        answer.run(id, 'doctor_communication', 'rating', 'doctor_communication', Math.max(1, Math.min(5, csat + random.int(-1, 1))));
        answer.run(id, 'nursing', 'rating', 'nursing', Math.max(1, Math.min(5, csat + random.int(-1, 0))));
        answer.run(id, 'environment', 'rating', 'environment', random.int(3, 5));
        rows += 7;
      }
    }
    return rows;
  });

  // Open links for the write-path runs: recent finished visits, unused, valid for a year.
  let firstOpenLink = 0;
  timed('open survey links', () => {
    const invite = db.prepare(
      `INSERT INTO survey_invitation (id, token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at, used_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, NULL)`,
    );
    const first = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM survey_invitation').get() as { id: number }).id;
    firstOpenLink = first;
    let rows = 0;
    for (let p = 1; rows < counts.openLinks; p = (p % counts.patients) + 1) {
      const last = (visitsByPatient[p] as Visit[]).at(-1) as Visit;
      const id = first + rows;
      invite.run(id, hashToken(benchToken(id)), last.id, p, last.department, stamp(now - HOUR), stamp(now + 365 * DAY));
      rows++;
    }
    return rows;
  });

  timed('patient rows', () => {
    for (let p = 1; p <= counts.patients; p++) {
      const visits = visitsByPatient[p] as Visit[];
      const first = visits[0] as Visit;
      const last = visits[visits.length - 1] as Visit;
      const due = [...visits].reverse().find((v) => v.due)?.due ?? null;
      const registered = stamp(first.checkedIn - 5 * MINUTE);
      const birth = `${random.int(1935, 2022)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const { stage, since } = stages[p] as { stage: string; since: number };
      insertPatient.run(
        p,
        `${random.pick([...SURNAMES])}${random.pick([...GIVEN])}${random.chance(0.6) ? random.pick([...GIVEN]) : ''}`,
        `1${random.int(3, 9)}${String(p).padStart(9, '0')}`,
        random.chance(0.5) ? 'female' : 'male',
        birth,
        stage,
        stamp(since),
        last.day,
        due,
        last.department,
        registered,
        registered,
        registered,
        stamp(last.finished),
        detractorByPatient[p] ? 1 : 0,
      );
    }
    return counts.patients;
  });

  timed('callbacks + attempts', () => {
    const insertCallback = db.prepare(
      `INSERT INTO callback (id, patient_id, kind, priority, priority_rank, status, due_at, survey_response_id, encounter_id, department_id, expected_on,
         source_key, attempt_count, outcome, cancel_reason, completed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAttempt = db.prepare('INSERT INTO callback_attempt (callback_id, at, staff_id, outcome) VALUES (?, ?, 1, ?)');
    let id = 0;
    let rows = 0;
    const sources = new Set<string>();
    const add = (patient: number, kind: string, priority: CallbackPriority, due: number, source: string | null, extra: { response?: number; encounter?: number; department?: number; expected?: string }) => {
      if (source !== null) {
        if (sources.has(`${kind}:${source}`)) return;
        sources.add(`${kind}:${source}`);
      }
      id++;
      const settled = due < now - 2 * DAY;
      const roll = random.next();
      let status = 'pending';
      let outcome: string | null = null;
      const attempts: [number, string][] = [];
      if (settled && roll < 0.85) {
        status = 'completed';
        outcome = roll < 0.7 ? 'reached' : roll < 0.78 ? 'declined' : 'wrong_number';
        if (random.chance(0.2)) attempts.push([due + random.int(1, 8) * HOUR, 'no_answer']);
        attempts.push([due + Math.round(random.logNormal(6, 1.2) * HOUR), outcome]);
      } else if (settled && roll < 0.9) {
        status = 'failed';
        outcome = 'no_answer';
        for (let i = 0; i < 3; i++) attempts.push([due + i * DAY + HOUR, 'no_answer']);
      } else if (settled && roll < 0.95) {
        status = 'cancelled';
      }
      const updated = attempts.length ? (attempts[attempts.length - 1] as [number, string])[0] : due - DAY;
      insertCallback.run(id, patient, kind, priority, callbackPriorityRank(priority), status, stamp(due), extra.response ?? null, extra.encounter ?? null, extra.department ?? null, extra.expected ?? null,
        source, attempts.length, outcome, status === 'cancelled' ? 'patient returned' : null, status === 'completed' ? stamp(Math.min(updated, now - MINUTE)) : null,
        stamp(due - DAY), stamp(Math.min(updated, now)));
      for (const [at, result] of attempts) insertAttempt.run(id, stamp(Math.min(at, now - MINUTE)), result);
      rows += 1 + attempts.length;
    };
    for (const r of responses) {
      if (r.detractor && id < counts.callbacks) add(r.patient, 'service_recovery', 'high', r.at + 24 * HOUR, `response:${r.id}`, { response: r.id, department: r.department });
    }
    for (let p = 1; p <= counts.patients && id < counts.callbacks; p++) {
      for (const v of visitsByPatient[p] as Visit[]) {
        if (!v.due || id >= counts.callbacks) continue;
        const due = startOfDay(v.due);
        if (!v.returnedOn && due + 7 * DAY < now) add(p, 'missed_revisit', 'normal', due + 7 * DAY + 9 * HOUR, `due:${p}:${v.due}`, { department: v.department, expected: v.due });
        else if (random.chance(0.45)) add(p, 'revisit_reminder', 'normal', due - 3 * DAY + 9 * HOUR, `encounter:${v.id}`, { encounter: v.id, department: v.department, expected: v.due });
      }
    }
    while (id < counts.callbacks) {
      const p = random.int(1, counts.patients);
      add(p, 'manual', 'normal', now + random.int(-200, 30) * DAY + random.int(0, 8) * HOUR, null, { department: (visitsByPatient[p]?.[0] as Visit).department });
    }
    return rows;
  });

  // Every indicator rollup (callbacks, satisfaction, dimensions, waits, drivers), like the server's rebuild command.
  timed('indicator rollups', () => {
    for (const sql of rebuildRollupsSql('sqlite', 'Asia/Shanghai')) db.exec(sql);
    const rows = ['callback_daily', 'survey_daily', 'survey_rating_daily', 'wait_histogram', 'driver_count', 'patient_status_counts'].map(
      (table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    );
    return rows.reduce((a, b) => a + b, 0);
  });

  // The relationship triggers marked every patient while the rows went in: the server's first pass works
  // every patient out anyway, so the marks would only be the worker's second helping, during the measurements.
  db.exec('DELETE FROM relationship_dirty');
  // Figures worked out over this file (e.g. `npm run eval:phases`) say they are synthetic.
  db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SYNTHETIC_DATA_KEY, 'benchmark');
  const began = Date.now();
  db.exec('ANALYZE');
  log(`  ANALYZE ${((Date.now() - began) / 1000).toFixed(1)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { firstOpenLink };
}

/** `patients` counts between min and max that add up to exactly `total`. */
function spreadCounts(random: Random, patients: number, total: number, min: number, max: number): number[] {
  const counts = Array.from({ length: patients }, () => random.int(min, max));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = random.int(0, patients - 1);
    const c = counts[i] as number;
    if (sum > total && c > min) counts[i] = c - 1, sum--;
    else if (sum < total && c < max) counts[i] = c + 1, sum++;
  }
  return counts;
}

/**
 * One patient's visits over two years; about one in four stops coming back (churn). Who stops follows
 * shared/ synthetic-model.ts: less loyal patients (who also answer surveys less kindly), patients of
 * busy departments (longer waits) and patients with few visits (a slow rhythm) stop more often, and
 * the last visit of one who stops had a long wait.
 */
function planVisits(random: Random, patientId: number, count: number, start: number, now: number, nextId: () => number): Visit[] {
  const primary = random.pick(DEPARTMENTS);
  const loyalty = syntheticLoyalty(patientId);
  const stops = random.chance(Math.min(0.9, 0.03 + 0.55 * (1 - loyalty) ** 2 * (BUSY[primary] ?? 1) + (count <= 5 ? 0.08 : 0)));
  const first = start + random.int(0, 600) * DAY;
  const last = stops ? first + random.int(60, Math.max(61, Math.floor((now - first) / DAY) - 90)) * DAY : now - random.int(1, 20) * DAY;
  const days = Array.from({ length: count }, (_, i) => (i === 0 ? first : first + random.next() * Math.max(DAY, last - first))).sort((a, b) => a - b);
  const visits: Visit[] = days.map((dayStart, i) => {
    const department = random.chance(0.8) ? primary : random.pick(DEPARTMENTS);
    const day = dayOf(Math.min(dayStart, now - DAY));
    const morningHour = random.int(8, 16);
    const checkedIn = startOfDay(day) + morningHour * HOUR + random.int(0, 59) * MINUTE;
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1 && morningHour < 12 ? 1.5 : 1;
    const drawn = Math.min(240, random.logNormal(18 * monday * (BUSY[department] ?? 1), 0.6));
    // The visit after which a patient stops had a long wait (the experience that made them leave).
    const wait = (i === count - 1 && stops ? Math.max(drawn, random.int(45, 120)) : drawn) * MINUTE;
    const called = Math.min(checkedIn + Math.round(wait / 1000) * 1000, now - 2 * MINUTE);
    const finished = Math.min(called + random.int(5, 30) * MINUTE, now - MINUTE);
    const isLast = i === count - 1;
    const due = (isLast && stops) || random.chance(0.6) ? dayOf(startOfDay(day) + random.int(14, 60) * DAY) : null;
    return { id: nextId(), department, checkedIn, called, finished, day, due, returnedOn: null, superseded: false };
  });
  // Each expectation's fate, as the app records it at check-in and finish.
  for (const [i, v] of visits.entries()) {
    if (!v.due) continue;
    const later = visits.slice(i + 1);
    v.returnedOn = later.find((s) => s.day >= (v.due as string))?.day ?? null;
    v.superseded = later.some((s) => s.due !== null && s.day < (v.due as string));
  }
  return visits;
}

/** Long waits make detractors; loyal patients answer more kindly (shared/ synthetic-model.ts). */
function npsAnswer(random: Random, waitedMinutes: number, patientId: number): number {
  const base = random.pick([10, 10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3]);
  const loyalty = Math.round(2 * syntheticSatisfactionShift(patientId));
  return Math.max(0, Math.min(10, base + loyalty - (waitedMinutes > 60 ? random.int(1, 4) : 0)));
}
