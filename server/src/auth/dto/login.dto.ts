import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import type { LoginRequest } from '@huifang/shared';
import { CharLength } from '../../core/http/chars.validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'frontdesk' })
  @IsString()
  @CharLength(1, 64)
  username!: string;

  @ApiProperty({ example: 'huifang-demo' })
  @IsString()
  @CharLength(1, 128)
  password!: string;
}
