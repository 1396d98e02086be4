import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/**
 * What pages may load, for the Angular client, the survey form and the API docs alike: scripts and
 * everything else only from this origin (no inline script, no eval). Styles may be inline: Angular
 * adds component styles as <style> elements, and Material and ECharts' SVG renderer set style
 * attributes. `data:` images are the invitation QR codes. No site may frame any page
 * (clickjacking of the survey form and the staff app).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Personal data must not stay in browser or proxy caches; the docs' static files may. */
function isApiAnswer(url: string): boolean {
  return (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) && !url.startsWith('/api/docs');
}

/**
 * Security headers on every answer (pages, API JSON, errors): CSP, X-Frame-Options DENY, nosniff,
 * no Referer (survey tokens are in URLs), HSTS when the public address is https (browsers ignore
 * it over http), and `Cache-Control: no-store` on API answers.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (isApiAnswer(request.url)) void reply.header('cache-control', 'no-store');
      done();
    });
}
