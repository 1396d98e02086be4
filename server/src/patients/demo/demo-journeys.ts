import { fakerZH_CN as faker } from '@faker-js/faker';
import type { Gender, LifecycleStage } from '@huifang/shared';
import { addDays, calendarDayOf, startOfCalendarDay, syntheticReturnChance } from '@huifang/shared';
import { CLINICIAN_SURNAMES, DEPARTMENT_PROFILES, PATIENT_NOTES, RETURN_INTERVALS, TRANSITION_REASONS } from './demo-journey-data';
import { waitSecondsBetween } from '../../encounters/wait-seconds';

/*
 * Twelve months of patient journeys, simulated visit by visit so the data tells a true story: stages
 * follow the allowed transitions, waits are skewed (longer on Monday mornings and in busy
 * departments), and patients who stop coming back after an expected return date become at risk,
 * then lapsed; who stops follows the model of shared/ synthetic-model.ts (loyalty, wait, rhythm). Pure: rows with explicit ids, for a loader to insert into an empty database.
 */

export interface DemoInput {
  now: Date;
  timeZone: string;
  patients: number;
  departments: { id: number; code: string }[];
  staffIds: number[];
  seed?: number;
}

export interface DemoPatientRow {
  id: number;
  name: string;
  phone: string;
  gender: Gender;
  birthDate: string | null;
  note: string | null;
  stage: LifecycleStage;
  stageSince: Date;
  lastVisitOn: string | null;
  nextVisitDue: string | null;
  lastDepartmentId: number | null;
  latestSurveyDetractor: boolean;
  lastSurveyInvitedAt: Date | null;
  consentCalls: boolean | null;
  consentCallsAt: Date | null;
  consentCallsBy: number | null;
  consentSurveys: boolean | null;
  consentSurveysAt: Date | null;
  consentSurveysBy: number | null;
  createdBy: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoEncounterRow {
  id: number;
  patientId: number;
  departmentId: number;
  clinician: string;
  checkedInAt: Date;
  checkedInOn: string;
  calledAt: Date | null;
  waitSeconds: number | null;
  finishedAt: Date | null;
  nextVisitDue: string | null;
  createdBy: number;
}

export interface DemoTransitionRow {
  id: number;
  patientId: number;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  at: Date;
  byId: number;
  reason: string | null;
  encounterId: number | null;
}

export interface DemoJourneys {
  patients: DemoPatientRow[];
  encounters: DemoEncounterRow[];
  transitions: DemoTransitionRow[];
}

/** Next stage after a visit, following DOMAIN.md's table; null: stays where it is. */
const NEXT_STAGE: Record<LifecycleStage, [LifecycleStage | null, number][]> = {
  first_visit: [['treatment', 0.7], ['follow_up', 0.25], [null, 0.05]],
  treatment: [['rehabilitation', 0.45], ['follow_up', 0.3], [null, 0.25]],
  rehabilitation: [['follow_up', 0.55], ['treatment', 0.1], [null, 0.35]],
  follow_up: [[null, 0.6], ['treatment', 0.25], ['rehabilitation', 0.15]],
};


export function generateDemoJourneys(input: DemoInput): DemoJourneys {
  faker.seed(input.seed ?? 20261123);
  const today = calendarDayOf(input.now, input.timeZone);
  const departments = input.departments.filter((d) => DEPARTMENT_PROFILES[d.code]);
  const clinicians = new Map(departments.map((d) => [d.id, CLINICIAN_SURNAMES.slice(0, 16).sort(() => faker.number.float() - 0.5).slice(0, 4).map((s) => `${s}医生`)]));
  const out: DemoJourneys = { patients: [], encounters: [], transitions: [] };
  const phones = new Set<string>();
  const staff = () => faker.helpers.arrayElement(input.staffIds);
  const localTime = (day: string, hour: number, minute: number) =>
    new Date(startOfCalendarDay(day, input.timeZone).getTime() + (hour * 60 + minute) * 60_000);

  for (let id = 1; id <= input.patients; id++) {
    const department = weighted(departments.map((d) => [d, DEPARTMENT_PROFILES[d.code].share]));
    const { gender, birthDate } = person(department.code, today);
    const name = faker.person.lastName() + faker.person.firstName(gender === 'female' ? 'female' : 'male');
    let phone: string;
    do phone = `1${faker.helpers.arrayElement(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`;
    while (phones.has(phone));
    phones.add(phone);

    let day = workingDay(addDays(today, -faker.number.int({ min: 3, max: 365 })));
    const registeredBy = staff();
    const patient: DemoPatientRow = {
      id,
      name,
      phone,
      gender,
      birthDate,
      note: faker.number.float() < 0.12 ? faker.helpers.arrayElement(PATIENT_NOTES) : null,
      stage: 'first_visit',
      stageSince: new Date(0),
      lastVisitOn: null,
      nextVisitDue: null,
      lastDepartmentId: null,
      latestSurveyDetractor: false,
      lastSurveyInvitedAt: null,
      ...consent(registeredBy),
      createdBy: registeredBy,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    let deptId = department.id;
    for (let visit = 0; day < today; visit++) {
      const encounter = visitOn(day, deptId, patient.id);
      if (visit === 0) {
        patient.createdAt = new Date(encounter.checkedInAt.getTime() - 2 * 60_000);
        patient.stageSince = patient.createdAt;
        addTransition(patient, null, 'first_visit', patient.createdAt, encounter.createdBy, null);
      }
      const next = weighted(NEXT_STAGE[patient.stage]);
      if (next) {
        const at = new Date((encounter.finishedAt as Date).getTime() + 60_000);
        addTransition(patient, patient.stage, next, at, encounter.createdBy, encounter.id);
        patient.stage = next;
        patient.stageSince = at;
      }
      patient.lastVisitOn = day;
      patient.lastDepartmentId = deptId;
      patient.updatedAt = encounter.finishedAt as Date;
      if (faker.number.float() < 0.12) break; // discharged for good: no expected return
      const interval = weighted(RETURN_INTERVALS.map(([d, w]) => [d, w] as [number, number]));
      const due = addDays(day, interval);
      encounter.nextVisitDue = due;
      patient.nextVisitDue = due;
      // Whether they come back depends on who they are, the wait they just had and the rhythm (shared/ synthetic-model.ts).
      const waited = (encounter.waitSeconds ?? 0) / 60;
      if (due >= today || faker.number.float() > syntheticReturnChance(patient.id, waited, interval)) break;
      day = workingDay(addDays(due, faker.number.int({ min: -3, max: 6 })));
      if (day >= today) break;
      // Rehabilitation usually moves to 康复科.
      if (patient.stage === 'rehabilitation' && faker.number.float() < 0.5) {
        deptId = departments.find((d) => d.code === 'rehabilitation')?.id ?? deptId;
      }
    }
    out.patients.push(patient);
  }
  addTodaysQueue();
  return out;

  function visitOn(day: string, departmentId: number, patientId: number): DemoEncounterRow {
    const morning = faker.number.float() < 0.65;
    const hour = morning ? faker.number.int({ min: 8, max: 11 }) : faker.number.int({ min: 13, max: 16 });
    const checkedInAt = localTime(day, hour, faker.number.int({ min: 0, max: 59 }));
    const code = departments.find((d) => d.id === departmentId)?.code ?? 'internal_medicine';
    const wait = waitMinutes(code, day, hour);
    const calledAt = new Date(checkedInAt.getTime() + wait * 60_000);
    const encounter: DemoEncounterRow = {
      id: out.encounters.length + 1,
      patientId,
      departmentId,
      clinician: faker.helpers.arrayElement(clinicians.get(departmentId) ?? ['值班医生']),
      checkedInAt,
      checkedInOn: day,
      calledAt,
      waitSeconds: waitSecondsBetween(checkedInAt, calledAt),
      finishedAt: new Date(calledAt.getTime() + faker.number.int({ min: 6, max: 25 }) * 60_000),
      nextVisitDue: null,
      createdBy: staff(),
    };
    out.encounters.push(encounter);
    return encounter;
  }

  /** Log-normal around the department's median: longer on Monday and between 9 and 11. */
  function waitMinutes(code: string, day: string, hour: number): number {
    const monday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    const median = DEPARTMENT_PROFILES[code].medianWait * (monday ? 1.6 : 1) * (hour >= 9 && hour <= 10 ? 1.3 : 1);
    const normal = Math.sqrt(-2 * Math.log(1 - faker.number.float())) * Math.cos(2 * Math.PI * faker.number.float());
    return Math.min(240, Math.max(1, Math.round(median * Math.exp(0.55 * normal))));
  }

  function addTransition(patient: DemoPatientRow, from: LifecycleStage | null, to: LifecycleStage, at: Date, byId: number, encounterId: number | null): void {
    out.transitions.push({
      id: out.transitions.length + 1,
      patientId: patient.id,
      fromStage: from,
      toStage: to,
      at,
      byId,
      reason: from ? faker.helpers.arrayElement(TRANSITION_REASONS[to] ?? ['']) || null : null,
      encounterId,
    });
  }

  /** Patients in the building right now: some waiting, some with the doctor. */
  function addTodaysQueue(): void {
    const candidates = out.patients.filter((p) => !p.nextVisitDue || p.nextVisitDue >= today).slice(0, 14);
    candidates.forEach((patient, i) => {
      const checkedInAt = new Date(input.now.getTime() - faker.number.int({ min: 4, max: 75 }) * 60_000);
      const inRoom = i % 3 === 0;
      const calledAt = inRoom ? new Date(Math.min(input.now.getTime(), checkedInAt.getTime() + 20 * 60_000)) : null;
      out.encounters.push({
        id: out.encounters.length + 1,
        patientId: patient.id,
        departmentId: patient.lastDepartmentId ?? departments[0].id,
        clinician: faker.helpers.arrayElement(clinicians.get(patient.lastDepartmentId ?? departments[0].id) ?? ['值班医生']),
        checkedInAt,
        checkedInOn: calendarDayOf(checkedInAt, input.timeZone),
        calledAt,
        waitSeconds: calledAt ? waitSecondsBetween(checkedInAt, calledAt) : null,
        finishedAt: null,
        nextVisitDue: null,
        createdBy: staff(),
      });
      patient.lastVisitOn = calendarDayOf(checkedInAt, input.timeZone);
    });
  }

  function consent(by: number): Pick<DemoPatientRow, 'consentCalls' | 'consentCallsAt' | 'consentCallsBy' | 'consentSurveys' | 'consentSurveysAt' | 'consentSurveysBy'> {
    const calls = weighted<boolean | null>([[true, 0.9], [false, 0.06], [null, 0.04]]);
    const surveys = weighted<boolean | null>([[true, 0.84], [false, 0.1], [null, 0.06]]);
    const at = new Date(input.now.getTime() - 400 * 86_400_000);
    return {
      consentCalls: calls,
      consentCallsAt: calls === null ? null : at,
      consentCallsBy: calls === null ? null : by,
      consentSurveys: surveys,
      consentSurveysAt: surveys === null ? null : at,
      consentSurveysBy: surveys === null ? null : by,
    };
  }

  function person(code: string, onDay: string): { gender: Gender; birthDate: string } {
    const gender: Gender = code === 'obstetrics_gynecology' ? 'female' : faker.number.float() < 0.52 ? 'female' : 'male';
    const age =
      code === 'pediatrics'
        ? faker.number.int({ min: 0, max: 14 })
        : code === 'obstetrics_gynecology'
          ? faker.number.int({ min: 20, max: 48 })
          : Math.min(92, Math.round(18 + Math.abs(faker.number.float() + faker.number.float() - 0.4) * 45));
    return { gender, birthDate: addDays(onDay, -(age * 365 + faker.number.int({ min: 0, max: 364 }))) };
  }

  /** Hospitals see few patients on Sunday: move most Sunday visits to Monday. */
  function workingDay(day: string): string {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 && faker.number.float() < 0.85) return addDays(day, 1);
    return day;
  }

  function weighted<T>(options: readonly (readonly [T, number])[]): T {
    let roll = faker.number.float() * options.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of options) if ((roll -= weight) <= 0) return value;
    return options[options.length - 1][0];
  }
}
