import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { StaffUserEntity } from '../users/user.entity';
import { HistoryImporter } from './history-importer';
import { ImportHousekeeping } from './import-housekeeping';
import { ImportJobEntity } from './import-job.entity';
import { ImportJobsService } from './import-jobs.service';
import { ImportMappingEntity } from './import-mapping.entity';
import { ImportMappingsService } from './import-mappings.service';
import { ImportRowErrorEntity } from './import-row-error.entity';
import { ImportSources } from './import-sources';
import { ImportsController } from './imports.controller';
import { SourceIdentifierEntity } from './source-identifier.entity';

/** Import of the hospital's history (#11): the importer every reader feeds, the jobs API and the CLI. */
@Module({
  imports: [TypeOrmModule.forFeature([ImportJobEntity, ImportRowErrorEntity, ImportMappingEntity, SourceIdentifierEntity, StaffUserEntity]), AuditModule, CallbacksModule],
  controllers: [ImportsController],
  providers: [HistoryImporter, ImportJobsService, ImportMappingsService, ImportSources],
  exports: [HistoryImporter, ImportJobsService, ImportMappingsService],
})
export class ImportsModule {}

/**
 * The server's upkeep of import jobs (import-housekeeping.ts). Not part of ImportsModule: the CLI
 * runs imports beside a running server and must not mark that server's running jobs failed.
 */
@Module({ imports: [ImportsModule], providers: [ImportHousekeeping] })
export class ImportHousekeepingModule {}
