import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MinLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  USERNAME_PATTERN,
  USER_DISPLAY_NAME_MAX_LENGTH,
  type CreateUserRequest,
  type Role,
} from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars, CharLength } from '../../core/http/chars.validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'zhang.wei', pattern: USERNAME_PATTERN.source })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 2-32 lower-case letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiPropertyOptional({ example: '张伟' })
  @IsOptionalNotNull()
  @IsString()
  @CharLength(1, USER_DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxChars(PASSWORD_MAX_LENGTH)
  password!: string;
}
