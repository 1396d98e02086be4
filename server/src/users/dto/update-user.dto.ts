import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, USER_DISPLAY_NAME_MAX_LENGTH, type Role, type UpdateUserRequest } from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars, CharLength } from '../../core/http/chars.validator';

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @CharLength(1, USER_DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'A new password (reset by an admin).', minLength: PASSWORD_MIN_LENGTH })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxChars(PASSWORD_MAX_LENGTH)
  password?: string;
}
