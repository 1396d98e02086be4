import { SOURCE_KEY_MAX_LENGTH, type SourceKey } from '../../imports/import-records';
import { identifierKey, resourceIdKey } from './fhir-references';
import { EntryProblem, isObject, optionalArray, optionalString, type Json } from './fhir-values';

/*
 * Which identifiers become source keys. A source key is stored as plain text for as long as the
 * record lives, so only identifiers that name the record in the sending system are kept: those
 * without a `type`, or typed (HL7 v2-0203) as one of RECORD_IDENTIFIER_TYPES. Government and
 * personal ids (social security, driver's licence, passport, national / resident id, insurance
 * member numbers…) are never kept, whatever their type says: Huifang does not need them to find a
 * record again, and they outlive an erasure in other systems.
 */

/** v2-0203 codes of identifiers the sending system gives its own records: medical record, patient internal/external, account, visit, filler/placer numbers. */
export const RECORD_IDENTIFIER_TYPES: ReadonlySet<string> = new Set(['MR', 'MRT', 'PI', 'PT', 'PN', 'AN', 'VN', 'FILL', 'PLAC']);

/** Systems of government-issued ids, refused even without a `type` (lower case; prefixes end with a separator). */
const GOVERNMENT_ID_SYSTEMS = [
  'http://hl7.org/fhir/sid/us-ssn',
  'urn:oid:2.16.840.1.113883.4.1', // US SSN
  'http://hl7.org/fhir/sid/passport-',
  'urn:oid:2.16.156.10011.1.1', // China: resident identity card
  'urn:oid:1.2.156.112604.1.2.1', // China: resident identity card (older OID in use)
  'urn:oid:2.16.840.1.113883.2.4.6.3', // NL BSN
  'http://fhir.nl/fhir/namingsystem/bsn',
  'https://fhir.nhs.uk/id/nhs-number',
  'http://ns.electronichealth.net.au/id/hi/ihi/',
  'urn:oid:1.2.250.1.213.1.4.8', // FR NIR
];

function isGovernmentSystem(system: string): boolean {
  const lower = system.toLowerCase();
  return GOVERNMENT_ID_SYSTEMS.some((known) => (/[-/]$/.test(known) ? lower.startsWith(known) : lower === known));
}

/** An identifier's type codes; a `type` with only text (no coding) names no record type. */
function typeCodes(identifier: Json, path: string): string[] | null {
  const type = identifier['type'];
  if (type === undefined || type === null) return null;
  if (!isObject(type)) throw new EntryProblem('invalid_resource', `${path}.type`, type);
  return optionalArray(type['coding'], `${path}.type.coding`).flatMap((coding) => (isObject(coding) && typeof coding['code'] === 'string' ? [coding['code']] : []));
}

function identifiesRecord(identifier: Json, system: string, path: string): boolean {
  if (isGovernmentSystem(system)) return false;
  const codes = typeCodes(identifier, path);
  return codes === null || codes.some((code) => RECORD_IDENTIFIER_TYPES.has(code));
}

/**
 * A resource's source keys: each record identifier with both system and value as `system|value`,
 * then its id (qualified by the source's base URL when its fullUrl names one; see `resourceIdKey`).
 * An identifier without a system is not unique beyond its own system: left out.
 */
export function identifierKeys(resource: Json, type: string, fullUrl?: string): SourceKey[] {
  const keys = optionalArray(resource['identifier'], `${type}.identifier`).flatMap((identifier, i) => {
    const path = `${type}.identifier[${i}]`;
    if (!isObject(identifier)) throw new EntryProblem('invalid_resource', path, identifier);
    const system = optionalString(identifier['system'], `${path}.system`);
    const value = optionalString(identifier['value'], `${path}.value`);
    return system && value && identifiesRecord(identifier, system, path) ? [{ key: identifierKey(system, value), i }] : [];
  });
  const id = optionalString(resource['id'], `${type}.id`);
  if (id) keys.push({ key: resourceIdKey(type, id, fullUrl), i: -1 });
  for (const { key, i } of keys) {
    if (key.length > SOURCE_KEY_MAX_LENGTH) throw new EntryProblem('too_long', i < 0 ? `${type}.id` : `${type}.identifier[${i}]`, key);
  }
  return [...new Set(keys.map(({ key }) => key))];
}
