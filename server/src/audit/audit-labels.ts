import type { AuditAction, ExportLanguage } from '@huifang/shared';

/**
 * The words of the audit-log CSV in the user's language (`lang`). The server writes the file, so
 * its headers and action names live here, once; the audit page's own words stay in client/public/i18n.
 */
type Words = Record<ExportLanguage, string>;

export const AUDIT_CSV_HEADERS = {
  at: { zh: '时间', en: 'Time' },
  actorId: { zh: '员工编号', en: 'Staff ID' },
  actor: { zh: '员工', en: 'Staff' },
  action: { zh: '操作', en: 'Action' },
  entityType: { zh: '对象', en: 'Record' },
  entityId: { zh: '对象编号', en: 'Record ID' },
  patientId: { zh: '患者编号', en: 'Patient ID' },
  ip: { zh: 'IP 地址', en: 'IP address' },
  detail: { zh: '详情', en: 'Detail' },
} satisfies Record<string, Words>;

/** Every action has a name in both languages (the type checks none is missing). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, Words> = {
  'patient.read': { zh: '查看患者', en: 'Viewed patient' },
  'patient.search': { zh: '搜索患者', en: 'Searched patients' },
  'patient.timeline.read': { zh: '查看患者时间线', en: 'Viewed patient timeline' },
  'patient.create': { zh: '登记患者', en: 'Registered patient' },
  'patient.update': { zh: '修改患者信息', en: 'Edited patient' },
  'patient.consent': { zh: '修改联系同意', en: 'Changed contact consent' },
  'patient.transition': { zh: '变更患者阶段', en: 'Changed patient stage' },
  'patient.export': { zh: '导出患者数据', en: 'Exported patient data' },
  'patient.erase': { zh: '删除患者个人信息', en: "Erased patient's personal data" },
  'encounter.check_in': { zh: '签到', en: 'Checked in' },
  'encounter.call': { zh: '叫号', en: 'Called in' },
  'encounter.finish': { zh: '就诊结束', en: 'Finished visit' },
  'survey.invite': { zh: '发送问卷邀请', en: 'Sent survey invitation' },
  'survey.template': { zh: '修改问卷模板', en: 'Changed survey template' },
  'callback.read': { zh: '查看回访', en: 'Viewed callback' },
  'callback.create': { zh: '新建回访', en: 'Created callback' },
  'callback.claim': { zh: '领取回访', en: 'Claimed callback' },
  'callback.release': { zh: '释放回访', en: 'Released callback' },
  'callback.attempt': { zh: '记录回访结果', en: 'Logged call outcome' },
  'callback.reschedule': { zh: '改期回访', en: 'Rescheduled callback' },
  'callback.cancel': { zh: '取消回访', en: 'Cancelled callback' },
  'follow_up_rules.update': { zh: '修改回访规则', en: 'Changed follow-up rules' },
  'user.create': { zh: '新建用户', en: 'Created user' },
  'user.update': { zh: '修改用户', en: 'Changed user' },
  'department.create': { zh: '新增科室', en: 'Added department' },
  'department.update': { zh: '修改科室', en: 'Changed department' },
  'comment_theme.create': { zh: '新增留言主题', en: 'Added comment theme' },
  'comment_theme.update': { zh: '修改留言主题', en: 'Changed comment theme' },
  'indicators.drill_down': { zh: '下钻查看患者', en: 'Drilled down to patients' },
  'indicators.export': { zh: '导出指标', en: 'Exported indicators' },
  'audit.purge': { zh: '清理过期审计记录', en: 'Purged expired audit entries' },
  'audit.export': { zh: '导出审计日志', en: 'Exported audit log' },
  'import.upload': { zh: '上传导入文件', en: 'Uploaded an import file' },
  'import.run': { zh: '运行数据导入', en: 'Ran a data import' },
  'import.mapping_delete': { zh: '删除列对应方案', en: 'Deleted a column mapping' },
  'import.errors_read': { zh: '查看导入错误行', en: 'Viewed the rows an import refused' },
  'import.preview': { zh: '预览导入文件', en: 'Previewed an import file' },
  'import.delete': { zh: '放弃未运行的导入', en: 'Abandoned an import before running it' },
  'settings.update': { zh: '修改医院设置', en: 'Changed hospital settings' },
  'fhir_mapping.update': { zh: '修改 FHIR 科室映射', en: 'Changed FHIR department mapping' },
  'fhir.read': { zh: '以 FHIR 格式读取', en: 'Read as FHIR' },
  'improvement.create': { zh: '新建改进措施', en: 'Created improvement action' },
  'improvement.update': { zh: '修改改进措施', en: 'Changed improvement action' },
  'improvement.note': { zh: '添加改进措施备注', en: 'Added note to improvement action' },
  'indicator_target.update': { zh: '设置指标目标', en: 'Set indicator target' },
  'indicator_target.delete': { zh: '删除指标目标', en: 'Deleted indicator target' },
  'report.regenerate': { zh: '重新生成评估报告', en: 'Regenerated assessment report' },
  'outreach.retry': { zh: '重发失败消息', en: 'Retried failed message' },
  'outreach.opt_out': { zh: '患者回复退订', en: 'Patient opted out' },
  'outreach.receipt_rejected': { zh: '拒绝签名无效的回执', en: 'Rejected receipt with bad signature' },
};

/** What an entry is about; an entity type not listed here is written as its code. */
export const AUDIT_ENTITY_LABELS: Partial<Record<string, Words>> = {
  audit_entry: { zh: '审计记录', en: 'Audit entry' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  callback: { zh: '回访', en: 'Callback' },
  department: { zh: '科室', en: 'Department' },
  encounter: { zh: '就诊', en: 'Visit' },
  fhir_department_mapping: { zh: 'FHIR 科室映射', en: 'FHIR department mapping' },
  follow_up_rule: { zh: '回访规则', en: 'Follow-up rule' },
  indicator: { zh: '指标', en: 'Indicator' },
  assessment_report: { zh: '评估报告', en: 'Assessment report' },
  indicator_target: { zh: '指标目标', en: 'Indicator target' },
  improvement_action: { zh: '改进措施', en: 'Improvement action' },
  patient: { zh: '患者', en: 'Patient' },
  staff_user: { zh: '员工账号', en: 'Staff account' },
  stage_transition: { zh: '阶段变更', en: 'Stage change' },
  survey_invitation: { zh: '问卷邀请', en: 'Survey invitation' },
  survey_template: { zh: '问卷模板', en: 'Survey template' },
};
