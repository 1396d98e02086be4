import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ImprovementActionsController } from './actions/improvement-actions.controller';
import { ImprovementActionEntity } from './actions/improvement-action.entity';
import { ImprovementActionsService } from './actions/improvement-actions.service';
import { ImprovementNoteEntity } from './actions/improvement-note.entity';
import { ImprovementEvaluationService } from './evaluation/improvement-evaluation.service';
import { IndicatorTargetsController } from './targets/indicator-targets.controller';
import { IndicatorTargetEntity } from './targets/indicator-target.entity';
import { IndicatorTargetsService } from './targets/indicator-targets.service';

/**
 * The improvement cycle (issue #15): actions with their before/after evaluation, and indicator
 * targets. The report (reports/) lists actions with verdicts through ImprovementActionsService.forMonth
 * and reads targets through IndicatorTargetsService.list.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImprovementActionEntity, ImprovementNoteEntity, IndicatorTargetEntity]), IndicatorsModule],
  controllers: [ImprovementActionsController, IndicatorTargetsController],
  providers: [ImprovementEvaluationService, ImprovementActionsService, IndicatorTargetsService],
  exports: [ImprovementEvaluationService, ImprovementActionsService, IndicatorTargetsService],
})
export class ImprovementModule {}
