import { resolve } from 'node:path';
import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('defaults to the SQLite file data/huifang.sqlite', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', file: resolve('data/huifang.sqlite') });
    expect(parseDatabaseUrl('  ')).toEqual({ kind: 'sqlite', file: resolve('data/huifang.sqlite') });
  });

  it('accepts sqlite:<file> and postgres URLs', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/x.db')).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
    expect(parseDatabaseUrl('postgres://u:p@127.0.0.1:5432/huifang').kind).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://127.0.0.1/huifang').kind).toBe('postgres');
  });

  it('refuses unknown schemes and incomplete URLs without echoing secrets', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@db/x')).toThrow(/unknown database scheme "mysql"/);
    expect(() => parseDatabaseUrl('mysql://root:secret@db/x')).not.toThrow(/secret/);
    expect(() => parseDatabaseUrl('postgres://host-only')).toThrow(/database name/);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/file name/);
  });
});
