/**
 * Log lines must never carry tokens or phone numbers. URLs can hold both: the survey token in
 * `/api/public/surveys/<token>` or `/feedback/<token>`, and a phone number typed into a search box.
 */
const TOKEN_PATHS = /(\/(?:api\/public\/surveys|feedback)\/)[^/?#]+/g;
const LONG_DIGIT_RUNS = /\d{5,}/g;
const SENSITIVE_QUERY = /([?&](?:q|phone|token|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url
    .replace(TOKEN_PATHS, '$1[token]')
    .replace(SENSITIVE_QUERY, '$1[redacted]')
    .replace(LONG_DIGIT_RUNS, '[digits]');
}

/** pino `redact` paths: headers and body-like fields that may appear in objects we log. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.phone',
];
