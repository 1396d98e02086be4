import type { FastifyInstance } from 'fastify';

/** The route that takes FHIR documents (bundles of years of history): the only one with a big body. */
export const FHIR_IMPORT_URL = '/api/fhir';

/**
 * Largest `POST /api/fhir` body: about ten thousand Synthea-sized patients' worth of entries is
 * many bundles, not one; a bigger export is split into several bundles (or uploaded as files on
 * the Import page). Over it: 413 before the body is read whole.
 */
export const FHIR_BODY_MAX_BYTES = 50 * 1024 * 1024;

/**
 * FHIR's own media type (`application/fhir+json`, with or without `fhirVersion`) parsed like JSON
 * (the same prototype-poisoning checks), and the import route's larger body limit. Every other
 * route keeps the app's small limit: a hook on route registration sets this one route's limit.
 */
export function registerFhirBody(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === FHIR_IMPORT_URL && methods.includes('POST')) route.bodyLimit = FHIR_BODY_MAX_BYTES;
  });
}
