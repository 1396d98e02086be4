import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginFailureEntity } from './login-failure.entity';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [TypeOrmModule.forFeature([LoginFailureEntity]), UsersModule],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    AuthService,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
