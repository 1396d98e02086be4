import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { FHIR_JSON } from '../fhir-systems';

const read = [{ code: 'read' as const }];
const search = [{ code: 'search-type' as const }];
const pagingParams = [
  { name: '_since', type: 'date' as const, documentation: 'Changed (Task) or submitted (QuestionnaireResponse) at or after this instant or day' },
  { name: '_count', type: 'number' as const, documentation: 'Entries per page, 1-100 (default 50); follow the `next` link for more' },
];

const RESOURCES: CapabilityStatementRestResource[] = [
  { type: 'Patient', interaction: read, documentation: 'Read; also taken by POST /api/fhir (import)' },
  { type: 'Encounter', interaction: read, documentation: 'Read; also taken by POST /api/fhir (import)' },
  { type: 'Questionnaire', interaction: read, documentation: 'A survey template version; the id is the version id' },
  {
    type: 'QuestionnaireResponse',
    interaction: search,
    searchParam: [{ name: 'patient', type: 'reference', documentation: 'Patient/<id> or <id>' }, ...pagingParams],
    documentation: 'Answered surveys (quality managers and admins)',
  },
  {
    type: 'Task',
    interaction: search,
    searchParam: [{ name: 'status', type: 'token', documentation: 'requested | received | completed | failed | cancelled (comma-separated)' }, ...pagingParams],
    documentation: 'Follow-up calls (回访)',
  },
];

/** What this server does in FHIR: a few reads and searches, and a batch/transaction import at the base. */
export function capabilityStatement(now: Date): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    publisher: 'Huifang',
    kind: 'instance',
    software: { name: 'Huifang' },
    implementation: { description: 'Huifang patient-relationship management: HIS history in, surveys and follow-ups out' },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON, 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Bearer token of a staff account. POST to the base takes a Bundle (transaction, batch, collection) or one Patient/Encounter and answers a batch-response.',
        security: { description: 'OAuth-style bearer token from POST /api/auth/login' },
        resource: RESOURCES,
        interaction: [{ code: 'batch' }, { code: 'transaction' }],
      },
    ],
  };
}
