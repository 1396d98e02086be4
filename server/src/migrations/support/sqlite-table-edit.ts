import type { QueryRunner } from 'typeorm';

/*
 * SQLite cannot drop a NOT NULL or change a CHECK in place: the table is made again. This edits the
 * table's own CREATE statement with exact text replacements (each must match once, so a definition
 * that is not the one the migration was written against stops it instead of being half changed),
 * copies every row, and puts back the table's indexes and triggers (in the order they were made:
 * without statistics SQLite's planner breaks ties between indexes by it) and its AUTOINCREMENT counter.
 * Triggers of other tables that read this one stay as they are: the rename runs with
 * `legacy_alter_table` on, so SQLite neither rewrites nor re-checks them while the name is gone.
 * Needs foreign key enforcement off (the migration runner turns it off), or the drop would cascade.
 */
export async function editSqliteTable(queryRunner: QueryRunner, table: string, replacements: readonly [from: string, to: string][]): Promise<void> {
  const [{ foreign_keys: enforced }] = (await queryRunner.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
  if (enforced) throw new Error(`rebuilding ${table} needs foreign keys off (the migration runner turns them off)`);
  const [{ sql }] = (await queryRunner.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])) as { sql: string }[];
  const temporary = `temporary_${table}`;
  let definition = sql;
  for (const [from, to] of [[`CREATE TABLE "${table}" (`, `CREATE TABLE "${temporary}" (`] as const, ...replacements]) {
    const at = definition.indexOf(from);
    if (at < 0 || definition.indexOf(from, at + 1) >= 0) throw new Error(`${table}: expected exactly one ${from}`);
    definition = definition.slice(0, at) + to + definition.slice(at + from.length);
  }
  const dependents = (await queryRunner.query(
    "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, rowid",
    [table],
  )) as { sql: string }[];
  const [sequence] = (await queryRunner.query('SELECT seq FROM sqlite_sequence WHERE name = ?', [table])) as { seq: number }[];
  const columnsOf = async (name: string) => ((await queryRunner.query(`PRAGMA table_info("${name}")`)) as { name: string }[]).map((c) => c.name);
  const oldColumns = await columnsOf(table);

  await queryRunner.query(definition);
  // The columns both have (an edit may add or, going back, drop some).
  const columns = (await columnsOf(temporary))
    .filter((column) => oldColumns.includes(column))
    .map((column) => `"${column}"`)
    .join(', ');
  await queryRunner.query(`INSERT INTO "${temporary}" (${columns}) SELECT ${columns} FROM "${table}"`);
  await queryRunner.query(`DROP TABLE "${table}"`);
  await queryRunner.query('PRAGMA legacy_alter_table = ON');
  try {
    await queryRunner.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  } finally {
    await queryRunner.query('PRAGMA legacy_alter_table = OFF');
  }
  for (const dependent of dependents) await queryRunner.query(dependent.sql);
  // Ids of deleted rows stay unused, as AUTOINCREMENT promises.
  if (sequence) await queryRunner.query('UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?', [sequence.seq, table]);
}
