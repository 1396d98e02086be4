import { Global, Module } from '@nestjs/common';
import { HospitalSettingsController } from './hospital-settings.controller';
import { HospitalSettingsService } from './hospital-settings.service';
import { PublicHospitalController } from './public-hospital.controller';

/** Global: the patients, indicators, surveys and callbacks features all read the settings through it. */
@Global()
@Module({
  controllers: [HospitalSettingsController, PublicHospitalController],
  providers: [HospitalSettingsService],
  exports: [HospitalSettingsService],
})
export class HospitalSettingsModule {}
