import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { PatientsModule } from '../patients/patients.module';
import { EncounterEntity } from './encounter.entity';
import { EncountersController } from './encounters.controller';
import { EncountersService } from './encounters.service';
import { WaitMonthlyEntity } from './wait-monthly.entity';

@Module({
  imports: [TypeOrmModule.forFeature([EncounterEntity, WaitMonthlyEntity]), PatientsModule, CallbacksModule],
  controllers: [EncountersController],
  providers: [EncountersService],
  exports: [EncountersService],
})
export class EncountersModule {}
