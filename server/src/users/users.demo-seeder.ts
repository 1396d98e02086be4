import { Injectable } from '@nestjs/common';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@huifang/shared';
import type { DemoSeeder } from '../demo/demo-seeder';
import { UsersService } from './users.service';

/** The demo accounts of API.md, plus a second front-desk colleague to show shared queues. */
const EXTRA_STAFF = [{ username: 'frontdesk2', role: 'front_desk', displayName: '前台 赵磊' }] as const;

@Injectable()
export class UsersDemoSeeder implements DemoSeeder {
  readonly feature = 'staff accounts';

  constructor(private readonly users: UsersService) {}

  async seed(): Promise<void> {
    for (const account of [...DEMO_ACCOUNTS, ...EXTRA_STAFF]) {
      if (await this.users.findForLogin(account.username)) continue; // admin exists from first start
      await this.users.createInitial(account.username, account.role, account.displayName, DEMO_PASSWORD);
    }
  }
}
