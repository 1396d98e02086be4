import type { ImportColumnMapping, ImportField } from '@huifang/shared';
import { IMPORT_FIELDS } from '@huifang/shared';

/*
 * What Chinese HIS exports (and English ones) call each field. Headers are compared normalised
 * (see `normalizeHeader`), so `患者 姓名`, `Patient_Name` and `费用(元)` match too.
 */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  patientNumber: ['病历号', '患者编号', '门诊号', 'ID号', '病人ID', '患者ID', '病案号', 'patient number', 'patient no', 'patient id', 'MRN', 'medical record number'],
  patientName: ['姓名', '患者姓名', '病人姓名', 'name', 'patient name'],
  phone: ['手机号', '手机号码', '联系电话', '电话', 'phone', 'mobile', 'mobile phone', 'phone number', 'telephone'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: ['出生日期', '生日', 'birth date', 'date of birth', 'DOB', 'birthday'],
  visitNumber: ['就诊号', '挂号流水号', '就诊流水号', '流水号', '挂号号', 'visit number', 'visit no', 'visit id', 'encounter id', 'registration number'],
  department: ['科室', '就诊科室', '挂号科室', 'department', 'dept'],
  clinician: ['医生', '接诊医生', '就诊医生', '主治医生', 'doctor', 'clinician', 'physician'],
  checkedInAt: ['挂号时间', '签到时间', '报到时间', 'checked in at', 'check-in time', 'check in time', 'registration time', 'arrival time'],
  calledAt: ['叫号时间', '就诊时间', '接诊时间', 'called at', 'call time', 'called in at', 'consultation time', 'seen at'],
  finishedAt: ['结束时间', '离院时间', '就诊结束时间', 'finished at', 'finish time', 'end time', 'discharge time'],
  nextVisitDue: ['复诊日期', '预约复诊日期', '下次复诊日期', 'next visit due', 'next visit', 'next visit date', 'follow-up date', 'return date'],
  charge: ['费用', '金额', '总费用', '总金额', 'charge', 'amount', 'fee', 'total charge', 'cost'],
};

/** Lower case, without spaces, `_ - .` and a trailing unit in brackets (`费用（元）`). */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .replace(/[(（][^()（）]*[)）]$/, '')
    .replace(/[\s_\-.]/g, '')
    .toLowerCase();
}

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => [field, ...HEADER_SYNONYMS[field]].map((name) => [normalizeHeader(name), field] as const)),
);

/** A mapping guessed from the file's headers: each field takes the first column named like it. */
export function suggestMapping(columns: readonly string[]): ImportColumnMapping {
  const mapping: ImportColumnMapping = {};
  for (const column of columns) {
    const field = FIELD_BY_HEADER.get(normalizeHeader(column));
    if (field && !(field in mapping)) mapping[field] = column;
  }
  return mapping;
}
