import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import type { LoginResponse } from '@huifang/shared';
import { PasswordHasher } from '../users/password-hasher';
import { toAuthUser, UsersService } from '../users/users.service';
import { AccessTokenService } from './access-token.service';
import { LoginAttempts } from './login-attempts';
import type { LoginDto } from './dto/login.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly attempts: LoginAttempts,
  ) {}

  async login({ username, password }: LoginDto): Promise<LoginResponse> {
    const key = username.trim().toLowerCase();
    const lockedMs = this.attempts.lockedFor(key);
    if (lockedMs > 0) {
      const minutes = Math.ceil(lockedMs / 60_000);
      throw new HttpException(
        `too many failed logins for this username; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.users.findForLogin(key);
    // Verify even for unknown or inactive users so the answer time does not reveal which usernames exist.
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      this.attempts.recordFailure(key);
      throw new UnauthorizedException('wrong username or password');
    }
    this.attempts.recordSuccess(key);
    await this.users.recordLogin(user.id);
    return {
      accessToken: await this.tokens.sign(user.id, user.role, user.tokenVersion),
      expiresIn: this.tokens.ttlSeconds,
      user: toAuthUser(user),
    };
  }
}
