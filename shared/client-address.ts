/**
 * Who the client is, for limits per source address. The API believes the
 * connection: API Gateway's `sourceIp` in AWS, the socket's peer on one
 * machine. One exception: the web function calls the API from its own egress
 * address on every reader's behalf, so it vouches for the reader's address in
 * CLIENT_ADDRESS_HEADER, signed (HMAC-SHA256) with a key only the two share and
 * good for VOUCHER_WINDOW_SECONDS, so a captured header is not good for long.
 * Every other claim (`x-forwarded-for`; an unsigned, forged or stale voucher;
 * any voucher when no key is configured) is ignored.
 */
import type { Context } from 'hono';
import { readSignedToken, signToken } from './signed-token.js';

export const CLIENT_ADDRESS_HEADER = 'x-postwire-client-address';
export const VOUCHER_WINDOW_SECONDS = 60;
const PURPOSE = 'client address';

interface Voucher {
  address: string;
  /** When it was signed, in milliseconds since the epoch. */
  at: number;
}

interface ConnectionEnv {
  /** Hono's AWS Lambda adapter: the HTTP API event's request context. */
  requestContext?: { http?: { sourceIp?: string } };
  /** @hono/node-server: the incoming request and its socket. */
  incoming?: { socket?: { remoteAddress?: string } };
}

/** What the platform saw of the connection; undefined in-process (tests, scripts), where there is none. */
export function connectionAddressOf(env: unknown): string | undefined {
  const connection = env as ConnectionEnv | undefined;
  return connection?.requestContext?.http?.sourceIp ?? connection?.incoming?.socket?.remoteAddress;
}

/** The web function's word that it calls for a reader at `address`: CLIENT_ADDRESS_HEADER's value. */
export function vouchFor(key: string, address: string, now: Date): string {
  return signToken(key, PURPOSE, { address, at: now.getTime() } satisfies Voucher);
}

/**
 * The client's address: the voucher's when it is signed with `key` and at most
 * VOUCHER_WINDOW_SECONDS from `now` (either side: two functions' clocks differ
 * a little), otherwise the connection's.
 */
export function clientAddress(request: { connection: string | undefined; voucher: string | undefined }, key: string | undefined, now: Date): string | undefined {
  if (!key || !request.voucher) return request.connection;
  const claims = readSignedToken<Partial<Voucher> | null>(key, PURPOSE, request.voucher);
  const fresh = typeof claims?.at === 'number' && Math.abs(now.getTime() - claims.at) <= VOUCHER_WINDOW_SECONDS * 1000;
  return fresh && typeof claims.address === 'string' && claims.address !== '' ? claims.address : request.connection;
}

/** The address of the client of API request `c`. */
export function clientAddressOf(c: Context, key: string | undefined, now: Date): string | undefined {
  return clientAddress({ connection: connectionAddressOf(c.env), voucher: c.req.header(CLIENT_ADDRESS_HEADER) }, key, now);
}
