import { SOURCE_KEY_MAX_LENGTH, type SourceKey } from '../../imports/import-records';
import { identifierKey } from './fhir-references';
import { EntryProblem, isObject, optionalArray, optionalString, type Json } from './fhir-values';

/**
 * A resource's source keys: each `identifier` with both system and value as `system|value`, then
 * `<Type>/<id>`. An identifier without a system is not unique beyond its own system: left out.
 */
export function identifierKeys(resource: Json, type: string): SourceKey[] {
  const keys = optionalArray(resource['identifier'], `${type}.identifier`).flatMap((identifier, i) => {
    if (!isObject(identifier)) throw new EntryProblem('invalid_resource', `${type}.identifier[${i}]`, identifier);
    const system = optionalString(identifier['system'], `${type}.identifier[${i}].system`);
    const value = optionalString(identifier['value'], `${type}.identifier[${i}].value`);
    return system && value ? [{ key: identifierKey(system, value), i }] : [];
  });
  const id = optionalString(resource['id'], `${type}.id`);
  if (id) keys.push({ key: `${type}/${id}`, i: -1 });
  for (const { key, i } of keys) {
    if (key.length > SOURCE_KEY_MAX_LENGTH) throw new EntryProblem('too_long', i < 0 ? `${type}.id` : `${type}.identifier[${i}]`, key);
  }
  return [...new Set(keys.map(({ key }) => key))];
}
