import { DataSource } from 'typeorm';
import { runRawSql, storedInstant } from './raw-sql';

describe('storedInstant', () => {
  it('reads what runRawSql stores on SQLite back as the same instant', async () => {
    const dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    try {
      await dataSource.query('CREATE TABLE t (at datetime)');
      const at = new Date('2026-03-04T05:06:07.089Z');
      await runRawSql(dataSource.manager, 'INSERT INTO t (at) VALUES ($1)', [at]);
      const rows = (await dataSource.query('SELECT at FROM t')) as { at: string }[];
      expect(rows.map((row) => storedInstant(row.at))).toEqual([at]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('keeps a zone written in the text and a Date from PostgreSQL', () => {
    expect(storedInstant('2026-03-04T05:06:07+08:00')).toEqual(new Date('2026-03-03T21:06:07Z'));
    const date = new Date();
    expect(storedInstant(date)).toBe(date);
  });
});
