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
 * Waits for the work a start-up on a data set does once: the daily relationship pass (issue #14; a
 * minute on 1M encounters when it also works out the past) and any rollup a migration asked the
 * server to rebuild (the satisfaction figures answer 503 until then). The figures are of a working
 * day, not of that one-off; prints how long it took.
 */
export async function startUpWorkDone(baseUrl: string, timeoutMs = 600_000): Promise<void> {
  const http = new Http(baseUrl, 1);
  const began = Date.now();
  try {
    const token = await login(http, 'admin', ADMIN_PASSWORD);
    for (;;) {
      const answer = await http.send('GET', '/api/indicators/relationship', token);
      const passed = answer.status === 200 && (answer.body as { computedAt: string | null }).computedAt !== null;
      if (passed && (await http.send('GET', '/api/indicators/summary', token)).status === 200) break;
      if (Date.now() - began > timeoutMs) throw new Error('the relationship pass or a rollup rebuild did not finish');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`start-up work (relationship pass, rollup rebuilds) done after ${((Date.now() - began) / 1000).toFixed(1)} s`);
  } finally {
    await http.close();
  }
}

async function login(http: Http, username: string, password: string): Promise<string> {
  const answer = await http.send('POST', '/api/auth/login', undefined, { username, password });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`login ${username} answered ${answer.status}`);
  return (answer.body as { accessToken: string }).accessToken;
}
