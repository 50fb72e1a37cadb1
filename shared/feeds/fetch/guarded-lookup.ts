/**
 * A DNS lookup for `http.request({ lookup })` that refuses non-public answers.
 * It runs at connect time for every hop, so a redirect to an internal name or a
 * DNS answer that changes between check and use (rebinding) is caught where the
 * socket is opened, not earlier.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { checkAddress } from './address-policy.js';
import { FeedFetchError } from './feed-fetch-error.js';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

export interface AddressGate {
  allowPrivateHosts: boolean;
  /** Addresses treated as public: a loopback fixture server that stands in for the Internet in tests. */
  trustedAddresses?: readonly string[] | undefined;
}

export function isAddressAllowed(address: string, gate: AddressGate): { allowed: true } | { allowed: false; reason: string } {
  if (gate.allowPrivateHosts || gate.trustedAddresses?.includes(address)) return { allowed: true };
  return checkAddress(address);
}

export function guardedLookup(gate: AddressGate, resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (answers) => {
        const family = typeof options.family === 'number' ? options.family : 0;
        const usable = answers.filter((answer) => family === 0 || answer.family === family);
        // One private answer refuses the host: a mixed answer is how rebinding attacks start.
        for (const answer of usable) {
          const verdict = isAddressAllowed(answer.address, gate);
          if (!verdict.allowed) {
            callback(new FeedFetchError('blocked_address', `Refused to connect to ${hostname}: ${verdict.reason}.`), '', 0);
            return;
          }
        }
        const first = usable[0];
        if (!first) {
          callback(Object.assign(new Error(`No address found for ${hostname}.`), { code: 'ENOTFOUND' }), '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}
