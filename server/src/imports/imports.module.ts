import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HistoryImporter } from './history-importer';
import { ImportJobEntity } from './import-job.entity';
import { ImportMappingEntity } from './import-mapping.entity';
import { ImportRowErrorEntity } from './import-row-error.entity';
import { SourceIdentifierEntity } from './source-identifier.entity';

/** Import of the hospital's history (#11): the importer every reader feeds, the jobs API and the CLI. */
@Module({
  imports: [TypeOrmModule.forFeature([ImportJobEntity, ImportRowErrorEntity, ImportMappingEntity, SourceIdentifierEntity])],
  providers: [HistoryImporter],
  exports: [HistoryImporter],
})
export class ImportsModule {}
