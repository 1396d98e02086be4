import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SurveyInvitation } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { SurveyInvitationsService } from './survey-invitations.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('survey-invitations')
export class SurveyInvitationsController {
  constructor(private readonly invitations: SurveyInvitationsService) {}

  @Post()
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'A one-time survey link (and QR code) for a finished encounter' })
  create(@Body() body: CreateInvitationDto, @Audit() context: AuditContext): Promise<SurveyInvitation> {
    return this.invitations.create(body.encounterId, context, body.language);
  }
}
