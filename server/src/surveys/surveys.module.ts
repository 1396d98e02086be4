import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackEntity } from '../callbacks/callback.entity';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { OutboxModule } from '../outreach/outbox.module';
import { AppConfig } from '../core/config/app-config';
import { PublicSurveysController } from './public-surveys.controller';
import { PublicSurveysService } from './public-surveys.service';
import { SurveyAnswerEntity } from './survey-answer.entity';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyInvitationsController } from './survey-invitations.controller';
import { SurveyInvitationsService } from './survey-invitations.service';
import { CommentThemeEntity } from './themes/comment-theme.entity';
import { CommentThemesController } from './themes/comment-themes.controller';
import { CommentThemesService } from './themes/comment-themes.service';
import { RetagRunner } from './themes/retag-runner';
import { CommentSearchTermEntity } from './themes/comment-search-term.entity';
import { ResponseThemeEntity } from './themes/response-theme.entity';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyResponsesController } from './survey-responses.controller';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';
import { SurveyTemplateEntity } from './survey-template.entity';
import { SurveyTemplatesController } from './survey-templates.controller';
import { SurveyTemplatesService } from './survey-templates.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SurveyTemplateEntity,
      SurveyTemplateVersionEntity,
      SurveyInvitationEntity,
      SurveyResponseEntity,
      CommentThemeEntity,
      ResponseThemeEntity,
      CommentSearchTermEntity,
      SurveyAnswerEntity,
      CallbackEntity,
    ]),
    CallbacksModule,
    OutboxModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'public', ttl: 60_000, limit: config.publicRateLimit }],
    }),
  ],
  controllers: [SurveyTemplatesController, SurveyInvitationsController, SurveyResponsesController, PublicSurveysController, CommentThemesController],
  providers: [SurveyTemplatesService, SurveyInvitationsService, SurveyResponsesService, PublicSurveysService, CommentThemesService, RetagRunner],
  exports: [SurveyResponsesService],
})
export class SurveysModule {}
