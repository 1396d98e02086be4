import { Module } from '@nestjs/common';
import { DemoModule } from '../demo/demo.module';
import { UsersModule } from '../users/users.module';
import { FirstStartService } from './first-start.service';

@Module({ imports: [UsersModule, DemoModule], providers: [FirstStartService] })
export class FirstStartModule {}
