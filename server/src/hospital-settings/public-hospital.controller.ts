import { Controller, Get, Header, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ClientRateLimitGuard } from '../core/rate-limit/client-rate-limit.guard';
import { HospitalSettingsService } from './hospital-settings.service';

const LOGO_CACHE_FOR_GOOD = 'public, max-age=31536000, immutable';

/** The logo the survey form shows; no account needed. Only PNG or JPEG is ever stored, served as such. */
@ApiTags('public')
@Public()
@UseGuards(ClientRateLimitGuard)
@Controller('public/hospital-logo')
export class PublicHospitalController {
  constructor(private readonly settings: HospitalSettingsService) {}

  /**
   * An image, never a document: `default-src 'none'` keeps it from running anything if a browser
   * is ever talked into rendering it as one. The settings link it with `?v=<version>` (a new upload
   * gets a new URL), so a versioned request may be cached for good; one without stays fresh.
   */
  @Get()
  @Header('x-content-type-options', 'nosniff')
  @Header('content-security-policy', "default-src 'none'")
  @ApiQuery({ name: 'v', required: false, description: 'The logo version from the settings (cache key)' })
  @ApiOperation({ summary: 'The hospital logo (image/png or image/jpeg); 404 when none' })
  async logo(@Query('v') version: unknown, @Res() reply: FastifyReply): Promise<void> {
    const logo = await this.settings.logo();
    await reply
      .header('content-type', logo.type)
      .header('content-disposition', 'inline')
      .header('cache-control', version === undefined ? 'no-cache' : LOGO_CACHE_FOR_GOOD)
      .send(logo.bytes);
  }
}
