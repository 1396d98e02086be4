import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/** An arbitrary constant naming Huifang's start-up lock among the database's advisory locks. */
const STARTUP_LOCK_KEY = '4812207713900417';
/** Like the TypeORM connection (retryAttempts, retryDelay): a database still starting gets a moment. */
const CONNECT_ATTEMPTS = 3;
const CONNECT_RETRY_DELAY_MS = 1000;

/**
 * Held while an instance migrates the database and runs its first-start work (the admin account,
 * demo data), so that two instances started together on one PostgreSQL database do not race: the
 * second waits, then finds the schema migrated and the data seeded. A session-level advisory lock
 * on a connection of its own, outside the pool and outside any transaction; if the process dies,
 * PostgreSQL drops the session and the lock with it.
 * SQLite has no second instance to wait for (a file is served by one process), so nothing is taken.
 */
export class StartupLock implements OnApplicationShutdown {
  private readonly logger = new Logger(StartupLock.name);

  private constructor(private client: Client | undefined) {}

  static async acquire(config: AppConfig): Promise<StartupLock> {
    if (config.database.kind !== 'postgres') return new StartupLock(undefined);
    const client = await connect(config.database.url);
    const lock = new StartupLock(client);
    const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock($1) AS locked', [STARTUP_LOCK_KEY])).rows;
    if (!locked) {
      lock.logger.log('another instance is starting on this database: waiting for it to finish migrating and seeding');
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    return lock;
  }

  /** Lets the next instance start. Idempotent. */
  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** A start-up that failed half-way still lets the next instance in. */
  async onApplicationShutdown(): Promise<void> {
    await this.release();
  }
}

async function connect(url: string): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: url });
    // Without a listener, a dropped connection would crash the process; the lock is gone then anyway.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt >= CONNECT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_DELAY_MS));
    }
  }
}
