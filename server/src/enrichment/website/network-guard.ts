// Keeps the website provider off private and local networks: a company's domain is typed by any
// user, and without this guard Baken would fetch from inside its own network on their behalf (SSRF).
// Every host is resolved here and every address it resolves to must be public; the connection then
// goes to the address that was checked, so a second DNS answer cannot swap in another one.
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A request Baken will not make: a private, local or otherwise non-public address, or a scheme it does not speak. */
export class RefusedAddressError extends Error {
  readonly code = 'BAKEN_REFUSED_ADDRESS';
}

/**
 * Whether an address is on the public internet: only ipaddr.js's `unicast` range passes, so loopback
 * (127/8, ::1), private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10), unique
 * local (fc00::/7), unspecified (0.0.0.0, ::), carrier-grade NAT, multicast, reserved and the IPv6
 * forms that embed an IPv4 address (6to4, Teredo, NAT64) are all refused. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for sockets that refuses a host when any address it resolves to is not public (a host
 * with one public and one private address would let the connection pick the private one).
 * `resolve` is the system resolver; tests pass their own answers.
 */
export function guardedLookup(
  allowPrivateNetwork: boolean,
  resolve: Resolve = dns.lookup as Resolve,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      const reply = callback as (...args: unknown[]) => void;
      if (error) return reply(error);
      const refused = allowPrivateNetwork
        ? undefined
        : addresses.find(({ address }) => !isPublicAddress(address));
      if (refused || addresses.length === 0) {
        return reply(
          new RefusedAddressError(
            refused
              ? `${hostname} resolves to ${refused.address}, a private or local network address; Baken does not fetch from those.`
              : `${hostname} has no address.`,
          ),
        );
      }
      if ((options as LookupOptions).all) return reply(null, addresses);
      const [first] = addresses as [LookupAddress];
      return reply(null, first.address, first.family);
    });
  };
}

/**
 * Checks what can be checked before connecting: http or https, no credentials in the address, and a
 * host given as an IP address (which sockets connect to without a lookup) must be public. The URL
 * parser has already turned decimal, octal and hexadecimal forms such as http://2130706433/ into
 * 127.0.0.1.
 */
/** A resolver over a fixed table of names, for tests (names not in it do not exist). */
export function tableResolver(hosts: Record<string, string>): Resolve {
  return (hostname, _options, callback) => {
    const address = hosts[hostname];
    if (!address)
      return callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        [],
      );
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  };
}

export function checkUrl(url: URL, allowPrivateNetwork: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedAddressError(`Baken only fetches http and https addresses, not ${url.protocol}`);
  if (url.username || url.password)
    throw new RefusedAddressError('Baken does not fetch addresses with a user name or password in them.');
  if (allowPrivateNetwork) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host))
    throw new RefusedAddressError(
      `${host} is a private or local network address; Baken does not fetch from those.`,
    );
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new RefusedAddressError(`${host} is this machine; Baken does not fetch from it.`);
}
