import { Module } from '@nestjs/common';
import { PatientsModule } from '../patients/patients.module';
import { PatientErasureService } from './patient-erasure.service';
import { PatientExportService } from './patient-export.service';
import { PatientPrivacyController } from './patient-privacy.controller';

/** Export and erasure of one patient's personal data. */
@Module({
  imports: [PatientsModule],
  controllers: [PatientPrivacyController],
  providers: [PatientExportService, PatientErasureService],
})
export class PrivacyModule {}
