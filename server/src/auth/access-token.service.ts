import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { sign, verify } from 'jsonwebtoken';
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

/** Tokens whose signature this process has checked; cleared when full (a few thousand staff sessions fit). */
const VERIFIED_MAX = 5_000;

/** Signs and checks the short-lived HS256 access tokens staff send as `Authorization: Bearer`. */
@Injectable()
export class AccessTokenService implements OnModuleInit {
  /**
   * The secret's bytes as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse
   * it as a PEM public key on every call and falls back to a secret key after that throws: the
   * failed parse was 38 % of the CPU of an authenticated request (cpu profile, callback queue).
   */
  private key: KeyObject | undefined;
  /**
   * Each client sends the same token on every request: its signature is checked once, then the same
   * string's claims are reused; only the expiry changes its answer, and that is checked every time.
   * Whether the user may still use it (deactivated, password reset) is the AuthGuard's read, never cached.
   */
  private readonly verified = new Map<string, AccessTokenClaims>();

  constructor(
    private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Without HUIFANG_TOKEN_SECRET a secret is generated once and kept, so restarts keep sessions.
    const secret =
      this.config.tokenSecret ??
      (await this.settings.getOrCreate('token_secret', () => randomBytes(48).toString('base64url')));
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.tokenTtlMinutes * 60;
  }

  sign(userId: number, role: Role, tokenVersion: number): string {
    return sign({ sub: userId, role, ver: tokenVersion }, this.secretKey(), { expiresIn: this.ttlSeconds, algorithm: 'HS256' });
  }

  /**
   * The claims, or undefined for a token that is malformed, forged or expired. jsonwebtoken checks
   * `exp` only when present, so a signed token without one (which would never expire) is refused here.
   */
  verify(token: string): AccessTokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) return known.exp * 1000 > Date.now() ? known : undefined;
    const claims = this.verifySignature(token);
    if (claims) {
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, Object.freeze(claims));
    }
    return claims;
  }

  private verifySignature(token: string): AccessTokenClaims | undefined {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = verify(token, this.secretKey(), { algorithms: ['HS256'] }) as Partial<AccessTokenClaims>;
    } catch {
      return undefined;
    }
    const wellFormed =
      typeof claims === 'object' &&
      Number.isSafeInteger(claims.sub) &&
      Number.isSafeInteger(claims.ver) &&
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number';
    return wellFormed ? (claims as AccessTokenClaims) : undefined;
  }

  private secretKey(): KeyObject {
    if (!this.key) throw new Error('access tokens are used before the module has started');
    return this.key;
  }
}
