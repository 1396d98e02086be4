import { HttpErrorResponse } from '@angular/common/http';
import type { OutreachTemplate } from '@huifang/shared';
import { insertPlaceholder, isChanged, orderedTemplates, replaceTemplate, templateKey, unknownVariablesOf } from './template-editing';

const template = (changes: Partial<OutreachTemplate>): OutreachTemplate => ({
  kind: 'survey_invitation',
  language: 'zh',
  subject: '【医院】就诊满意度调查',
  body: '{givenName}您好，请评价：{link}',
  custom: false,
  variables: ['givenName', 'hospital', 'department', 'date', 'link'],
  updatedAt: null,
  updatedBy: null,
  ...changes,
});

describe('template editing', () => {
  it('orders templates by kind, Chinese before English, and replaces one by kind and language', () => {
    const list = [
      template({ kind: 'callback_appointment', language: 'en' }),
      template({ language: 'en' }),
      template({ kind: 'callback_appointment' }),
      template({}),
    ];
    expect(orderedTemplates(list).map(templateKey)).toEqual(['survey_invitation:zh', 'survey_invitation:en', 'callback_appointment:zh', 'callback_appointment:en']);
    const saved = template({ language: 'en', subject: 'Mine', custom: true });
    expect(replaceTemplate(list, saved)[1]).toBe(saved);
    expect(replaceTemplate(list, saved).filter((t) => t.custom)).toHaveLength(1);
  });

  it('inserts a placeholder at the cursor, over a selection, or at the end', () => {
    expect(insertPlaceholder('您好，请评价', 'givenName', 0, 0)).toEqual({ text: '{givenName}您好，请评价', caret: 11 });
    expect(insertPlaceholder('Dear X, hello', 'givenName', 5, 6)).toEqual({ text: 'Dear {givenName}, hello', caret: 16 });
    expect(insertPlaceholder('Visit on ', 'date', null, null)).toEqual({ text: 'Visit on {date}', caret: 15 });
    expect(insertPlaceholder('ab', 'link', 9, 12)).toEqual({ text: 'ab{link}', caret: 8 });
  });

  it('knows an edited draft', () => {
    const t = template({});
    expect(isChanged(t, { subject: t.subject, body: t.body })).toBe(false);
    expect(isChanged(t, { subject: t.subject, body: `${t.body} ` })).toBe(true);
  });

  it('reads the unknown variables a 400 names, and nothing from other errors', () => {
    const refused = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });
    expect(unknownVariablesOf(refused(400, { code: 'outreach.unknown_template_variables', message: 'x', params: { variables: ['nickname', 'time'] } }))).toEqual(['nickname', 'time']);
    expect(unknownVariablesOf(refused(400, { code: 'validation.failed', params: { fields: ['body'] } }))).toEqual([]);
    expect(unknownVariablesOf(refused(500, null))).toEqual([]);
    expect(unknownVariablesOf(new Error('x'))).toEqual([]);
  });
});
