import type { SurveyLanguage } from '@huifang/shared';

/**
 * The patient form's own words, in both languages. Kept here rather than in the staff app's
 * Transloco files so the public page loads neither Transloco nor the staff translations.
 */
export const FEEDBACK_TEXTS = {
  zh: {
    title: '就诊满意度调查',
    intro: '感谢您抽出一分钟时间。您的意见将帮助我们改进服务，回答仅用于改进医疗服务质量。',
    visit: '就诊科室：{department}　就诊日期：{date}',
    required: '必答',
    missing: '请回答这个问题',
    missingSummary: '还有 {count} 个必答题未回答',
    invalid: '请检查这个问题的回答',
    invalidSummary: '有 {count} 个问题的回答需要检查',
    submit: '提交',
    submitting: '正在提交…',
    thanksTitle: '感谢您的反馈！',
    thanksBody: '我们已收到您的意见。如您对本次就诊有不满意之处，工作人员会尽快与您联系。',
    answeredTitle: '您已经提交过这份问卷',
    answeredBody: '每个链接只能提交一次。感谢您的参与！',
    expiredTitle: '问卷链接已过期',
    expiredBody: '该链接的有效期已过。如需反馈，请联系医院服务台。',
    notFoundTitle: '链接无效',
    notFoundBody: '请检查链接是否完整，或联系医院服务台获取新的链接。',
    errorTitle: '暂时无法提交',
    errorBody: '网络或服务繁忙，请稍后再试。',
    tooMany: '请求过于频繁，请稍后再试。',
    retry: '重试',
    loading: '正在加载…',
    switchLanguage: 'English',
    npsLow: '完全不可能',
    npsHigh: '极有可能',
    scale: ['很不满意', '不满意', '一般', '满意', '非常满意'],
    characters: '{count}/{max} 字',
    language: '语言',
  },
  en: {
    title: 'Patient experience survey',
    intro: 'Thank you for taking a minute. Your answers help us improve our care and are used for that purpose only.',
    visit: 'Department: {department} · Visit date: {date}',
    required: 'Required',
    missing: 'Please answer this question',
    missingSummary: '{count} required question(s) still unanswered',
    invalid: 'Please check your answer to this question',
    invalidSummary: 'Please check your answers to {count} question(s)',
    submit: 'Submit',
    submitting: 'Submitting…',
    thanksTitle: 'Thank you for your feedback!',
    thanksBody: 'We have received your answers. If something about your visit disappointed you, our staff will contact you soon.',
    answeredTitle: 'You have already answered this survey',
    answeredBody: 'Each link can be used once. Thank you for taking part!',
    expiredTitle: 'This survey link has expired',
    expiredBody: 'The link is no longer valid. Please contact the hospital service desk if you would like to give feedback.',
    notFoundTitle: 'This link is not valid',
    notFoundBody: 'Please check that the link is complete, or ask the service desk for a new one.',
    errorTitle: 'Could not send your answers',
    errorBody: 'The network or the service is busy. Please try again in a moment.',
    tooMany: 'Too many requests. Please try again in a minute.',
    retry: 'Try again',
    loading: 'Loading…',
    switchLanguage: '中文',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    scale: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    characters: '{count}/{max} characters',
    language: 'Language',
  },
} satisfies Record<SurveyLanguage, Record<string, string | string[]>>;

export type FeedbackTexts = (typeof FEEDBACK_TEXTS)['zh'];

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
