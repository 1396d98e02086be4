import { remindsByMessage } from './revisit-reminders';

describe('remindsByMessage', () => {
  it('reminds by message a patient who consented and whom a real channel reaches', () => {
    expect(remindsByMessage({ consentCalls: true }, 'sms')).toBe(true);
    expect(remindsByMessage({ consentCalls: true }, 'email')).toBe(true);
  });

  it('leaves the reminder to the desk’s call otherwise', () => {
    // The log channel (none configured) never reaches a patient.
    expect(remindsByMessage({ consentCalls: true }, 'log')).toBe(false);
    expect(remindsByMessage({ consentCalls: true }, null)).toBe(false);
    // Never asked: may be called, but not messaged (a message needs the consent).
    expect(remindsByMessage({ consentCalls: null }, 'sms')).toBe(false);
    expect(remindsByMessage({ consentCalls: false }, 'sms')).toBe(false);
  });
});
