import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { DemoSeeder } from './demo-seeder';
import { DEMO_SEEDERS } from './demo-seeders';

@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  async seedAll(): Promise<void> {
    for (const type of DEMO_SEEDERS) {
      const seeder = this.moduleRef.get<DemoSeeder>(type, { strict: false });
      const started = Date.now();
      await seeder.seed();
      this.logger.log(`demo data: ${seeder.feature} (${Date.now() - started} ms)`);
    }
  }
}
