import { DEFAULT_FOLLOW_UP_RULES } from './default-rules';
import { nextWorkingDay, rehabilitationCallbacks, revisitReminder, type RuleSettings } from './rule-schedule';

const rules = Object.fromEntries(DEFAULT_FOLLOW_UP_RULES.map((r) => [r.key, r])) as unknown as RuleSettings;
const TZ = 'Asia/Shanghai';

describe('follow-up rule schedule (DOMAIN.md defaults)', () => {
  it('plans post_treatment at +3 days and rehab_check at +30 days, at 09:00 local', () => {
    const [post, check] = rehabilitationCallbacks(rules, { transitionId: 5, patientId: 1, at: new Date('2026-03-02T07:00:00Z'), departmentId: 8 }, TZ);
    expect(post).toMatchObject({ kind: 'post_treatment', sourceKey: 'transition:5', dueAt: new Date('2026-03-05T01:00:00Z') });
    expect(check).toMatchObject({ kind: 'rehab_check', dueAt: new Date('2026-04-01T01:00:00Z') });
  });

  it('reminds 3 days before the expected return, or now when that has passed', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(revisitReminder(rules, { encounterId: 9, patientId: 1, departmentId: 2, nextVisitDue: '2026-03-20', now }, TZ)?.dueAt).toEqual(
      new Date('2026-03-17T01:00:00Z'),
    );
    expect(revisitReminder(rules, { encounterId: 9, patientId: 1, departmentId: 2, nextVisitDue: '2026-03-03', now }, TZ)?.dueAt).toEqual(now);
  });

  it('skips a disabled rule', () => {
    const off = { ...rules, revisit_reminder: { ...rules.revisit_reminder, enabled: false } };
    expect(revisitReminder(off, { encounterId: 9, patientId: 1, departmentId: 2, nextVisitDue: '2026-03-20', now: new Date() }, TZ)).toBeNull();
  });

  it('retries on the next working day, skipping the weekend', () => {
    // Friday 2026-03-06 15:00 in Shanghai → Monday 2026-03-09 09:00.
    expect(nextWorkingDay(new Date('2026-03-06T07:00:00Z'), TZ)).toEqual(new Date('2026-03-09T01:00:00Z'));
    // Tuesday → Wednesday.
    expect(nextWorkingDay(new Date('2026-03-03T07:00:00Z'), TZ)).toEqual(new Date('2026-03-04T01:00:00Z'));
  });
});
