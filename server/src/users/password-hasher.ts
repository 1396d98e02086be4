import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id (memory-hard, salted). The package ships prebuilt binaries inside the npm tarball,
 * so it installs without downloading anything.
 */
@Injectable()
export class PasswordHasher {
  /** Verified against when the username is unknown, so both cases take the same time. */
  private readonly decoy = argon2.hash('decoy-password-for-unknown-users');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const ok = await argon2.verify(hash ?? (await this.decoy), password).catch(() => false);
    return ok && hash !== undefined;
  }
}
