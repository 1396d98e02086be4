import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { DepartmentsModule } from '../departments/departments.module';
import { StaffUserEntity } from '../users/user.entity';
import { PatientEntity } from './patient.entity';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';
import { PatientSearchCountEntity } from './search/patient-search-count.entity';
import { SearchRateLimit } from './search/search-rate-limit';
import { StageTransitionEntity } from './stage-transition.entity';
import { StageTransitionsService } from './stage-transitions.service';
import { PatientStatusRollupService } from './status-rollup.service';

@Module({
  imports: [TypeOrmModule.forFeature([PatientEntity, StageTransitionEntity, StaffUserEntity, PatientSearchCountEntity]), DepartmentsModule, CallbacksModule],
  controllers: [PatientsController],
  providers: [PatientsService, StageTransitionsService, SearchRateLimit, PatientStatusRollupService],
  exports: [PatientsService],
})
export class PatientsModule {}
