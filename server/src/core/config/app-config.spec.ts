import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('sqlite');
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.demo).toBe(false);
    expect(config.logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mongodb://x/y' }, /unknown database scheme "mongodb"/],
    [{ HUIFANG_DEMO: 'maybe' }, /HUIFANG_DEMO must be 1 or 0/],
    [{ HUIFANG_TIMEZONE: 'Mars/Olympus' }, /HUIFANG_TIMEZONE/],
    [{ HUIFANG_ADMIN_PASSWORD: 'short' }, /at least 10/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ HUIFANG_LOGIN_SOURCE_MAX_FAILURES: '0' }, /HUIFANG_LOGIN_SOURCE_MAX_FAILURES must be a whole number from 1/],
  ])('refuses %p with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
