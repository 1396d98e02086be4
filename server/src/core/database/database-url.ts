import { resolve } from 'node:path';
import type { DatabaseKind } from '@huifang/shared';

export type DatabaseTarget =
  | { kind: Extract<DatabaseKind, 'sqlite'>; file: string }
  | { kind: Extract<DatabaseKind, 'postgres'>; url: string };

export const DEFAULT_DATABASE_URL = 'sqlite:data/huifang.sqlite';

/**
 * `sqlite:<file>` (relative to the working directory) or `postgres://user:pass@host:port/db`.
 * Throws a one-line message on anything else; the message never echoes the URL (it may hold a password).
 */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const url = (raw ?? '').trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('DATABASE_URL: sqlite: needs a file name, e.g. sqlite:data/huifang.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('DATABASE_URL: not a valid postgres:// URL');
    }
    if (!parsed.hostname || parsed.pathname.length < 2) {
      throw new Error('DATABASE_URL: a postgres:// URL needs a host and a database name');
    }
    return { kind: 'postgres', url };
  }
  const scheme = url.split(':')[0];
  throw new Error(`DATABASE_URL: unknown database scheme "${scheme}" (use sqlite:<file> or postgres://…)`);
}
