import type { ExportLanguage, IndicatorGrouping, IndicatorName, LifecycleStage, RelationshipStatus } from '@huifang/shared';

/**
 * The words of exported CSV files in the user's language (the `lang` of the request). The server
 * builds the file, so its headers and labels are translated here; the UI's own words stay in
 * client/public/i18n.
 */
type Words = Record<ExportLanguage, string>;

export const SERIES_HEADERS = {
  day: { zh: '日期', en: 'Day' },
  week: { zh: '周（起始日）', en: 'Week (Monday)' },
  month: { zh: '月份', en: 'Month' },
  department: { zh: '科室编号', en: 'Department ID' },
  department_name: { zh: '科室', en: 'Department' },
  n: { zh: '就诊人次', en: 'Visits' },
  mean_minutes: { zh: '平均等候（分钟）', en: 'Mean wait (min)' },
  median_minutes: { zh: '等候中位数（分钟）', en: 'Median wait (min)' },
  p90_minutes: { zh: '等候 P90（分钟）', en: 'P90 wait (min)' },
  over_threshold_count: { zh: '超时人次', en: 'Over threshold' },
  over_threshold_percent: { zh: '超时占比 %', en: 'Over threshold %' },
  cohort: { zh: '应复诊患者', en: 'Due back' },
  lapsed: { zh: '已流失', en: 'Lapsed' },
  churn_rate_percent: { zh: '流失率 %', en: 'Churn rate %' },
  retention_percent: { zh: '留存率 %', en: 'Retention %' },
  due: { zh: '应回访', en: 'Due' },
  completed: { zh: '已完成', en: 'Completed' },
  reached: { zh: '已接通', en: 'Reached' },
  failed: { zh: '未成功', en: 'Failed' },
  completion_rate_percent: { zh: '完成率 %', en: 'Completion rate %' },
  reached_rate_percent: { zh: '接通率 %', en: 'Reached rate %' },
  median_hours_to_complete: { zh: '完成用时中位数（小时）', en: 'Median hours to complete' },
  service_recovery_opened: { zh: '服务补救（新开）', en: 'Service recovery opened' },
  service_recovery_closed: { zh: '服务补救（已结案）', en: 'Service recovery closed' },
  responses: { zh: '问卷数', en: 'Responses' },
  invitations: { zh: '邀请数', en: 'Invitations' },
  invitations_answered: { zh: '已作答邀请数', en: 'Invitations answered' },
  response_rate_percent: { zh: '回收率 %', en: 'Response rate %' },
  nps: { zh: 'NPS', en: 'NPS' },
  nps_n: { zh: 'NPS 样本', en: 'NPS n' },
  promoters: { zh: '推荐者', en: 'Promoters' },
  passives: { zh: '中立者', en: 'Passives' },
  detractors: { zh: '贬损者', en: 'Detractors' },
  csat_top2_percent: { zh: 'CSAT 满意占比 %', en: 'CSAT top-2-box %' },
  csat_mean: { zh: 'CSAT 平均分', en: 'CSAT mean' },
  csat_n: { zh: 'CSAT 样本', en: 'CSAT n' },
  fft_positive_percent: { zh: 'FFT 好评率 %', en: 'FFT % positive' },
  fft_n: { zh: 'FFT 样本', en: 'FFT n' },
} as const satisfies Record<string, Words>;
export type SeriesHeader = keyof typeof SERIES_HEADERS;

/** A rating dimension's three columns (top-2-box %, mean, n), named in the language. */
export const DIMENSION_NAMES: Record<string, Words> = {
  wait_time: { zh: '候诊时间', en: 'Waiting time' },
  doctor_communication: { zh: '医患沟通', en: 'Doctor communication' },
  nursing: { zh: '护理服务', en: 'Nursing' },
  environment: { zh: '就诊环境', en: 'Environment' },
  billing: { zh: '费用与缴费', en: 'Billing' },
};
const DIMENSION_MEASURES = {
  top2_percent: { zh: '满意占比 %', en: 'top-2-box %' },
  mean: { zh: '平均分', en: 'mean' },
  n: { zh: '样本', en: 'n' },
} as const satisfies Record<string, Words>;

export function dimensionHeader(dimension: string, measure: keyof typeof DIMENSION_MEASURES, lang: ExportLanguage): string {
  return `${DIMENSION_NAMES[dimension]?.[lang] ?? dimension} ${DIMENSION_MEASURES[measure][lang]}`;
}

export function groupingHeader(groupBy: IndicatorGrouping, lang: ExportLanguage): string {
  return SERIES_HEADERS[groupBy][lang];
}

export const DRILL_DOWN_HEADERS = {
  patientId: { zh: '患者编号', en: 'Patient ID' },
  patient: { zh: '患者', en: 'Patient' },
  phone: { zh: '电话', en: 'Phone' },
  department: { zh: '科室', en: 'Department' },
  on: { zh: '日期', en: 'Date' },
  stage: { zh: '阶段', en: 'Stage' },
  status: { zh: '状态', en: 'Status' },
  ref: { zh: '记录编号', en: 'Record ID' },
} as const satisfies Record<string, Words>;

/** The value column of a drill-down: what its number measures. */
export const DRILL_DOWN_VALUE_HEADERS: Record<IndicatorName | 'flow', Words> = {
  'wait-time': { zh: '等候（分钟）', en: 'Wait (min)' },
  satisfaction: { zh: 'NPS 评分', en: 'NPS answer' },
  churn: { zh: '逾期天数', en: 'Days overdue' },
  'follow-up': { zh: '完成用时（小时）', en: 'Hours to complete' },
  flow: { zh: '数值', en: 'Value' },
};

export const STAGE_LABELS: Record<LifecycleStage, Words> = {
  first_visit: { zh: '初诊', en: 'First visit' },
  treatment: { zh: '治疗', en: 'Treatment' },
  rehabilitation: { zh: '康复', en: 'Rehabilitation' },
  follow_up: { zh: '复诊', en: 'Follow-up' },
};

export const STATUS_LABELS: Record<RelationshipStatus, Words> = {
  active: { zh: '正常', en: 'Active' },
  at_risk: { zh: '有流失风险', en: 'At risk' },
  lapsed: { zh: '已流失', en: 'Lapsed' },
};
