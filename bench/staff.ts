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

async function login(http: Http, username: string, password: string): Promise<string> {
  const answer = await http.send('POST', '/api/auth/login', undefined, { username, password });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`login ${username} answered ${answer.status}`);
  return (answer.body as { accessToken: string }).accessToken;
}
