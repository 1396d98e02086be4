import { isIP } from 'node:net';

/**
 * Fastify's `trustProxy`: off, a number of proxy hops in front of the server, or the proxies'
 * addresses/CIDRs. Never "trust everyone": any client could then choose its own address.
 */
export type TrustProxy = false | number | string[];

/** Names proxy-addr (Fastify's X-Forwarded-For parser) understands for address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 10;

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** Parses HUIFANG_TRUST_PROXY; a bad value throws one line naming the variable. */
export function trustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= MAX_HOPS) return hops;
  } else {
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrCidr)) return entries;
  }
  throw new Error(
    `HUIFANG_TRUST_PROXY must be a number of proxy hops from 0 to ${MAX_HOPS} or a comma-separated list of proxy addresses/CIDRs such as 10.0.0.0/8,127.0.0.1 (got "${raw}")`,
  );
}
