import { describe, expect, it } from 'vitest';
import { checkAddress, literalAddressOf } from '../shared/feeds/fetch/address-policy.js';

describe('which addresses a feed fetch may reach', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001:0::1',
    '::127.0.0.1',
    '::7f00:1',
    '::a9fe:a9fe',
  ])('refuses %s', (address) => {
    expect(checkAddress(address).allowed).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (address) => {
    expect(checkAddress(address)).toEqual({ allowed: true });
  });

  it('says what kind of address it refused', () => {
    expect(checkAddress('169.254.169.254')).toEqual({ allowed: false, reason: '169.254.169.254 is a linkLocal address' });
  });

  it('reads literal hosts as the URL parser normalised them, odd spellings included', () => {
    expect(literalAddressOf(new URL('http://0177.0.0.1/').hostname)).toBe('127.0.0.1');
    expect(literalAddressOf(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(literalAddressOf(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(literalAddressOf(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe('::ffff:7f00:1');
    expect(literalAddressOf('feeds.example.com')).toBeUndefined();
  });
});
