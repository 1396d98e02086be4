import type { ApiError } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { startServer, type RunningServer } from '../support/server-process';

const LIMIT = 5;

describe.each(testDatabases())('public survey rate limit on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: String(LIMIT) });
    anonymous = new ApiClient(server.baseUrl);
  });
  afterAll(() => server?.stop());

  const unknownToken = (i: number) => `/api/public/surveys/${'C'.repeat(42)}${i}`;

  it('counts GET and POST together, then answers 429 in the API error shape with Retry-After and RateLimit headers', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      // Alternate reading the form and submitting it: one budget for both.
      answers.push(i % 2 === 0 ? await anonymous.get(unknownToken(i)) : await anonymous.post(unknownToken(i), { answers: [] }));
    }
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);

    // Every answer within the budget says how much is left.
    expect(answers.slice(0, LIMIT).map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[0].headers.get('ratelimit-limit')).toBe(String(LIMIT));
    const reset = Number(answers[0].headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);

    const refused = answers[LIMIT];
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    const body = refused.body as ApiError;
    expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'requestId', 'statusCode']);
    expect(body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited' });
    expect(body.message).not.toMatch(/Throttler/);
    expect(body.requestId).toEqual(expect.any(String));
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-limit')).toBe(String(LIMIT));

    // Staff routes are not limited by it.
    expect((await anonymous.get('/api/health')).status).toBe(200);
  });
});
