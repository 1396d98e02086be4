import { funnelOutside, headlineDirection, type HeadlineName, type ReportFigure, type ReportFinding, type ReportHeadline } from '@huifang/shared';

/** One department's figure of a share headline, for the funnel plot. */
export interface DepartmentFigure extends ReportFigure {
  departmentId: number;
  departmentName: string;
}

/** Per share headline (FUNNEL_HEADLINES): the hospital's figure and each department's. */
export type FunnelInput = Partial<Record<HeadlineName, { hospital: ReportFigure; departments: DepartmentFigure[] }>>;

/**
 * The report's findings, by rule, each with its n:
 * 1. every headline worse than last month, the largest first (`largest_worsening`, then `worsened`):
 *    "largest" compares changes relative to last month's figure, so minutes and percentage points
 *    are comparable;
 * 2. every headline outside its target (`target_missed`);
 * 3. every department whose share lies outside the 95% or 99.8% funnel limit around the hospital's
 *    share for its n (`department_outlier`); a department's report lists only its own.
 */
export function findingsOf(headlines: readonly ReportHeadline[], funnel: FunnelInput, departmentId: number | null): ReportFinding[] {
  return [...worsenings(headlines), ...missedTargets(headlines), ...outliers(funnel, departmentId)];
}

function worsenings(headlines: readonly ReportHeadline[]): ReportFinding[] {
  const worse = headlines.flatMap((h) => {
    const change = h.changeFromPreviousMonth;
    if (change === null || change === 0 || h.previousMonth.value === null) return [];
    const worsened = h.betterDirection === 'lower' ? change > 0 : change < 0;
    if (!worsened) return [];
    return [{ headline: h, relative: Math.abs(change) / Math.max(Math.abs(h.previousMonth.value), 1) }];
  });
  worse.sort((a, b) => b.relative - a.relative);
  return worse.map(({ headline: h }, i) => ({
    kind: i === 0 ? 'largest_worsening' : 'worsened',
    headline: h.name,
    value: h.value,
    n: h.n,
    previous: h.previousMonth,
    change: h.changeFromPreviousMonth,
  }));
}

function missedTargets(headlines: readonly ReportHeadline[]): ReportFinding[] {
  return headlines.flatMap((h) =>
    h.target && h.target.met === false
      ? [{ kind: 'target_missed' as const, headline: h.name, value: h.value, n: h.n, target: { comparator: h.target.comparator, value: h.target.value } }]
      : [],
  );
}

function outliers(funnel: FunnelInput, departmentId: number | null): ReportFinding[] {
  return (Object.entries(funnel) as [HeadlineName, NonNullable<FunnelInput[HeadlineName]>][]).flatMap(([name, { hospital, departments }]) => {
    if (hospital.value === null) return [];
    return departments.flatMap((d): ReportFinding[] => {
      if (d.value === null || (departmentId !== null && d.departmentId !== departmentId)) return [];
      const outside = funnelOutside(hospital.value as number, d.value, d.n);
      if (!outside) return [];
      return [
        {
          kind: 'department_outlier',
          headline: name,
          value: d.value,
          n: d.n,
          departmentId: d.departmentId,
          departmentName: d.departmentName,
          hospitalValue: hospital.value as number,
          limit: outside.level,
          side: outside.above === (headlineDirection(name) === 'higher') ? 'better' : 'worse',
        },
      ];
    });
  });
}
