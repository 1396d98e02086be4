import { AUDITED_REJECTIONS_PER_MINUTE, RejectionBudget } from './rejection-budget';

describe('RejectionBudget (audited receipt rejections per source and minute)', () => {
  it('audits the first rejections of a minute, says once that it stops, then stays silent until the minute is over', () => {
    const budget = new RejectionBudget();
    const start = 1_000_000;
    const answers = Array.from({ length: AUDITED_REJECTIONS_PER_MINUTE + 3 }, (_, i) => budget.spend('203.0.113.9', start + i));
    expect(answers.filter((a) => a === 'audit')).toHaveLength(AUDITED_REJECTIONS_PER_MINUTE);
    expect(answers[AUDITED_REJECTIONS_PER_MINUTE]).toBe('first_over');
    expect(answers.slice(AUDITED_REJECTIONS_PER_MINUTE + 1)).toEqual(['silent', 'silent']);
    // Another source has its own budget; a minute later the first one has a fresh one.
    expect(budget.spend('198.51.100.7', start + 10)).toBe('audit');
    expect(budget.spend('203.0.113.9', start + 60_000)).toBe('audit');
  });
});
