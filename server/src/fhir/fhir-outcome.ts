import { Catch } from '@nestjs/common';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '@huifang/shared';
import { ApiExceptionFilter } from '../core/http/api-exception.filter';
import { FHIR_JSON, FHIR_JSON_UTF8, SYSTEMS } from './fhir-systems';

const ISSUE_CODE: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'deleted',
  413: 'too-long',
  415: 'not-supported',
  422: 'processing',
  429: 'throttled',
};

/** One issue: FHIR's category of the failure, our `code` as a coding (clients branch on it), the English message. */
export function outcomeIssue(statusCode: number, code: string, message: string | string[] | undefined, expression?: string[]): OperationOutcomeIssue {
  return {
    severity: statusCode >= 500 ? 'fatal' : 'error',
    code: ISSUE_CODE[statusCode] ?? (statusCode >= 500 ? 'exception' : 'invalid'),
    details: { coding: [{ system: SYSTEMS.errorCode, code }] },
    ...(message !== undefined ? { diagnostics: Array.isArray(message) ? message.join('; ') : message } : {}),
    ...(expression?.length ? { expression } : {}),
  };
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** The client asked for FHIR (a FHIR client's `Accept`, or `_format`): it gets a pure OperationOutcome. */
function wantsPureFhir(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const format = (request.query as Record<string, unknown> | undefined)?.['_format'];
  return accept.includes(FHIR_JSON) || (typeof format === 'string' && format.includes('fhir'));
}

/**
 * Errors of the FHIR routes as OperationOutcome, as the FHIR spec expects. A FHIR client (Accept:
 * application/fhir+json) gets a valid OperationOutcome (application/fhir+json), our `code` and params
 * in the issue's `details.coding` / `expression`; any other caller (our client, the API tests) gets
 * the API's error shape (application/json) with `resourceType` and `issue` beside it, so both kinds
 * of reader find what they look for.
 */
@Catch()
export class FhirExceptionFilter extends ApiExceptionFilter {
  protected override send(request: FastifyRequest, reply: FastifyReply, body: ApiError): void {
    const fields = (body.params as { fields?: unknown } | undefined)?.fields;
    const issue = outcomeIssue(body.statusCode, body.code, body.message, Array.isArray(fields) ? fields.map(String) : undefined);
    if (wantsPureFhir(request)) {
      void reply.status(body.statusCode).header('content-type', FHIR_JSON_UTF8).send(operationOutcome([issue]));
      return;
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send({ ...body, ...operationOutcome([issue]) });
  }
}
