import { readFile, stat } from 'node:fs/promises';
import { IMPORT_FHIR_MAX_BYTES } from '@huifang/shared';
import type { ImportItem, ImportSource } from '../../imports/import-records';
import type { FhirDepartmentLookup } from './fhir-department-lookup';
import { readEncounter, type EncounterContext } from './fhir-encounter';
import { patientKeys, readPatient } from './fhir-patient';
import { BundleReferences, resourceIdKey } from './fhir-references';
import { VisitFacts } from './fhir-visit-facts';
import { EntryProblem, isObject, toRowError, type Json } from './fhir-values';

/**
 * Largest FHIR file the reader takes (IMPORT_FHIR_MAX_BYTES). A bundle is read whole (JSON.parse),
 * then only the parsed tree is kept: it takes about 5-8 times the file's size in memory (a 3 MB
 * Synthea bundle ≈ 20 MB). Bigger exports come as several bundles.
 */
export const FHIR_FILE_MAX_BYTES = IMPORT_FHIR_MAX_BYTES;

export interface FhirReadContext {
  /** The department mapping table; it collects the codes it does not know. */
  departments: FhirDepartmentLookup;
  /** The hospital's time zone: a bare date (`2020-03-01`) is the start of that day there. */
  timeZone: string;
}

interface Entry {
  row: number;
  fullUrl: string | undefined;
  resource: Json | EntryProblem;
}

/**
 * What a resourceType may look like (`Patient`, `ExplanationOfBenefit`): anything else is no FHIR
 * resource, and is never used as a name (the skipped-type tally is keyed by it).
 */
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

function hasResourceType(value: unknown): value is Json {
  return isObject(value) && typeof value['resourceType'] === 'string' && RESOURCE_TYPE.test(value['resourceType']);
}

/** A bundle's entries (any type: transaction, batch, collection, searchset…) or the one resource given. */
function entriesOf(document: unknown): Entry[] {
  if (document instanceof EntryProblem) return [{ row: 0, fullUrl: undefined, resource: document }];
  if (!hasResourceType(document)) {
    return [{ row: 0, fullUrl: undefined, resource: new EntryProblem('invalid_resource', 'resourceType', null) }];
  }
  if (document['resourceType'] !== 'Bundle') return [{ row: 0, fullUrl: undefined, resource: document }];
  const entries = document['entry'] ?? [];
  if (!Array.isArray(entries)) return [{ row: 0, fullUrl: undefined, resource: new EntryProblem('invalid_resource', 'Bundle.entry', null) }];
  return entries.map((entry: unknown, row) => {
    if (!isObject(entry)) return { row, fullUrl: undefined, resource: new EntryProblem('invalid_resource', `Bundle.entry[${row}]`, null) };
    const fullUrl = typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : undefined;
    const resource = entry['resource'];
    if (!hasResourceType(resource)) {
      return { row, fullUrl, resource: new EntryProblem('invalid_resource', `Bundle.entry[${row}].resource`, null) };
    }
    return { row, fullUrl, resource };
  });
}

/**
 * The items of a parsed FHIR document, in entry order (`row` = entry index). Two passes: the first
 * learns what references may point at (patients' fullUrls and ids) and what other resources say about
 * visits (return dates, charges), since those may come after the encounter; the second maps each entry.
 */
export function* fhirItems(document: unknown, context: FhirReadContext, onEntry?: (done: number, total: number) => void): Generator<ImportItem> {
  const entries = entriesOf(document);
  const references = new BundleReferences();
  const facts = new VisitFacts(context.timeZone);
  for (const { fullUrl, resource } of entries) {
    if (resource instanceof EntryProblem) continue;
    if (resource['resourceType'] === 'Patient') {
      const key = mainKey(resource, fullUrl);
      if (key) references.add('Patient', fullUrl, typeof resource['id'] === 'string' ? resource['id'] : undefined, key);
    } else facts.gather(resource);
  }
  for (const { row, fullUrl, resource } of entries) {
    onEntry?.(row, entries.length);
    yield itemOf(row, fullUrl, resource, { ...context, references, facts });
  }
  onEntry?.(entries.length, entries.length);
}

/** The key an encounter in the same bundle names its patient by (the patient's other keys match too). */
function mainKey(resource: Json, fullUrl: string | undefined): string | undefined {
  try {
    const keys = patientKeys(resource, fullUrl);
    const id = typeof resource['id'] === 'string' ? resourceIdKey('Patient', resource['id'], fullUrl) : undefined;
    return keys.find((key) => key === id) ?? keys[0];
  } catch {
    return undefined; // reported when the entry itself is read
  }
}

function itemOf(row: number, fullUrl: string | undefined, resource: Json | EntryProblem, context: EncounterContext): ImportItem {
  try {
    if (resource instanceof EntryProblem) throw resource;
    switch (resource['resourceType']) {
      case 'Patient':
        return { row, patient: readPatient(resource, fullUrl) };
      case 'Encounter':
        return { row, encounter: readEncounter(resource, fullUrl, context) };
      default:
        return { row, skippedType: String(resource['resourceType']) };
    }
  } catch (error) {
    if (error instanceof EntryProblem) return { row, errors: [toRowError(row, error)] };
    throw error;
  }
}

/** A FHIR document already parsed (the body of `POST /api/fhir`) as an import source. */
export function fhirDocumentSource(document: unknown, bytesTotal: number, context: FhirReadContext): ImportSource {
  let bytesRead = 0;
  return {
    format: 'fhir',
    bytesTotal,
    bytesRead: () => bytesRead,
    async *items() {
      // Progress by entries: the document is already in memory, so bytes follow the entries read.
      yield* fhirItems(document, context, (done, total) => (bytesRead = total ? Math.round((bytesTotal * done) / total) : bytesTotal));
    },
  };
}

/**
 * A FHIR JSON file (a Bundle or one resource) as an import source: the import page's `.json`
 * uploads and the CLI. A file that is not JSON, or larger than FHIR_FILE_MAX_BYTES, gives one
 * `invalid_resource` error at entry 0 instead of items.
 */
export async function openFhirSource(filePath: string, context: FhirReadContext): Promise<ImportSource> {
  const { size } = await stat(filePath);
  let document: unknown;
  if (size > FHIR_FILE_MAX_BYTES) document = new EntryProblem('too_long', 'Bundle', `${size} bytes`);
  else {
    try {
      // The text is dropped as soon as it is parsed: one copy (the tree) is held while reading.
      document = JSON.parse((await readFile(filePath, 'utf8')).replace(/^\uFEFF/, ''));
    } catch {
      document = new EntryProblem('invalid_resource', 'Bundle', 'not JSON');
    }
  }
  return fhirDocumentSource(document, size, context);
}
