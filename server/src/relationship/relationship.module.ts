import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { HospitalSettingsModule } from '../hospital-settings/hospital-settings.module';
import { RelationshipService } from './relationship.service';
import { RelationshipUpkeep } from './relationship-upkeep';

@Module({
  imports: [CallbacksModule, HospitalSettingsModule],
  providers: [RelationshipService],
  exports: [RelationshipService],
})
export class RelationshipModule {}

/** The timers, for the server only (the import CLI leaves the work to it). */
@Module({
  imports: [RelationshipModule],
  providers: [RelationshipUpkeep],
})
export class RelationshipUpkeepModule {}
