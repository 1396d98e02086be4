import { Body, Controller, Get, Ip, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicSurvey } from '@huifang/shared';
import { Public } from '../auth/public.decorator';
import { ClientRateLimitGuard } from '../core/rate-limit/client-rate-limit.guard';
import { SubmitSurveyDto } from './dto/submit-survey.dto';
import { PublicSurveysService } from './public-surveys.service';

/** No account: patients reach these through a one-time link. Rate-limited per client address, GET and POST together. */
@ApiTags('public')
@Public()
@UseGuards(ClientRateLimitGuard)
@Controller('public/surveys')
export class PublicSurveysController {
  constructor(private readonly surveys: PublicSurveysService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The questions for a link, in Chinese and English; 404 unknown, 410 expired or answered' })
  get(@Param('token') token: string): Promise<PublicSurvey> {
    return this.surveys.get(token);
  }

  @Post(':token')
  @ApiOperation({ summary: 'Submit the answers once; 409 when already answered, 410 when expired' })
  submit(@Param('token') token: string, @Body() body: SubmitSurveyDto, @Ip() ip: string): Promise<{ id: number }> {
    return this.surveys.submit(token, body, ip);
  }
}
