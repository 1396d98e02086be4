import type { ExportLanguage, ImportRowError, ImportRowProblem } from '@huifang/shared';
import { toCsv } from '../core/http/csv';

/*
 * The downloadable error report of an import, in the user's language (like the audit CSV): the
 * server writes the file, so its words live here once.
 */
type Words = Record<ExportLanguage, string>;

const HEADERS: Words[] = [
  { zh: '行号', en: 'Row' },
  { zh: '字段', en: 'Field' },
  { zh: '问题', en: 'Problem' },
  { zh: '值', en: 'Value' },
];

export const IMPORT_PROBLEM_LABELS: Record<ImportRowProblem, Words> = {
  missing_field: { zh: '缺少必填项', en: 'Required value missing' },
  bad_phone: { zh: '手机号无效', en: 'Invalid mobile number' },
  bad_gender: { zh: '性别无法识别', en: 'Unknown gender' },
  bad_date: { zh: '日期无效', en: 'Invalid date' },
  bad_time: { zh: '时间无效', en: 'Invalid time' },
  bad_charge: { zh: '费用无效', en: 'Invalid charge' },
  too_long: { zh: '内容过长', en: 'Too long' },
  unknown_department: { zh: '科室不存在', en: 'Unknown department' },
  times_out_of_order: { zh: '时间先后顺序不对', en: 'Times out of order' },
  time_in_future: { zh: '时间在未来', en: 'Time in the future' },
  next_visit_not_after_visit: { zh: '预计复诊日期不在就诊日之后', en: 'Expected return not after the visit' },
  duplicate_visit_number: { zh: '就诊号重复', en: 'Duplicate visit number' },
  patient_conflict: { zh: '患者信息冲突', en: 'Conflicting patient' },
  unknown_patient: { zh: '找不到患者', en: 'Unknown patient' },
  unresolved_reference: { zh: '引用无法解析', en: 'Unresolved reference' },
  invalid_resource: { zh: '资源无效', en: 'Invalid resource' },
  control_characters: { zh: '含有控制字符', en: 'Control characters' },
  bad_answer: { zh: '回答代码无效（应为 1-7）', en: 'Invalid answer code (1-7)' },
  ambiguous_date: { zh: '日期的日和月无法区分', en: 'Ambiguous date (day or month?)' },
  duplicate_id: { zh: '编号在文件中重复', en: 'Duplicate ID in the file' },
};

export function importErrorsToCsv(errors: readonly ImportRowError[], lang: ExportLanguage): string {
  return toCsv(
    HEADERS.map((h) => h[lang]),
    errors.map((e) => [e.row, e.field, IMPORT_PROBLEM_LABELS[e.problem]?.[lang] ?? e.problem, e.value]),
  );
}
