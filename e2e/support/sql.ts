import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Direct SQL on a test database, for arranging states the API cannot create on purpose
 * (e.g. an expected return date months ago). Placeholders are written `$1, $2…` for both kinds.
 */
export async function runSql(databaseUrl: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    try {
      db.pragma('busy_timeout = 5000');
      const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    } catch (error) {
      // better-sqlite3's native addon keeps the SqliteError class of the first test file that loaded it
      // in this worker: an error of another file's realm, which Jest's `rejects.toThrow` does not see
      // as thrown. Re-throw it as this file's Error.
      throw Object.assign(new Error((error as Error).message), { code: (error as { code?: string }).code });
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
