/**
 * Sign-ups are limited per source address and per email domain, each hour, so
 * starter points cannot be farmed with throwaway accounts. The address is the
 * one the platform saw — API Gateway's `sourceIp`, or the socket's peer on one
 * machine — never a header the client could write. Large mail providers are
 * exempt from the domain limit: their users are not one sender.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';
import { takeHourlySlot } from './rate-limit.js';

interface ConnectionEnv {
  /** Hono's AWS Lambda adapter: the HTTP API event's request context. */
  requestContext?: { http?: { sourceIp?: string } };
  /** @hono/node-server: the incoming request and its socket. */
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddressOf(c: Context<AppEnv>): string | undefined {
  const env = c.env as ConnectionEnv | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
}

export async function takeSignupSlots(deps: AppDeps, c: Context<AppEnv>, email: string): Promise<void> {
  const { perAddress, perDomain, exemptDomains } = deps.config.readers.signupLimits;
  const address = clientAddressOf(c);
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  await Promise.all([
    // In-process calls (tests, scripts) carry no connection: there is no address to count.
    address ? takeHourlySlot(deps, `ip:${address}`, 'signup', perAddress, `Only ${perAddress} accounts may be created from one address an hour`) : undefined,
    exemptDomains.includes(domain) ? undefined : takeHourlySlot(deps, `domain:${domain}`, 'signup', perDomain, `Only ${perDomain} accounts may be created with ${domain} addresses an hour`),
  ]);
}
