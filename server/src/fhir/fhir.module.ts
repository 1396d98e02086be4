import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackEntity } from '../callbacks/callback.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { SurveyTemplateVersionEntity } from '../surveys/survey-template-version.entity';
import { FhirDepartmentMappingEntity } from './departments/fhir-department-mapping.entity';
import { FhirDepartmentMappingsController } from './departments/fhir-department-mappings.controller';
import { FhirDepartmentMappingsService } from './departments/fhir-department-mappings.service';
import { FhirExportController } from './export/fhir-export.controller';
import { FhirExportService } from './export/fhir-export.service';
import { FhirFileReaderService } from './import/fhir-file-reader';
import { FhirImportController } from './import/fhir-import.controller';
import { FhirImportService } from './import/fhir-import.service';
import { ImportsModule } from '../imports/imports.module';
import { ImportRowErrorEntity } from '../imports/import-row-error.entity';
import { FHIR_FILE_READER } from '../imports/import-records';

/** FHIR R4: the reader the importer uses, POST /api/fhir, the department mapping table, and the read-only export. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      FhirDepartmentMappingEntity,
      DepartmentEntity,
      PatientEntity,
      EncounterEntity,
      SurveyTemplateVersionEntity,
      SurveyResponseEntity,
      CallbackEntity,
      ImportRowErrorEntity,
    ]),
    ImportsModule,
  ],
  controllers: [FhirDepartmentMappingsController, FhirExportController, FhirImportController],
  providers: [
    FhirDepartmentMappingsService,
    FhirExportService,
    FhirFileReaderService,
    FhirImportService,
    // The jobs API and the CLI read uploaded FHIR files through this (looked up by token: no import cycle).
    { provide: FHIR_FILE_READER, useExisting: FhirFileReaderService },
  ],
  exports: [FhirDepartmentMappingsService, FHIR_FILE_READER],
})
export class FhirModule {}
