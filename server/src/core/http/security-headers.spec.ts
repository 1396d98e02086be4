import { CONTENT_SECURITY_POLICY, helmetHeaders, helmetOptions } from './security-headers';

describe('helmetHeaders', () => {
  it('are the headers @fastify/helmet sent with these options (over http: no HSTS)', () => {
    const headers = helmetHeaders(helmetOptions({ publicUrl: 'http://localhost:3000' }));
    expect(headers).toEqual({
      'content-security-policy':
        "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
    expect(Object.keys(CONTENT_SECURITY_POLICY)).toHaveLength(11);
  });

  it('adds HSTS when the public address is https', () => {
    const headers = helmetHeaders(helmetOptions({ publicUrl: 'https://huifang.example-hospital.cn' }));
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
