import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outreach/outbox.module';
import { CallbackAppointments } from './callback-appointments';
import { CallbackAttemptEntity } from './callback-attempt.entity';
import { CallbackEntity } from './callback.entity';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { FailedMessageCallbacks } from './failed-message-callbacks';
import { FollowUpRuleEntity } from './follow-up-rule.entity';
import { FollowUpRulesController } from './follow-up-rules.controller';
import { FollowUpRulesService } from './follow-up-rules.service';
import { MissedRevisitNudges } from './missed-revisit-nudges';
import { MissedRevisitJob } from './missed-revisit.job';
import { RevisitReminders } from './revisit-reminders';
import { RuleFiring } from './rule-firing.service';

/** Callbacks, the follow-up rules that open them, and the messages that stand in for or go with some of them (OutboxModule). */
@Module({
  imports: [TypeOrmModule.forFeature([CallbackEntity, CallbackAttemptEntity, FollowUpRuleEntity]), OutboxModule],
  controllers: [CallbacksController, FollowUpRulesController],
  providers: [CallbacksService, FollowUpRulesService, RuleFiring, MissedRevisitJob, RevisitReminders, MissedRevisitNudges, FailedMessageCallbacks, CallbackAppointments],
  exports: [RuleFiring, FollowUpRulesService, MissedRevisitJob, FailedMessageCallbacks],
})
export class CallbacksModule {}
