import type { ImprovementEvaluation } from '@huifang/shared';
import { toSummary, type ActionRow } from './action-view';
import type { ImprovementActionEntity } from './improvement-action.entity';

const row: ActionRow = {
  action: {
    id: 7,
    title: '分时段预约',
    departmentId: null,
    ownerUserId: 3,
    indicator: 'wait_median',
    betterDirection: 'lower',
    startDate: '2026-09-01',
    endDate: null,
    status: 'in_progress',
    baselineDays: 90,
    lagDays: 30,
    followUpDays: 90,
    createdAt: new Date('2026-09-01T00:00:00Z'),
    updatedAt: new Date('2026-09-02T00:00:00Z'),
  } as unknown as ImprovementActionEntity,
  departmentName: null,
  ownerName: 'owner',
  creatorName: null,
};

const evaluation = (followUpComplete: boolean): ImprovementEvaluation => ({
  test: 'mann_whitney',
  baseline: { from: '2026-06-03', to: '2026-08-31', n: 40, value: 30 },
  followUp: { from: '2026-10-01', to: '2026-11-15', n: 35, value: 20 },
  followUpComplete,
  change: -10,
  ci95: [-14, -6],
  pValue: 0.001,
  verdict: 'improved',
  available: true,
});

describe('an action summary', () => {
  it('says whether its verdict is interim: the follow-up window still running', () => {
    expect(toSummary(row, evaluation(false))).toMatchObject({ verdict: 'improved', followUpComplete: false });
    expect(toSummary(row, evaluation(true))).toMatchObject({ verdict: 'improved', followUpComplete: true });
  });

  it('says whether its evaluation could be made', () => {
    expect(toSummary(row, evaluation(true)).evaluationAvailable).toBe(true);
    expect(toSummary(row, { ...evaluation(true), available: false }).evaluationAvailable).toBe(false);
  });
});
