import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ClientRateLimitGuard } from '../core/rate-limit/client-rate-limit.guard';
import { HospitalSettingsService } from './hospital-settings.service';

/** The logo the survey form shows; no account needed. Only PNG or JPEG is ever stored, served as such. */
@ApiTags('public')
@Public()
@UseGuards(ClientRateLimitGuard)
@Controller('public/hospital-logo')
export class PublicHospitalController {
  constructor(private readonly settings: HospitalSettingsService) {}

  @Get()
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'The hospital logo (image/png or image/jpeg); 404 when none' })
  async logo(@Res() reply: FastifyReply): Promise<void> {
    const logo = await this.settings.logo();
    await reply.header('content-type', logo.type).header('content-disposition', 'inline').send(logo.bytes);
  }
}
