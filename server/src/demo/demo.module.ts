import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { UsersModule } from '../users/users.module';
import { DEMO_SEEDERS } from './demo-seeders';
import { DemoService } from './demo.service';

@Module({
  imports: [UsersModule, CallbacksModule],
  providers: [DemoService, ...DEMO_SEEDERS],
  exports: [DemoService],
})
export class DemoModule {}
