import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { DemoSeeder } from './demo-seeder';
import { DataSource } from 'typeorm';
import { SYNTHETIC_DATA_KEY } from '@huifang/shared';
import { AppSetting } from '../core/settings/app-setting.entity';
import { DEMO_SEEDERS } from './demo-seeders';

@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  async seedAll(): Promise<void> {
    for (const type of DEMO_SEEDERS) {
      const seeder = this.moduleRef.get<DemoSeeder>(type, { strict: false });
      const started = Date.now();
      await seeder.seed();
      this.logger.log(`demo data: ${seeder.feature} (${Date.now() - started} ms)`);
    }
    // Figures worked out over this database (e.g. `npm run eval:phases`) say they are synthetic.
    await this.dataSource.getRepository(AppSetting).save({ key: SYNTHETIC_DATA_KEY, value: 'demo' });
  }
}
