import { sign } from 'jsonwebtoken';
import type { AppConfig } from '../core/config/app-config';
import type { SettingsService } from '../core/settings/settings.service';
import { AccessTokenService } from './access-token.service';

const SECRET = 'unit-test-token-secret';

async function service(): Promise<AccessTokenService> {
  const config = { tokenSecret: SECRET, tokenTtlMinutes: 10 } as AppConfig;
  const tokens = new AccessTokenService(config, {} as SettingsService);
  await tokens.onModuleInit();
  return tokens;
}

describe('AccessTokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts its own tokens, and tokens signed with the same secret as a string (tokens issued before the KeyObject)', async () => {
    const tokens = await service();
    expect(tokens.verify(tokens.sign(7, 'admin', 3))).toMatchObject({ sub: 7, role: 'admin', ver: 3 });
    const now = Math.floor(Date.now() / 1000);
    expect(tokens.verify(sign({ sub: 8, role: 'front_desk', ver: 0, iat: now, exp: now + 60 }, SECRET, { algorithm: 'HS256' }))).toMatchObject({ sub: 8 });
  });

  it('refuses forged, other-algorithm and exp-less tokens, also when asked again', async () => {
    const tokens = await service();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 1, role: 'admin', ver: 0, iat: now, exp: now + 60 };
    const refused = [
      sign(claims, 'another-secret', { algorithm: 'HS256' }),
      sign(claims, SECRET, { algorithm: 'HS512' }),
      sign({ sub: 1, role: 'admin', ver: 0 }, SECRET, { algorithm: 'HS256', noTimestamp: false }),
      'not.a.token',
    ];
    for (const token of [...refused, ...refused]) expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token once it expires, although its signature was checked while it was valid', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
    const tokens = await service();
    const token = tokens.sign(7, 'admin', 0);
    expect(tokens.verify(token)).toBeDefined();
    jest.setSystemTime(new Date('2026-12-01T08:09:59Z'));
    expect(tokens.verify(token)).toBeDefined();
    jest.setSystemTime(new Date('2026-12-01T08:10:00Z'));
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('gives callers claims they cannot change for the next request', async () => {
    const tokens = await service();
    const token = tokens.sign(7, 'admin', 0);
    const first = tokens.verify(token) as { sub: number };
    expect(() => (first.sub = 1)).toThrow(TypeError);
    expect(tokens.verify(token)?.sub).toBe(7);
  });
});
