/**
 * Which network addresses a feed fetch may connect to. Only globally routable
 * unicast addresses pass: loopback (the Lambda runtime API listens there),
 * private, link-local (instance metadata at 169.254.169.254), unique-local,
 * CGNAT, multicast, reserved ranges, and IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) are refused.
 */
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `"${address}" is not an IP address` };
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else if (isIPv4Compatible(v6)) {
      // ::a.b.c.d (deprecated): some stacks still route it to the IPv4 address; nothing public lives there.
      return { allowed: false, reason: `${address} is an IPv4-compatible IPv6 address (::/96)` };
    } else if (v6.range() === 'rfc6052') {
      // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits.
      const bytes = v6.toByteArray().slice(12);
      parsed = new ipaddr.IPv4(bytes);
    }
  }
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true };
  return { allowed: false, reason: `${address} is a ${range} address` };
}

/** In ::/96 but neither :: nor ::1, which range() already names. */
function isIPv4Compatible(address: ipaddr.IPv6): boolean {
  return address.range() === 'unicast' && address.toByteArray().slice(0, 12).every((byte) => byte === 0);
}

/**
 * Reads a URL host the way the WHATWG URL parser already normalised it:
 * `http://0177.0.0.1/` arrives here as `127.0.0.1`, `[::ffff:127.0.0.1]` as `::ffff:7f00:1`.
 */
export function literalAddressOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && /^[0-9a-f:.]+$/i.test(bare) ? bare : undefined;
}
