import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;

describe.each(scratchKinds())('CancelCallsWithoutConsent1765200100000 on %s', (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'cancels the open callbacks left queued for patients who withdrew consent, and nothing else',
    async () => {
      const old = await migrate({ migrationsBefore: 'CancelCallsWithoutConsent1765200100000' });
      await old.query(
        `INSERT INTO patient (name, phone, stage, stage_since, consent_calls) VALUES
           ('撤回', '13800138001', 'first_visit', '2026-03-01 08:00:00', FALSE),
           ('同意', '13800138002', 'first_visit', '2026-03-01 08:00:00', TRUE),
           ('未问', '13800138003', 'first_visit', '2026-03-01 08:00:00', NULL)`,
      );
      const insert = (patientId: number, status: string) =>
        old.query(`INSERT INTO callback (patient_id, kind, priority, status, due_at) VALUES (${patientId}, 'manual', 'normal', '${status}', '2026-03-05 09:00:00')`);
      for (const [patientId, status] of [[1, 'pending'], [1, 'claimed'], [1, 'completed'], [2, 'pending'], [3, 'pending']] as const) await insert(patientId, status);
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: 'CancelCallsWithoutConsent1765200100000' });
      const rows: { patient_id: number; status: string; cancel_reason: string | null }[] = await migrated.query(
        'SELECT patient_id, status, cancel_reason FROM callback ORDER BY id',
      );
      expect(rows.map((r) => [Number(r.patient_id), r.status, r.cancel_reason])).toEqual([
        [1, 'cancelled', 'consent to follow-up calls withdrawn'],
        [1, 'cancelled', 'consent to follow-up calls withdrawn'],
        [1, 'completed', null],
        [2, 'pending', null],
        [3, 'pending', null],
      ]);
    },
    TIMEOUT,
  );
});
