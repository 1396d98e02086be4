import { Pool } from 'undici';

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * A request unanswered after this long counts as an error (a user has given up), and bounds how long
 * an overloaded run drains after its schedule ends.
 */
export const GIVE_UP_MS = 30_000;

/** Keep-alive connections to the server under test (undici: little client CPU on a shared 2-core machine). */
export class Http {
  private readonly pool: Pool;

  constructor(
    readonly baseUrl: string,
    connections: number,
  ) {
    this.pool = new Pool(baseUrl, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: GIVE_UP_MS, bodyTimeout: GIVE_UP_MS });
  }

  async send(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.pool.request({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.statusCode, body: parsed };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** "409 callback.claimed": what an error answer was, for the error column (never patient data). */
export function reasonOf(answer: Answer): string {
  const code = (answer.body as { code?: unknown } | null)?.code;
  return `${answer.status}${typeof code === 'string' ? ` ${code}` : ''}`;
}

export const is2xx = (status: number) => status >= 200 && status < 300;
