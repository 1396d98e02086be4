import type { DataSource, EntityManager } from 'typeorm';
import { appDataSource } from '../core/database/testing/app-schema';
import { createScratchDatabase, scratchKinds, type ScratchDatabase } from '../core/database/testing/scratch-database';
import type { NewMessage, Outbox as OutboxClass } from './outbox';
import type { OutreachChannels } from './outreach-channels';
import type { OutreachTexts } from './outreach-texts';

const TIMEOUT = 120_000;
const ZONE = 'Asia/Shanghai';
/** Midday in Shanghai: no quiet hours. */
const NOW = new Date('2026-05-04T04:00:00Z');

/*
 * `enqueueOnce` on a real database: a rule that fires again for the same record (an import re-run,
 * two instances at once) gets the message already written, never a second one nor a unique-key
 * error that would abort the event's transaction.
 */
describe.each(scratchKinds())('Outbox.enqueueOnce on %s', (kind) => {
  let db: ScratchDatabase;
  let dataSource: DataSource;
  let outbox: OutboxClass;
  let patientId: number;

  beforeAll(async () => {
    db = await createScratchDatabase(kind);
    let Outbox: typeof OutboxClass | undefined;
    // The outbox names the entity classes: loaded beside the data source's own.
    dataSource = appDataSource(db.url, {}, () => {
      ({ Outbox } = require('./outbox') as { Outbox: typeof OutboxClass });
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const channels = { channelFor: () => 'sms' } as unknown as OutreachChannels;
    const texts = { render: async () => ({ subject: '', body: '您好' }) } as unknown as OutreachTexts;
    outbox = new (Outbox as typeof OutboxClass)(channels, texts);
    await dataSource.query(
      "INSERT INTO patient (name, phone, stage, stage_since, consent_calls) VALUES ('王芳', '13800000001', 'first_visit', '2026-05-01 08:00:00', TRUE)",
    );
    [{ id: patientId }] = (await dataSource.query("SELECT id FROM patient WHERE phone = '13800000001'")) as { id: number }[];
  }, TIMEOUT);
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  const nudge = (encounter: number): NewMessage => ({
    kind: 'missed_revisit_nudge',
    patientId,
    idempotencyKey: `missed_revisit_nudge:${encounter}`,
    sourceId: encounter,
    departmentId: null,
    language: 'zh',
    values: {},
  });
  const enqueueOnce = (manager: EntityManager, message: NewMessage) => outbox.enqueueOnce(manager, message, NOW, ZONE);
  const rows = async (key: string) => (await dataSource.query(`SELECT id FROM outreach_message WHERE idempotency_key = '${key}'`)) as { id: number }[];

  it('writes a key once: the second call returns the first message unchanged', async () => {
    const first = await dataSource.transaction((m) => enqueueOnce(m, nudge(1)));
    const again = await dataSource.transaction((m) => enqueueOnce(m, nudge(1)));
    expect(first.status).toBe('queued');
    expect(again.id).toBe(first.id);
    expect(await rows('missed_revisit_nudge:1')).toHaveLength(1);
  });

  if (kind === 'postgres') {
    it(
      'makes a second transaction writing the same key wait for the first, then find its message (no unique-key error)',
      async () => {
        const first = dataSource.createQueryRunner();
        await first.connect();
        await first.startTransaction();
        try {
          const written = await enqueueOnce(first.manager, nudge(2));
          let secondDone = false;
          const second = dataSource.transaction((m) => enqueueOnce(m, nudge(2))).finally(() => {
            secondDone = true;
          });
          // The second waits on the patient's lock while the first is open.
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(secondDone).toBe(false);
          await first.commitTransaction();
          expect((await second).id).toBe(written.id);
        } finally {
          if (first.isTransactionActive) await first.rollbackTransaction();
          await first.release();
        }
        expect(await rows('missed_revisit_nudge:2')).toHaveLength(1);
      },
      TIMEOUT,
    );
  }
});
