import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString } from 'class-validator';
import { DEPARTMENT_NAME_MAX_LENGTH, type UpdateDepartmentRequest } from '@huifang/shared';
import { CharLength } from '../../core/http/chars.validator';
import { Trim } from '../../core/http/trim';
import { IsOptionalNotNull } from '../../core/http/optional';

/** The code stays: integrations and demo data refer to it. */
export class UpdateDepartmentDto implements UpdateDepartmentRequest {
  @ApiPropertyOptional({ example: '皮肤科' })
  @IsOptionalNotNull()
  @IsString()
  @Trim()
  @CharLength(1, DEPARTMENT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ example: 'Dermatology' })
  @IsOptionalNotNull()
  @IsString()
  @Trim()
  @CharLength(1, DEPARTMENT_NAME_MAX_LENGTH)
  nameEn?: string;

  @ApiPropertyOptional({ description: 'false: keeps its history and figures, takes no new check-ins, leaves the pickers' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
