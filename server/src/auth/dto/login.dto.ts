import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { LoginRequest } from '@huifang/shared';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'frontdesk' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'huifang-demo' })
  @IsString()
  @Length(1, 128)
  password!: string;
}
