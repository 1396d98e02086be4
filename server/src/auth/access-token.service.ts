import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { SettingsService } from '../core/settings/settings.service';

export interface AccessTokenClaims {
  sub: number;
  role: Role;
  /** The user's token version when it was issued; a password reset or deactivation moves it on. */
  ver: number;
  iat: number;
  exp: number;
}

/** Signs and checks the short-lived HS256 access tokens staff send as `Authorization: Bearer`. */
@Injectable()
export class AccessTokenService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Without HUIFANG_TOKEN_SECRET a secret is generated once and kept, so restarts keep sessions.
    this.secret =
      this.config.tokenSecret ??
      (await this.settings.getOrCreate('token_secret', () => randomBytes(48).toString('base64url')));
  }

  get ttlSeconds(): number {
    return this.config.tokenTtlMinutes * 60;
  }

  sign(userId: number, role: Role, tokenVersion: number): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, role, ver: tokenVersion },
      { secret: this.secret, expiresIn: this.ttlSeconds, algorithm: 'HS256' },
    );
  }

  /**
   * The claims, or undefined for a token that is malformed, forged or expired. jsonwebtoken checks
   * `exp` only when present, so a signed token without one (which would never expire) is refused here.
   */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: this.secret, algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    const wellFormed =
      Number.isSafeInteger(claims.sub) &&
      Number.isSafeInteger(claims.ver) &&
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number';
    return wellFormed ? (claims as AccessTokenClaims) : undefined;
  }
}
