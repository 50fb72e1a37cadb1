/**
 * Sign-ups are limited per source address and per email domain, each hour, so
 * starter points cannot be farmed with throwaway accounts. The address is the
 * client's as shared/client-address.ts decides it: the connection's, or the
 * reader's when the web function vouches for it — never a header anyone else
 * could write. Large mail providers are exempt from the domain limit: their
 * users are not one sender.
 */
import type { Context } from 'hono';
import { clientAddressOf } from '../client-address.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { takeHourlySlot } from './rate-limit.js';

export async function takeSignupSlots(deps: AppDeps, c: Context<AppEnv>, email: string): Promise<void> {
  const { perAddress, perDomain, exemptDomains } = deps.config.readers.signupLimits;
  // A voucher's age is between two functions' real clocks, not the domain's (which tests may move).
  const address = clientAddressOf(c, deps.config.clientAddressKey, new Date());
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  await Promise.all([
    // In-process calls (tests, scripts) carry no connection: there is no address to count.
    address ? takeHourlySlot(deps, `ip:${address}`, 'signup', perAddress, `Only ${perAddress} accounts may be created from one address an hour`) : undefined,
    exemptDomains.includes(domain) ? undefined : takeHourlySlot(deps, `domain:${domain}`, 'signup', perDomain, `Only ${perDomain} accounts may be created with ${domain} addresses an hour`),
  ]);
}
