import type { FastifyInstance } from 'fastify';
import { redactUrl } from './redact';

/**
 * One line per API request (method, redacted URL, status, time), and the request id sent back in
 * `x-request-id` so a user's error report can be matched with the log. Bodies are never logged.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    request.log.info(
      {
        method: request.method,
        url: redactUrl(request.url),
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
