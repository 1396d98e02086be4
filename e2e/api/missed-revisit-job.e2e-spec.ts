import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn } from '../support/server-process';
import { runSql } from '../support/sql';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describe.each(testDatabases())('the missed-revisit job on %s', (database) => {
  it('creates one win-back call per missed return, whether run again or by two instances at once', async () => {
    const db = await createTestDatabase(database);
    const first = await startServerOn(database, db);
    let others: Awaited<ReturnType<typeof startServerOn>>[] = [];
    try {
      const anonymous = new ApiClient(first.baseUrl);
      const admin = await anonymous.login('admin', ADMIN_PASSWORD);
      const desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
      const missed = await registerPatient(desk, { name: '未复诊' });
      const returned = await registerPatient(desk, { name: '已复诊' });
      const declined = await registerPatient(desk, { name: '拒绝回访', consent: { followUpCalls: false } });
      await runSql(db.url, 'UPDATE patient SET next_visit_due = $1, last_visit_on = $2 WHERE id IN ($3, $4)', [daysAgo(10), daysAgo(40), missed.id, declined.id]);
      await runSql(db.url, 'UPDATE patient SET next_visit_due = $1, last_visit_on = $2 WHERE id = $3', [daysAgo(10), daysAgo(9), returned.id]);

      // The job runs at every start-up: two more instances at once on the same database, then the first again.
      others = await Promise.all([startServerOn(database, db), startServerOn(database, db)]);
      await Promise.all(others.map((s) => s.stopKeepingDatabase()));
      others = [await startServerOn(database, db)];

      const rows = (await runSql(db.url, "SELECT patient_id, source_key, status FROM callback WHERE kind = 'missed_revisit' ORDER BY patient_id")) as {
        patient_id: number;
        source_key: string;
        status: string;
      }[];
      expect(rows.map((r) => [Number(r.patient_id), r.source_key, r.status])).toEqual([[missed.id, `due:${missed.id}:${daysAgo(10)}`, 'pending']]);
    } finally {
      await Promise.all(others.map((s) => s.stopKeepingDatabase()));
      await first.stop();
    }
  });
});
