import { loginSourceNetwork } from './login-source';

describe('loginSourceNetwork', () => {
  it('keeps an IPv4 address whole', () => {
    expect(loginSourceNetwork('192.0.2.17')).toBe('192.0.2.17');
    expect(loginSourceNetwork('::ffff:192.0.2.17')).toBe('192.0.2.17');
    expect(loginSourceNetwork('::FFFF:c000:0211')).toBe('192.0.2.17');
  });

  it('keys every address of one IPv6 /64 alike, however it is written', () => {
    const network = '2001:db8:85a3:42::/64';
    for (const address of ['2001:db8:85a3:42::1', '2001:0db8:85a3:0042:ffff:ffff:ffff:fffe', '2001:DB8:85A3:42:0:0:0:0', '2001:db8:85a3:42:1:2:192.0.2.1', '2001:db8:85a3:42::7%eth0']) {
      expect(loginSourceNetwork(address)).toBe(network);
    }
  });

  it('tells neighbouring /64s and compressed prefixes apart', () => {
    expect(loginSourceNetwork('2001:db8:85a3:43::1')).toBe('2001:db8:85a3:43::/64');
    expect(loginSourceNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(loginSourceNetwork('::1')).toBe('0:0:0:0::/64');
    expect(loginSourceNetwork('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(loginSourceNetwork('unknown')).toBe('unknown');
  });
});
