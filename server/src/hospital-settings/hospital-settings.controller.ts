import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HospitalSettings } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { UpdateHospitalSettingsDto } from './dto/update-hospital-settings.dto';
import { UploadLogoDto } from './dto/upload-logo.dto';
import { HospitalSettingsService } from './hospital-settings.service';

/** Every staff role reads the settings (the client needs the time zone and thresholds); admins change them. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class HospitalSettingsController {
  constructor(private readonly settings: HospitalSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The hospital settings in force (environment defaults until an admin saves a value)' })
  get(): Promise<HospitalSettings> {
    return this.settings.current();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change any of the settings; audited with old and new values' })
  update(@Body() body: UpdateHospitalSettingsDto, @Audit() context: AuditContext): Promise<HospitalSettings> {
    return this.settings.update(body, context);
  }

  @Put('logo')
  @Roles('admin')
  @ApiOperation({ summary: 'Upload the logo (PNG or JPEG, base64)' })
  uploadLogo(@Body() body: UploadLogoDto, @Audit() context: AuditContext): Promise<HospitalSettings> {
    return this.settings.uploadLogo(body, context);
  }

  @Delete('logo')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove the logo' })
  removeLogo(@Audit() context: AuditContext): Promise<HospitalSettings> {
    return this.settings.removeLogo(context);
  }
}
