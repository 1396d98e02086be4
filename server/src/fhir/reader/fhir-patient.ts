import { GENDERS, MOBILE_PHONE_PATTERN, PATIENT_NAME_MAX_LENGTH, normalizeMobilePhone, type Gender } from '@huifang/shared';
import type { ImportedPatient, SourceKey } from '../../imports/import-records';
import { identifierKeys } from './fhir-identifiers';
import { EntryProblem, isObject, optionalArray, optionalFullDate, optionalString, type Json } from './fhir-values';

/** Which of several names to take: the official one, then the usual, then one without `use`. */
const NAME_USE_ORDER = ['official', 'usual', undefined, 'temp', 'nickname', 'anonymous', 'maiden', 'old'];

/** Han characters (and the CJK punctuation a name may hold): a name written the Chinese way. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\u00b7]/;

/**
 * A HumanName as one line: its `text` when given; otherwise a Chinese name is family + given
 * without a space (张 + 三 → 张三) and any other "given family" (Carolyne Koelpin), the way each
 * is written. Prefixes and suffixes (Mrs., Dr.) are left out: they are not part of the name staff search.
 */
export function humanNameText(name: Json, path: string): string | null {
  const text = optionalString(name['text'], `${path}.text`)?.trim();
  if (text) return text;
  const family = optionalString(name['family'], `${path}.family`)?.trim() ?? '';
  const given = optionalArray(name['given'], `${path}.given`)
    .map((part, i) => optionalString(part, `${path}.given[${i}]`)?.trim() ?? '')
    .filter(Boolean);
  if (!family && !given.length) return null;
  if (CJK.test(family) || given.some((part) => CJK.test(part))) return family + given.join('');
  return [...given, family].filter(Boolean).join(' ');
}

function patientName(resource: Json): string {
  const names = optionalArray(resource['name'], 'Patient.name').map((name, i) => {
    if (!isObject(name)) throw new EntryProblem('invalid_resource', `Patient.name[${i}]`, name);
    return { name, i, use: optionalString(name['use'], `Patient.name[${i}].use`) };
  });
  const ranked = names
    .map((entry) => ({ ...entry, rank: NAME_USE_ORDER.indexOf(entry.use) === -1 ? NAME_USE_ORDER.length : NAME_USE_ORDER.indexOf(entry.use) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const { name, i } of ranked) {
    const text = humanNameText(name, `Patient.name[${i}]`);
    if (!text) continue;
    if (text.length > PATIENT_NAME_MAX_LENGTH) throw new EntryProblem('too_long', `Patient.name[${i}]`, text);
    return text;
  }
  throw new EntryProblem('missing_field', 'Patient.name', null);
}

/** Phone or SMS numbers, mobile ones first; the first that is a mainland mobile number, else none. */
function patientPhone(resource: Json): string | null {
  const numbers = optionalArray(resource['telecom'], 'Patient.telecom').flatMap((point, i) => {
    if (!isObject(point)) throw new EntryProblem('invalid_resource', `Patient.telecom[${i}]`, point);
    const system = optionalString(point['system'], `Patient.telecom[${i}].system`);
    const value = optionalString(point['value'], `Patient.telecom[${i}].value`);
    if ((system !== 'phone' && system !== 'sms') || !value) return [];
    return [{ mobile: optionalString(point['use'], `Patient.telecom[${i}].use`) === 'mobile', value, i }];
  });
  numbers.sort((a, b) => Number(b.mobile) - Number(a.mobile) || a.i - b.i);
  // Not a Chinese mobile (a landline, a US number in Synthea data) is no error: the patient has no
  // number Huifang can call or text.
  return numbers.map(({ value }) => normalizeMobilePhone(value)).find((phone) => MOBILE_PHONE_PATTERN.test(phone)) ?? null;
}

function patientGender(resource: Json): Gender | null {
  const gender = optionalString(resource['gender'], 'Patient.gender');
  if (gender === undefined) return null;
  if (!(GENDERS as readonly string[]).includes(gender)) throw new EntryProblem('bad_gender', 'Patient.gender', gender);
  return gender as Gender;
}

/** Every record identifier as `system|value`, then the id key (fhir-identifiers.ts): any of them finds the patient next time. */
export function patientKeys(resource: Json, fullUrl?: string): SourceKey[] {
  return identifierKeys(resource, 'Patient', fullUrl);
}

export function readPatient(resource: Json, fullUrl?: string): ImportedPatient {
  const keys = patientKeys(resource, fullUrl);
  if (!keys.length) throw new EntryProblem('missing_field', 'Patient.identifier', null);
  return {
    keys,
    name: patientName(resource),
    phone: patientPhone(resource),
    gender: patientGender(resource),
    birthDate: optionalFullDate(resource['birthDate'], 'Patient.birthDate'),
  };
}
