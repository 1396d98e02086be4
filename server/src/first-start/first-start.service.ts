import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_PASSWORD } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { StartupLock } from '../core/database/startup-lock';
import { DemoService } from '../demo/demo.service';
import { UsersService } from '../users/users.service';

/**
 * On an empty database: create `admin` (HUIFANG_ADMIN_PASSWORD, the demo password in demo mode,
 * or a random one printed once to the console), then load demo data when HUIFANG_DEMO=1.
 * Runs under the start-up lock taken before the migrations, and releases it: another instance
 * starting on the same PostgreSQL database waits until the data is complete, then finds it.
 * The server listens (and answers /api/health) only after this has finished.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstStartService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly demo: DemoService,
    private readonly startupLock: StartupLock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seedEmptyDatabase();
    } finally {
      await this.startupLock.release();
    }
  }

  private async seedEmptyDatabase(): Promise<void> {
    if ((await this.users.count()) > 0) {
      if (this.config.demo) this.logger.log('the database already has data: demo data not loaded again');
      return;
    }
    const generated = !this.config.adminPassword && !this.config.demo;
    const password = this.config.adminPassword ?? (this.config.demo ? DEMO_PASSWORD : randomBytes(12).toString('base64url'));
    try {
      await this.users.createInitial('admin', 'admin', '系统管理员', password);
    } catch (error) {
      // Another instance starting on the same empty database created it first.
      if (await this.users.findForLogin('admin')) return;
      throw error;
    }
    if (generated) {
      // Deliberately not through the logger: shown once on the console, never in log files.
      process.stdout.write(
        `\n  First start: created the account "admin" with the password  ${password}\n` +
          '  Write it down and change it under Users; it is not shown again.\n\n',
      );
    }
    if (this.config.demo) await this.demo.seedAll();
  }
}
