/**
 * Early refusal of feed URLs that can never be fetched, so a publisher hears it
 * at registration rather than from a failing feed. The fetcher still checks
 * every connection: a name may resolve differently later.
 */
import { literalAddressOf } from './address-policy.js';
import { isAddressAllowed, systemResolver, type AddressGate, type Resolver } from './guarded-lookup.js';

export async function refusalOfFeedUrl(url: string, gate: AddressGate, resolver: Resolver = systemResolver): Promise<string | undefined> {
  const { hostname, username, password } = new URL(url);
  if (username || password) return 'Feed URLs may not carry a user name or password; feeds must be readable by anyone.';
  const literal = literalAddressOf(hostname);
  const addresses = literal
    ? [literal]
    : await resolver(hostname).then(
        (answers) => answers.map((answer) => answer.address),
        // A name that does not resolve today may tomorrow; the fetch will say so.
        () => [],
      );
  for (const address of addresses) {
    const verdict = isAddressAllowed(address, gate);
    if (!verdict.allowed) return `Feeds on non-public addresses cannot be fetched: ${verdict.reason}.`;
  }
  return undefined;
}
