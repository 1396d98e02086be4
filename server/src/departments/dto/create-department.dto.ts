import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN, DEPARTMENT_NAME_MAX_LENGTH, type CreateDepartmentRequest } from '@huifang/shared';
import { CharLength } from '../../core/http/chars.validator';
import { Trim } from '../../core/http/trim';

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @ApiProperty({ example: 'dermatology', pattern: DEPARTMENT_CODE_PATTERN.source })
  @IsString()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'code must be 2-32 lower-case letters, digits or underscores' })
  code!: string;

  @ApiProperty({ example: '皮肤科' })
  @IsString()
  @Trim()
  @CharLength(1, DEPARTMENT_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: 'Dermatology' })
  @IsString()
  @Trim()
  @CharLength(1, DEPARTMENT_NAME_MAX_LENGTH)
  nameEn!: string;
}
