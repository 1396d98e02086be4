import type { Role } from '@huifang/shared';
import { Http } from './http';
import { ADMIN_PASSWORD } from './server';

const PASSWORD = 'bench-staff-password-2026';

/** Creates staff accounts through the API (as an admin would) and signs each in; returns their tokens. */
export async function signIn(baseUrl: string, role: Role, count: number, prefix: string): Promise<string[]> {
  const http = new Http(baseUrl, 2);
  try {
    const adminToken = await login(http, 'admin', ADMIN_PASSWORD);
    const tokens: string[] = [];
    for (let i = 1; i <= count; i++) {
      const username = `${prefix}${i}`;
      const created = await http.send('POST', '/api/users', adminToken, { username, displayName: username, role, password: PASSWORD });
      if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${username} answered ${created.status}: ${JSON.stringify(created.body)}`);
      tokens.push(await login(http, username, PASSWORD));
    }
    return tokens;
  } finally {
    await http.close();
  }
}

export async function adminToken(baseUrl: string): Promise<string> {
  const http = new Http(baseUrl, 1);
  try {
    return await login(http, 'admin', ADMIN_PASSWORD);
  } finally {
    await http.close();
  }
}

/**
 * Waits for the server's daily relationship pass (issue #14), which a start-up on a data set runs
 * first (a minute on 1M encounters when it also works out the past): the figures are of a working day,
 * not of that one-off; prints how long it took.
 */
export async function relationshipPassDone(baseUrl: string, timeoutMs = 600_000): Promise<void> {
  const http = new Http(baseUrl, 1);
  const began = Date.now();
  try {
    const token = await login(http, 'admin', ADMIN_PASSWORD);
    for (;;) {
      const answer = await http.send('GET', '/api/indicators/relationship', token);
      if (answer.status === 200 && (answer.body as { computedAt: string | null }).computedAt !== null) break;
      if (Date.now() - began > timeoutMs) throw new Error('the relationship pass did not finish');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`relationship pass done after ${((Date.now() - began) / 1000).toFixed(1)} s`);
  } finally {
    await http.close();
  }
}

async function login(http: Http, username: string, password: string): Promise<string> {
  const answer = await http.send('POST', '/api/auth/login', undefined, { username, password });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`login ${username} answered ${answer.status}`);
  return (answer.body as { accessToken: string }).accessToken;
}
