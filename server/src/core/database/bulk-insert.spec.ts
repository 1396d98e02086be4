import type { DataSource } from 'typeorm';
import { insertRows } from './bulk-insert';
import { appDataSource } from './testing/app-schema';
import { createScratchDatabase, scratchKinds, type ScratchDatabase } from './testing/scratch-database';

/** `insertRows` writes its own SQL: it must store exactly what TypeORM's query builder stores. */
describe.each(scratchKinds())('insertRows on %s', (kind) => {
  let db: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase(kind);
    dataSource = appDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const patient = (id: number, i: number) => ({
    id,
    name: `患者${id}`,
    phone: `138${String(id).padStart(8, '0')}`,
    gender: i === 1 ? 'female' : 'male',
    birthDate: i === 2 ? null : '1980-05-06',
    note: null,
    stage: 'first_visit',
    stageSince: new Date(Date.UTC(2024, 2, 1, 0, 5, 30, 123)),
    lastVisitOn: null,
    nextVisitDue: null,
    lastDepartmentId: null,
    latestSurveyDetractor: i === 1,
    createdBy: null,
    createdAt: new Date(Date.UTC(2024, 2, 1, 8)),
    updatedAt: new Date(Date.UTC(2024, 2, 1, 8)),
  });

  async function stored(from: number, to: number): Promise<unknown[]> {
    const rows = (await dataSource.query(`SELECT * FROM patient WHERE id BETWEEN ${from} AND ${to} ORDER BY id`)) as Record<string, unknown>[];
    // The name and phone carry the id (they are unique together); the rest must be equal.
    return rows.map(({ id: _id, name: _name, phone: _phone, ...row }) => row);
  }

  it('stores dates, booleans, nulls and days as the query builder does', async () => {
    await dataSource.transaction(async (manager) => {
      const viaQueryBuilder = [0, 1, 2].map((i) => patient(101 + i, i));
      // Columns named, as TypeORM leaves a generated id out of an INSERT on PostgreSQL otherwise.
      await manager.createQueryBuilder().insert().into('PatientEntity', Object.keys(viaQueryBuilder[0])).values(viaQueryBuilder).updateEntity(false).execute();
      await insertRows(manager, 'PatientEntity', [0, 1, 2].map((i) => patient(201 + i, i)));
    });
    const viaBuilder = await stored(101, 103);
    expect(viaBuilder).toHaveLength(3);
    expect(await stored(201, 203)).toEqual(viaBuilder);
  });

  it('splits a load into statements under the bound-parameter limits', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => patient(1001 + i, i % 3));
    await dataSource.transaction((manager) => insertRows(manager, 'PatientEntity', rows));
    const [{ n }] = (await dataSource.query('SELECT COUNT(*) AS n FROM patient WHERE id > 1000')) as { n: number | string }[];
    expect(Number(n)).toBe(5000);
  });
});
