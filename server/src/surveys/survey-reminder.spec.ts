import { surveyReminderDueAt, surveyReminderRule } from './survey-reminder';

const sendable = new Date('2026-03-02T04:00:00Z');
const expires = new Date('2026-03-16T04:00:00Z');

describe('surveyReminderDueAt', () => {
  it('is due the configured hours (decimals too) after the invitation may first go out', () => {
    expect(surveyReminderDueAt({ sendableAt: sendable, expiresAt: expires }, 48)).toEqual(new Date('2026-03-04T04:00:00Z'));
    expect(surveyReminderDueAt({ sendableAt: sendable, expiresAt: expires }, 0.002)).toEqual(new Date(sendable.getTime() + 7_200));
  });

  it('is off at 0 hours, and not planned when the link expires first', () => {
    expect(surveyReminderDueAt({ sendableAt: sendable, expiresAt: expires }, 0)).toBeNull();
    expect(surveyReminderDueAt({ sendableAt: sendable, expiresAt: expires }, 14 * 24)).toBeNull();
    expect(surveyReminderDueAt({ sendableAt: sendable, expiresAt: expires }, 14 * 24 - 1)).toEqual(new Date('2026-03-16T03:00:00Z'));
  });
});

describe('surveyReminderRule', () => {
  const now = new Date('2026-03-04T04:00:00Z');
  const open = { usedAt: null, expiresAt: expires };

  it('lets the reminder go when the survey is open and its invitation reached the patient', () => {
    expect(surveyReminderRule(open, 'sent', now)).toBeNull();
    expect(surveyReminderRule(open, 'delivered', now)).toBeNull();
  });

  it('stops it when the survey was answered, or the link expired or was revoked', () => {
    expect(surveyReminderRule({ usedAt: new Date('2026-03-03T00:00:00Z'), expiresAt: expires }, 'sent', now)).toBe('answered');
    expect(surveyReminderRule({ usedAt: null, expiresAt: now }, 'delivered', now)).toBe('expired');
    expect(surveyReminderRule(null, 'sent', now)).toBe('expired');
  });

  it.each(['failed', 'suppressed', null] as const)('stops it when the invitation message is %s', (status) => {
    expect(surveyReminderRule(open, status, now)).toBe('no_invitation');
  });

  it('makes it wait while the invitation message is still queued, unless the survey is over already', () => {
    expect(surveyReminderRule(open, 'queued', now)).toBe('later');
    expect(surveyReminderRule({ usedAt: null, expiresAt: now }, 'queued', now)).toBe('expired');
    expect(surveyReminderRule({ usedAt: now, expiresAt: expires }, 'queued', now)).toBe('answered');
  });
});
