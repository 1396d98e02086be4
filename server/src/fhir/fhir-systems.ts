/*
 * The code systems and identifier systems Huifang's own FHIR resources use. URNs: they name
 * Huifang's records in any installation, and no installation needs a public web address for them.
 */
export const FHIR_JSON = 'application/fhir+json';
export const FHIR_JSON_UTF8 = 'application/fhir+json; charset=utf-8';

export const SYSTEMS = {
  patientId: 'urn:huifang:patient',
  encounterId: 'urn:huifang:encounter',
  callbackId: 'urn:huifang:callback',
  responseId: 'urn:huifang:survey-response',
  department: 'urn:huifang:department',
  callbackKind: 'urn:huifang:callback-kind',
  callbackOutcome: 'urn:huifang:callback-outcome',
  errorCode: 'urn:huifang:error-code',
  /** A survey template's canonical URL: `urn:huifang:survey-template:<id>`, versioned by its version number. */
  surveyTemplate: 'urn:huifang:survey-template',
} as const;

export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V3_PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';
export const MIN_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/maxValue';

export function templateCanonical(templateId: number): string {
  return `${SYSTEMS.surveyTemplate}:${templateId}`;
}
