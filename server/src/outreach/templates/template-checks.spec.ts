import { BadRequestException } from '@nestjs/common';
import { assertUsableTemplate } from './template-checks';

function refusal(run: () => void): { message: string[]; code: string; params?: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as { message: string[]; code: string; params?: unknown };
  }
  throw new Error('not refused');
}

describe('assertUsableTemplate', () => {
  it('accepts the kind’s variables and a survey message with its link', () => {
    expect(() => assertUsableTemplate('survey_invitation', { subject: '{hospital}', body: '{givenName} {department} {date}: {link}' })).not.toThrow();
    expect(() => assertUsableTemplate('callback_appointment', { subject: 'Call', body: '{date} {time}' })).not.toThrow();
  });

  it('names every unknown variable, in subject or body, and a variable the kind does not offer', () => {
    expect(refusal(() => assertUsableTemplate('revisit_reminder', { subject: '{nickname}', body: '{date} {link} {nickname}' }))).toEqual({
      message: ['unknown variables {nickname}, {link}: a revisit_reminder offers {givenName}, {hospital}, {department}, {date}'],
      code: 'outreach.unknown_template_variables',
      params: { variables: ['nickname', 'link'] },
    });
  });

  it('names near-misses that would otherwise reach the patient as written', () => {
    expect(refusal(() => assertUsableTemplate('survey_invitation', { subject: 'x', body: '{given_name} { link } {link}' }))).toMatchObject({
      code: 'outreach.unknown_template_variables',
      params: { variables: ['given_name', ' link '] },
    });
  });

  it('refuses a survey invitation or reminder whose body has no link (in the subject it does not count)', () => {
    for (const kind of ['survey_invitation', 'survey_reminder'] as const) {
      expect(refusal(() => assertUsableTemplate(kind, { subject: '{link}', body: 'Dear {givenName}' }))).toMatchObject({ code: 'outreach.link_required' });
    }
    expect(() => assertUsableTemplate('missed_revisit_nudge', { subject: 'x', body: 'We missed you' })).not.toThrow();
  });
});
