import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ERROR_CODES, type LoginResponse } from '@huifang/shared';
import { PasswordHasher } from '../users/password-hasher';
import { toAuthUser, UsersService } from '../users/users.service';
import { AccessTokenService } from './access-token.service';
import { LoginRefusedException } from './login-refused.exception';
import { LoginThrottle } from './login-throttle';
import type { LoginDto } from './dto/login.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `source` is the client's address (request.ip): lock-outs apply to a username from one source. */
  async login({ username, password }: LoginDto, source: string): Promise<LoginResponse> {
    const key = username.trim().toLowerCase();
    // Refused before any argon2 work; the same for unknown usernames, so it reveals nothing.
    const refusal = await this.throttle.begin(key, source);
    if (refusal) throw new LoginRefusedException(refusal);
    const user = await this.users.findForLogin(key);
    // Verify even for unknown or inactive users so the answer time does not reveal which usernames exist.
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.throttle.failed();
      throw new UnauthorizedException({ message: 'wrong username or password', code: ERROR_CODES.loginFailed });
    }
    await this.throttle.succeeded(key, source);
    await this.users.recordLogin(user.id);
    return {
      accessToken: this.tokens.sign(user.id, user.role, user.tokenVersion),
      expiresIn: this.tokens.ttlSeconds,
      user: toAuthUser(user),
    };
  }
}
