import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkUrl, guardedLookup, isPublicAddress, RefusedAddressError } from './network-guard.ts';

describe('isPublicAddress', () => {
  it('refuses the private, loopback, link-local and unspecified IPv4 ranges', () => {
    for (const address of [
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.1',
      '127.0.0.1',
      '127.10.20.30',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '192.0.2.10',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('refuses loopback, unique local, link-local and unspecified IPv6', () => {
    for (const address of ['::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1', '2001:db8::1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('judges an IPv4-mapped IPv6 address by the IPv4 address in it', () => {
    expect(isPublicAddress('::ffff:127.0.0.1')).toBe(false);
    expect(isPublicAddress('::ffff:7f00:1')).toBe(false);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('::ffff:93.184.216.34')).toBe(true);
  });

  it('refuses IPv6 forms that tunnel to an IPv4 address (6to4, NAT64, Teredo)', () => {
    expect(isPublicAddress('2002:7f00:1::')).toBe(false);
    expect(isPublicAddress('64:ff9b::7f00:1')).toBe(false);
    expect(isPublicAddress('2001:0:4136:e378::1')).toBe(false);
  });

  it('allows public addresses and refuses what is no address', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('172.32.0.1')).toBe(true);
    expect(isPublicAddress('2a00:1450:400e:80f::2004')).toBe(true);
    expect(isPublicAddress('example.com')).toBe(false);
  });
});

describe('checkUrl', () => {
  const refused = (url: string) => {
    try {
      checkUrl(new URL(url), false);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(RefusedAddressError);
      return (error as Error).message;
    }
  };

  it('refuses hosts written as private addresses, in every way the URL parser reads them', () => {
    expect(refused('http://127.0.0.1/')).toContain('127.0.0.1 is a private or local network address');
    expect(refused('http://2130706433/')).toContain('127.0.0.1');
    expect(refused('http://0177.0.0.1/')).toContain('127.0.0.1');
    expect(refused('http://0x7f.0.0.1/')).toContain('127.0.0.1');
    expect(refused('http://0x7f000001/')).toContain('127.0.0.1');
    expect(refused('http://127.1/')).toContain('127.0.0.1');
    expect(refused('http://0/')).toContain('0.0.0.0');
    expect(refused('http://[::1]/')).toContain('::1');
    expect(refused('http://[::ffff:127.0.0.1]/')).toContain('private or local');
    expect(refused('http://[fe80::1]/')).toContain('fe80::1');
    expect(refused('http://169.254.169.254/latest/meta-data/')).toContain('169.254.169.254');
  });

  it('refuses localhost by name, other schemes and credentials in the address', () => {
    expect(refused('http://localhost:5432/')).toContain('this machine');
    expect(refused('http://db.localhost/')).toContain('this machine');
    expect(refused('file:///etc/passwd')).toContain('only fetches http and https');
    expect(refused('ftp://example.com/')).toContain('only fetches http and https');
    expect(refused('http://admin:secret@example.com/')).toContain('user name or password');
  });

  it('lets public addresses and names through (names are checked when they resolve)', () => {
    expect(refused('https://93.184.216.34/')).toBeNull();
    expect(refused('https://www.example.com/')).toBeNull();
  });

  it('lets everything through when private addresses are allowed (tests only)', () => {
    expect(() => checkUrl(new URL('http://127.0.0.1:8080/'), true)).not.toThrow();
  });
});

describe('guardedLookup', () => {
  const dns: Record<string, string[]> = {
    'public.example': ['93.184.216.34', '2a00:1450:400e:80f::2004'],
    'intranet.example': ['10.1.2.3'],
    'mixed.example': ['93.184.216.34', '192.168.0.10'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'rebind.example': ['169.254.169.254'],
  };
  const resolver = (
    hostname: string,
    _options: unknown,
    answer: (error: null, addresses: LookupAddress[]) => void,
  ) =>
    answer(
      null,
      (dns[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

  const resolve = (hostname: string, all: boolean, allowPrivate = false) =>
    new Promise<{ error: Error | null; result: unknown }>((done) =>
      guardedLookup(allowPrivate, resolver)(hostname, { all }, (error, address, family) =>
        done({ error, result: all ? address : { address, family } }),
      ),
    );

  it('answers the addresses of a name that resolves to public addresses only', async () => {
    expect(await resolve('public.example', true)).toEqual({
      error: null,
      result: [
        { address: '93.184.216.34', family: 4 },
        { address: '2a00:1450:400e:80f::2004', family: 6 },
      ],
    });
    expect((await resolve('public.example', false)).result).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('refuses a name that resolves to a private, mapped-loopback or link-local address', async () => {
    for (const [name, address] of [
      ['intranet.example', '10.1.2.3'],
      ['mapped.example', '::ffff:127.0.0.1'],
      ['rebind.example', '169.254.169.254'],
    ]) {
      const { error } = await resolve(name as string, true);
      expect(error).toBeInstanceOf(RefusedAddressError);
      expect(error?.message).toBe(
        `${name} resolves to ${address}, a private or local network address; Baken does not fetch from those.`,
      );
    }
  });

  it('refuses a name with one public and one private address', async () => {
    expect((await resolve('mixed.example', false)).error?.message).toContain('192.168.0.10');
  });

  it('refuses localhost through the system resolver', async () => {
    const error = await new Promise<Error | null>((done) =>
      guardedLookup(false)('localhost', { all: true }, (failure) => done(failure)),
    );
    expect(error).toBeInstanceOf(RefusedAddressError);
  });

  it('lets private addresses through only when allowed', async () => {
    expect((await resolve('intranet.example', true, true)).error).toBeNull();
  });
});
