import type { SubmitSurveyRequest } from '@huifang/shared';
import { benchToken } from './generate-data';
import { Random } from './random';

/** Hands out the generated open links, each once across every scenario of a run. */
export class OpenLinks {
  private next: number;
  private readonly end: number;
  /** Submits answered 2xx: after the run, each must be stored. */
  accepted = 0;
  /** Submits that got no answer (given up after 30 s, connection failed): each may or may not be stored. */
  unanswered = 0;

  constructor(first: number, count: number) {
    this.next = first;
    this.end = first + count;
  }

  take(): string | null {
    return this.next < this.end ? benchToken(this.next++) : null;
  }
}

/** A patient's answers to the default template: mostly satisfied, some detractors (who open a recovery call). */
export function surveyAnswers(random: Random): SubmitSurveyRequest {
  const nps = random.pick([10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3]);
  const csat = Math.max(1, Math.min(5, Math.round(nps / 2.2)));
  const rating = () => Math.max(1, Math.min(5, csat + random.int(-1, 1)));
  return {
    answers: [
      { questionId: 'csat', value: csat },
      { questionId: 'nps', value: nps },
      { questionId: 'wait_time', value: rating() },
      { questionId: 'doctor_communication', value: rating() },
      { questionId: 'nursing', value: rating() },
      { questionId: 'environment', value: rating() },
    ],
    ...(random.chance(0.2) && { comment: nps <= 6 ? '等候时间太长，希望改进。' : '医生很耐心，谢谢。' }),
  };
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const PERIODS = [
  { days: 30, groupBy: 'day' },
  { days: 91, groupBy: 'week' },
  { days: 365, groupBy: 'month' },
] as const;
export const SERIES = ['wait-time', 'satisfaction', 'churn', 'follow-up'] as const;

/**
 * The k-th dashboard view of a run: the summary and the four series for one period and department.
 * Period length, department and end day all rotate, so no two views of a run are the same and every
 * view is a read-cache miss, as for quality managers each looking at their own slice.
 */
export function dashboardView(k: number, now = Date.now()): { summary: string; series: string[] } {
  const period = PERIODS[k % PERIODS.length] as (typeof PERIODS)[number];
  const department = Math.floor(k / PERIODS.length) % 9; // 0: all departments
  const to = now + 8 * 3_600_000 - k * DAY; // hospital day (UTC+8), one day earlier for each view
  const query = `from=${day(to - (period.days - 1) * DAY)}&to=${day(to)}${department ? `&departmentId=${department}` : ''}`;
  return {
    summary: `/api/indicators/summary?${query}`,
    series: SERIES.map((name) => `/api/indicators/${name}?${query}&groupBy=${period.groupBy}`),
  };
}
