import type { Bundle, BundleEntry, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { ImportRowError } from '@huifang/shared';
import type { ImportItem } from '../../imports/import-records';
import { operationOutcome } from '../fhir-outcome';

/** Where problems of an import entry are named: our problem codes (`imports.problems.<code>` in the client). */
export const IMPORT_PROBLEM_SYSTEM = 'urn:huifang:import-problem';

/** How each entry of the request ended, as the importer left it. */
export interface EntryResult {
  item: ImportItem;
  /** The entry's errors: the reader's and the importer's (unknown patient, times out of order…). */
  errors: ImportRowError[];
  /** The record existed before this request (found by one of its source keys). */
  existed: boolean;
  /** `Patient/12` / `Encounter/34`: where the stored record is read (FHIR export). */
  location: string | null;
}

const SHAPE_PROBLEMS = new Set(['invalid_resource', 'missing_field', 'bad_date', 'bad_time', 'bad_gender', 'too_long']);

/** One error as an issue: its path as `expression`, our problem code as the coding. The value stays out (it may be personal data). */
function issueOf(error: ImportRowError): OperationOutcomeIssue {
  return {
    severity: 'error',
    code: SHAPE_PROBLEMS.has(error.problem) ? 'invalid' : 'processing',
    details: { coding: [{ system: IMPORT_PROBLEM_SYSTEM, code: error.problem }] },
    diagnostics: error.field ? `${error.problem} at ${error.field}` : error.problem,
    ...(error.field ? { expression: [error.field] } : {}),
  };
}

function entryOf({ item, errors, existed, location }: EntryResult): BundleEntry<OperationOutcome> {
  if (errors.length) return { response: { status: '422 Unprocessable Entity', outcome: operationOutcome(errors.map(issueOf)) } };
  if (item.skippedType) {
    const outcome = operationOutcome([
      { severity: 'information', code: 'not-supported', diagnostics: `${item.skippedType} is not stored by Huifang: counted and skipped` },
    ]);
    return { response: { status: '200 OK', outcome } };
  }
  return { response: { status: existed ? '200 OK' : '201 Created', ...(location ? { location } : {}) } };
}

/**
 * The answer to `POST /api/fhir`: one entry per entry sent, in order. A transaction is answered as
 * a batch: the importer stores every good entry and refuses only the bad ones (history is not
 * all-or-nothing), so the response is `batch-response` whatever the request's type.
 */
export function batchResponse(results: EntryResult[]): Bundle<OperationOutcome> {
  return { resourceType: 'Bundle', type: 'batch-response', entry: results.map(entryOf) };
}
