import type { OutreachKind, OutreachTemplateInput, OutreachTemplateLanguage } from '@huifang/shared';

/*
 * The built-in texts, used until an admin writes the hospital's own (outreach_template). The opt-out
 * line is appended to every message (shared `withOptOut`), not written here. `{hospital}` is the
 * hospital's name in that language, or a generic word until an admin names it.
 */
export const DEFAULT_OUTREACH_TEMPLATES: Readonly<Record<OutreachKind, Readonly<Record<OutreachTemplateLanguage, OutreachTemplateInput>>>> = {
  survey_invitation: {
    zh: { subject: '【{hospital}】就诊满意度调查', body: '【{hospital}】您好，感谢您{date}到{department}就诊，请花两分钟评价本次就诊：{link}' },
    en: { subject: '{hospital}: how was your visit?', body: '{hospital}: dear {givenName}, thank you for your visit to {department} on {date}. Please tell us how it went (2 minutes): {link}' },
  },
  survey_reminder: {
    zh: { subject: '【{hospital}】就诊满意度调查（提醒）', body: '【{hospital}】您好，您{date}在{department}的就诊评价还未完成，您的意见对我们很重要：{link}' },
    en: { subject: '{hospital}: a reminder about your visit', body: '{hospital}: dear {givenName}, we have not heard how your visit to {department} on {date} went. Your answer matters to us: {link}' },
  },
  revisit_reminder: {
    zh: { subject: '【{hospital}】复诊提醒', body: '【{hospital}】您好，医生建议您于{date}到{department}复诊，请按时就诊。' },
    en: { subject: '{hospital}: your follow-up visit', body: '{hospital}: dear {givenName}, your doctor asked you to come back to {department} on {date}. We look forward to seeing you.' },
  },
  missed_revisit_nudge: {
    zh: { subject: '【{hospital}】复诊提醒', body: '【{hospital}】您好，您原定{date}到{department}复诊，我们还没有见到您。如需改约，请联系我们。' },
    en: { subject: '{hospital}: we missed you', body: '{hospital}: dear {givenName}, you were due back at {department} on {date} and we have not seen you yet. Please contact us to book a new time.' },
  },
  callback_appointment: {
    zh: { subject: '【{hospital}】回访预约', body: '【{hospital}】您好，{department}将于{date} {time}致电回访您，请留意来电。' },
    en: { subject: '{hospital}: we will call you', body: '{hospital}: dear {givenName}, {department} will call you on {date} at {time}.' },
  },
};

/** The name used for `{hospital}` until an admin names the hospital. */
export const GENERIC_HOSPITAL_NAME: Readonly<Record<OutreachTemplateLanguage, string>> = { zh: '医院', en: 'Your hospital' };
