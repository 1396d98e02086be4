import { OUTREACH_KINDS, OUTREACH_SUPPRESSION_RULES } from '@huifang/shared';
import { callbackKindFor } from './failed-message-callbacks';

describe('callbackKindFor', () => {
  it('stands the desk’s call in for a revisit reminder or survey message that failed for good', () => {
    expect(callbackKindFor('revisit_reminder', 'failed')).toBe('revisit_reminder');
    expect(callbackKindFor('survey_invitation', 'failed')).toBe('manual');
    expect(callbackKindFor('survey_reminder', 'failed')).toBe('manual');
  });

  it('opens none for a nudge or an appointment that failed: their call exists already', () => {
    expect(callbackKindFor('missed_revisit_nudge', 'failed')).toBeNull();
    expect(callbackKindFor('callback_appointment', 'failed')).toBeNull();
  });

  it('leaves a revisit reminder that reached no one at delivery to the reminder call, as at enqueue', () => {
    expect(callbackKindFor('revisit_reminder', 'unreachable')).toBe('revisit_reminder');
  });

  it('opens none for any other suppression: the message was not wanted, or (survey, nudge, appointment) reaches no one at enqueue either without a call', () => {
    const opened = OUTREACH_KINDS.flatMap((kind) => OUTREACH_SUPPRESSION_RULES.map((rule) => [kind, rule, callbackKindFor(kind, rule)] as const)).filter(([, , call]) => call !== null);
    expect(opened).toEqual([['revisit_reminder', 'unreachable', 'revisit_reminder']]);
  });
});
