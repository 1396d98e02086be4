import { CALLBACK_FOR_FAILED_MESSAGE } from './failed-message-callbacks';

describe('CALLBACK_FOR_FAILED_MESSAGE', () => {
  it('stands a call in for a failed reminder or survey message, none where a call exists already', () => {
    expect(CALLBACK_FOR_FAILED_MESSAGE).toEqual({
      survey_invitation: 'manual',
      survey_reminder: 'manual',
      revisit_reminder: 'revisit_reminder',
      missed_revisit_nudge: null,
      callback_appointment: null,
    });
  });
});
