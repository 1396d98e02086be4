import type { LocalizedText, SurveyQuestion } from '@huifang/shared';

/**
 * The template every install starts with, modelled on standard patient-experience surveys
 * (HCAHPS "overall rating" and "would recommend", the NHS Friends and Family Test): overall
 * satisfaction, likelihood to recommend, five rated dimensions and an open comment.
 */
export const DEFAULT_TEMPLATE_NAME: LocalizedText = { zh: '门诊就诊体验调查', en: 'Outpatient experience survey' };

export const DEFAULT_TEMPLATE_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'csat',
    kind: 'csat',
    required: true,
    text: { zh: '总体而言，您对本次就诊满意吗？', en: 'Overall, how satisfied were you with this visit?' },
  },
  {
    id: 'nps',
    kind: 'nps',
    required: true,
    text: {
      zh: '您有多大可能向亲友推荐我们医院？',
      en: 'How likely are you to recommend this hospital to a friend or family member?',
    },
  },
  {
    id: 'wait_time',
    kind: 'rating',
    dimension: 'wait_time',
    required: true,
    text: { zh: '您对候诊时间满意吗？', en: 'How satisfied were you with the waiting time?' },
  },
  {
    id: 'doctor_communication',
    kind: 'rating',
    dimension: 'doctor_communication',
    required: true,
    text: { zh: '医生是否认真倾听并把病情解释清楚？', en: 'Did the doctor listen carefully and explain things clearly?' },
  },
  {
    id: 'nursing',
    kind: 'rating',
    dimension: 'nursing',
    required: false,
    text: { zh: '护士的服务态度和专业程度如何？', en: 'How were the courtesy and skill of the nurses?' },
  },
  {
    id: 'environment',
    kind: 'rating',
    dimension: 'environment',
    required: false,
    text: { zh: '就诊环境是否整洁、安静？', en: 'Was the clinic clean and quiet?' },
  },
  {
    id: 'billing',
    kind: 'rating',
    dimension: 'billing',
    required: false,
    text: { zh: '费用和缴费流程是否清楚？', en: 'Were the costs and the payment process clear?' },
  },
  {
    id: 'comment',
    kind: 'text',
    required: false,
    text: { zh: '还有什么想告诉我们的吗？', en: 'Is there anything else you would like to tell us?' },
  },
];
