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
    expect(config.searchRateLimit).toBe(30);
    expect(config.auditRetentionDays).toBe(3650);
    expect(config.sqliteWriteWaitMs).toBe(5000);
    expect(loadConfig({ HUIFANG_SQLITE_WRITE_WAIT_MS: '1000' }).sqliteWriteWaitMs).toBe(1000);
    expect(loadConfig({ HUIFANG_AUDIT_RETENTION_DAYS: 'off' }).auditRetentionDays).toBeNull();
  });

  it('trusts no proxy unless HUIFANG_TRUST_PROXY names a hop count or the proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HUIFANG_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ HUIFANG_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ HUIFANG_TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1,::1,fd00::/8, loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mongodb://x/y' }, /unknown database scheme "mongodb"/],
    [{ HUIFANG_DEMO: 'maybe' }, /HUIFANG_DEMO must be 1 or 0/],
    [{ HUIFANG_SQLITE_WRITE_WAIT_MS: '50' }, /HUIFANG_SQLITE_WRITE_WAIT_MS must be a whole number from 100 to 60000/],
    [{ HUIFANG_TIMEZONE: 'Mars/Olympus' }, /HUIFANG_TIMEZONE/],
    [{ HUIFANG_ADMIN_PASSWORD: 'short' }, /at least 10/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ HUIFANG_AUDIT_RETENTION_DAYS: '30' }, /HUIFANG_AUDIT_RETENTION_DAYS must be a whole number from 180/],
    [{ HUIFANG_TRUST_PROXY: 'true' }, /^HUIFANG_TRUST_PROXY must be a number of proxy hops/],
    [{ HUIFANG_TRUST_PROXY: '11' }, /HUIFANG_TRUST_PROXY .*\(got "11"\)/],
    [{ HUIFANG_TRUST_PROXY: '-1' }, /HUIFANG_TRUST_PROXY/],
    [{ HUIFANG_TRUST_PROXY: '10.0.0.0/33' }, /HUIFANG_TRUST_PROXY/],
    [{ HUIFANG_TRUST_PROXY: '10.0.0.0/8,proxy.example' }, /HUIFANG_TRUST_PROXY/],
    [{ HUIFANG_TRUST_PROXY: '10.0.0.1/8/1' }, /HUIFANG_TRUST_PROXY/],
    [{ HUIFANG_TRUST_PROXY: '1.5' }, /HUIFANG_TRUST_PROXY/],
    [{ HUIFANG_LOGIN_SOURCE_MAX_FAILURES: '0' }, /HUIFANG_LOGIN_SOURCE_MAX_FAILURES must be a whole number from 1/],
  ])('refuses %p with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
