import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsIn, IsString, MaxLength } from 'class-validator';
import { HOSPITAL_LOGO_MAX_BYTES, HOSPITAL_LOGO_TYPES, type HospitalLogoType, type UploadHospitalLogoRequest } from '@huifang/shared';

export class UploadLogoDto implements UploadHospitalLogoRequest {
  @ApiProperty({ enum: HOSPITAL_LOGO_TYPES, description: 'PNG or JPEG only (an SVG can carry script)' })
  @IsIn(HOSPITAL_LOGO_TYPES)
  contentType!: HospitalLogoType;

  @ApiProperty({ description: `The image in base64, at most ${HOSPITAL_LOGO_MAX_BYTES} bytes decoded` })
  @IsString()
  @MaxLength(Math.ceil(HOSPITAL_LOGO_MAX_BYTES / 3) * 4)
  @IsBase64()
  data!: string;
}
