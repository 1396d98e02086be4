import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Outbox } from './outbox';
import { OutreachChannels } from './outreach-channels';
import { OutreachMessageEntity } from './outreach-message.entity';
import { OutreachTemplateEntity } from './outreach-template.entity';
import { OutreachTexts } from './outreach-texts';

/** The outbox and the channels, for the features whose events cause messages (surveys, …). */
@Module({
  imports: [TypeOrmModule.forFeature([OutreachMessageEntity, OutreachTemplateEntity])],
  providers: [Outbox, OutreachChannels, OutreachTexts],
  exports: [Outbox, OutreachChannels],
})
export class OutboxModule {}
