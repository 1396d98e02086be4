import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { HospitalSettingsModule } from '../hospital-settings/hospital-settings.module';
import { PatientRelationshipController } from './relationship.controller';
import { RelationshipIndicatorService } from './relationship-indicator.service';
import { RelationshipService } from './relationship.service';
import { RelationshipUpkeep } from './relationship-upkeep';

@Module({
  imports: [CallbacksModule, HospitalSettingsModule],
  controllers: [PatientRelationshipController],
  providers: [RelationshipService, RelationshipIndicatorService],
  exports: [RelationshipService, RelationshipIndicatorService],
})
export class RelationshipModule {}

/** The timers, for the server only (the import CLI leaves the work to it). */
@Module({
  imports: [RelationshipModule],
  providers: [RelationshipUpkeep],
})
export class RelationshipUpkeepModule {}
