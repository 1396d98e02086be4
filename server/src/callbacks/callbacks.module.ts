import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackAttemptEntity } from './callback-attempt.entity';
import { CallbackEntity } from './callback.entity';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { FollowUpRuleEntity } from './follow-up-rule.entity';
import { FollowUpRulesController } from './follow-up-rules.controller';
import { FollowUpRulesService } from './follow-up-rules.service';
import { MissedRevisitJob } from './missed-revisit.job';
import { RuleFiring } from './rule-firing.service';

@Module({
  imports: [TypeOrmModule.forFeature([CallbackEntity, CallbackAttemptEntity, FollowUpRuleEntity])],
  controllers: [CallbacksController, FollowUpRulesController],
  providers: [CallbacksService, FollowUpRulesService, RuleFiring, MissedRevisitJob],
  exports: [RuleFiring, FollowUpRulesService, MissedRevisitJob],
})
export class CallbacksModule {}
