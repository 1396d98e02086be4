import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
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

/** Helmet's options for this app: the CSP above, no framing, no Referer, HSTS only behind https. */
export function helmetOptions(config: Pick<AppConfig, 'publicUrl'>): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
  };
}

/**
 * The headers helmet sets for these options, computed once: they depend on the options only (no
 * directive here is a function of the request). @fastify/helmet rebuilt helmet's middleware, CSP
 * parsing included, on every request: ~8 % of a small authenticated answer's CPU (cpu profile).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers on every answer (pages, API JSON, errors): CSP, X-Frame-Options DENY, nosniff,
 * no Referer (survey tokens are in URLs), HSTS when the public address is https (browsers ignore
 * it over http), and `Cache-Control: no-store` on API answers. Set first thing, so a route may
 * still override one (the hospital logo's own CSP).
 */
export function registerSecurityHeaders(fastify: FastifyInstance, config: AppConfig): void {
  const headers = helmetHeaders(helmetOptions(config));
  const apiHeaders = { ...headers, 'cache-control': 'no-store' };
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(isApiAnswer(request.url) ? apiHeaders : headers);
    done();
  });
}
