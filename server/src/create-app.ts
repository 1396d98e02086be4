import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { registerFhirBody } from './fhir/fhir-body';
import type { AppConfig } from './core/config/app-config';
import { createValidationPipe } from './core/http/validation';
import { registerInputGuard } from './core/http/input-guard';
import { findClientDir, serveClient } from './core/http/serve-client';
import { registerSecurityHeaders } from './core/http/security-headers';
import { serializeAnswer } from './core/http/shared-answer';
import { spaRewrite } from './core/http/spa-rewrite';
import { createLogger, PinoNestLogger } from './core/logging/logger';
import { newRequestId } from './core/logging/request-id';
import { registerRequestLogging } from './core/logging/request-logging';
import { setupOpenApi } from './core/openapi/openapi';

/** Largest JSON body accepted (a survey answer or a patient form is a few kB). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole app, configured as it runs in production: API under /api, docs, and the client at /. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config);
  const clientDir = findClientDir(config.clientDir);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    disableRequestLogging: true,
    genReqId: newRequestId,
    requestIdLogLabel: 'requestId',
    bodyLimit: BODY_LIMIT_BYTES,
    // request.ip (audit log, rate limits) is the forwarded client only behind a proxy the operator names.
    trustProxy: config.trustProxy,
    rewriteUrl: clientDir ? spaRewrite : undefined,
  });
  adapter.getInstance().setReplySerializer(serializeAnswer);
  registerSecurityHeaders(adapter.getInstance(), config);
  registerRequestLogging(adapter.getInstance(), logger);
  registerInputGuard(adapter.getInstance());
  registerFhirBody(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // The raw JSON body, for the HMAC of outreach receipts (outreach-receipt.guard.ts).
    rawBody: true,
  });
  // Phones on hospital Wi-Fi: gzip/brotli for scripts and JSON (threshold skips tiny answers).
  await app.register(fastifyCompress, { threshold: 1024 });
  // Import uploads (imports/import-upload.ts): streamed part by part, limits set per request there.
  await app.register(fastifyMultipart);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  if (clientDir) await serveClient(app, clientDir);
  else logger.warn('client not built (run `npm run build`): serving the API only');
  return app;
}
