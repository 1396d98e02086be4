import { givenNameOf, missingTemplateVariables, outreachDate, renderOutreachTemplate, templateVariablesIn, unknownTemplateVariables, withOptOut } from './outreach-templates';

describe('outreach templates', () => {
  it('finds whatever stands in braces once each, so near-misses are named rather than sent as written', () => {
    expect(templateVariablesIn('{givenName}, {link} {link} {given_name} { link } {link1}')).toEqual(['givenName', 'link', 'given_name', ' link ', 'link1']);
  });

  it('names the variables a kind does not offer', () => {
    expect(unknownTemplateVariables('revisit_reminder', ['{date} {link}', '{nickname}'])).toEqual(['link', 'nickname']);
    expect(unknownTemplateVariables('survey_invitation', ['{givenName} {link}'])).toEqual([]);
    expect(unknownTemplateVariables('survey_invitation', ['{given_name} { link } {link}'])).toEqual(['given_name', ' link ']);
  });

  it('requires the link in the body of survey messages only', () => {
    expect(missingTemplateVariables('survey_invitation', 'Dear {givenName}')).toEqual(['link']);
    expect(missingTemplateVariables('survey_reminder', 'Answer at {link}')).toEqual([]);
    expect(missingTemplateVariables('revisit_reminder', 'See you on {date}')).toEqual([]);
  });

  it('fills known placeholders, empties missing values and leaves unknown names as written', () => {
    expect(renderOutreachTemplate('{givenName} / {time} / {nickname}', { givenName: '芳' })).toBe('芳 /  / {nickname}');
  });

  it('appends the opt-out line of the purpose', () => {
    expect(withOptOut('hello  ', 'en', 'surveys')).toBe('hello\nReply STOP to receive no more surveys.');
    expect(withOptOut('你好', 'zh', 'follow_up')).toBe('你好\n回复“退订”不再接收提醒。');
  });

  it('takes the given name from Chinese and Western names', () => {
    expect(givenNameOf('王芳')).toBe('芳');
    expect(givenNameOf('欧阳娜娜')).toBe('娜娜');
    expect(givenNameOf(' Anna  Smith ')).toBe('Anna');
    expect(givenNameOf('王')).toBe('王');
  });

  it('writes dates in the patient language', () => {
    expect(outreachDate('2026-12-02', 'zh')).toBe('2026年12月2日');
    expect(outreachDate('2026-01-31', 'en')).toBe('31 January 2026');
  });
});
