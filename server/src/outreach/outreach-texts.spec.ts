import { OUTREACH_TEMPLATE_LIMITS } from '@huifang/shared';
import { renderMessage } from './outreach-texts';

describe('renderMessage', () => {
  it('fills the template, names an unnamed hospital generically and appends the opt-out line of the purpose', () => {
    expect(renderMessage('revisit_reminder', 'en', { subject: '{hospital}', body: 'Dear {givenName}, see you on {date}.' }, { givenName: 'Anna', date: '2 December 2026', hospital: '' })).toEqual({
      subject: 'Your hospital',
      body: 'Dear Anna, see you on 2 December 2026.\nReply STOP to receive no more reminders.',
    });
  });

  it('clips a filled subject to the outbox column’s length in characters, never the body', () => {
    const subject = `{hospital}${'😀'.repeat(OUTREACH_TEMPLATE_LIMITS.subject - 10)}`;
    const body = '复'.repeat(OUTREACH_TEMPLATE_LIMITS.body);
    const text = renderMessage('survey_invitation', 'zh', { subject, body }, { hospital: '示例市第一人民医院附属医院' });
    expect([...text.subject]).toHaveLength(OUTREACH_TEMPLATE_LIMITS.subject);
    expect(text.subject.startsWith('示例市第一人民医院附属医院😀')).toBe(true);
    expect(text.subject.endsWith('…')).toBe(true);
    expect(text.body).toBe(`${body}\n回复“退订”不再接收调查。`);
  });
});
