import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRetentionJob } from './audit-retention.job';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  controllers: [AuditController],
  providers: [AuditService, AuditRetentionJob],
  exports: [AuditService],
})
export class AuditModule {}
