import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackEntity } from '../callbacks/callback.entity';
import { EncountersModule } from '../encounters/encounters.module';
import { OutreachMessageEntity } from '../outreach/outreach-message.entity';
import { PatientsModule } from '../patients/patients.module';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import { SurveysModule } from '../surveys/surveys.module';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

@Module({
  imports: [TypeOrmModule.forFeature([StageTransitionEntity, CallbackEntity, OutreachMessageEntity]), PatientsModule, EncountersModule, SurveysModule],
  controllers: [TimelineController],
  providers: [TimelineService],
})
export class TimelineModule {}
