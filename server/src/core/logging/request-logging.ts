import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { redactUrl } from './redact';

/**
 * One line per API request (method, redacted URL, status, time), and the request id sent back in
 * `x-request-id` so a user's error report can be matched with the log. Bodies are never logged.
 * Callback-style hooks (an async hook costs a promise per request), and the URL is only redacted
 * when the line is written.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: Pick<Logger, 'isLevelEnabled'>): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url.startsWith('/api/') && logger.isLevelEnabled('info')) {
      request.log.info(
        {
          method: request.method,
          url: redactUrl(request.url),
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });
}
