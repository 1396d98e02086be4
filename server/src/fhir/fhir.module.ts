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

/** FHIR R4: the reader the importer uses, the department mapping table, and the read-only export. */
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
    ]),
  ],
  controllers: [FhirDepartmentMappingsController, FhirExportController],
  providers: [FhirDepartmentMappingsService, FhirExportService],
  exports: [FhirDepartmentMappingsService],
})
export class FhirModule {}
