/**
 * Postwire's own feed fetcher (rss-parser's fetching is not used: it buffers
 * bodies whole, ignores deadlines, hides validators and follows redirects
 * anywhere). One fetch has:
 *  - one total deadline across all hops that destroys the socket when it fires;
 *  - a size cap counted on the decoded bytes while streaming (gzip bombs stop early);
 *  - conditional GET (ETag / Last-Modified) so an unchanged feed costs nothing;
 *  - at most `maxRedirects` hops, remembering whether every hop was permanent;
 *  - an address check at connect time for every hop (see guarded-lookup.ts).
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { literalAddressOf } from './address-policy.js';
import { FeedFetchError } from './feed-fetch-error.js';
import { guardedLookup, isAddressAllowed, type AddressGate, type Resolver } from './guarded-lookup.js';
import { parseMaxAge, parseRetryAfter } from './http-headers.js';

export interface FetchPolicy extends AddressGate {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent?: string;
  resolver?: Resolver;
}

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

interface CommonOutcome {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Seconds the server asks us to wait before the next fetch (Cache-Control: max-age). */
  maxAgeSeconds?: number | undefined;
  /** Set when every hop was a permanent redirect: the feed's URL should change to this. */
  permanentUrl?: string | undefined;
}

export type FetchOutcome =
  | (CommonOutcome & { kind: 'fetched'; status: number; body: Buffer; contentType?: string | undefined; finalUrl: string })
  | (CommonOutcome & { kind: 'not_modified'; status: 304 });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
const DEFAULT_USER_AGENT = 'postwire-feed-fetcher/0.1 (+https://github.com/postwire)';

export async function fetchFeed(url: string, validators: Validators, policy: FetchPolicy): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FeedFetchError('timeout', `The feed did not answer completely within ${policy.timeoutMs} ms.`)),
    policy.timeoutMs,
  );
  try {
    return await followRedirects(url, validators, policy, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    throw toFetchError(error);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  startUrl: string,
  validators: Validators,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<FetchOutcome> {
  let current = parseFetchableUrl(startUrl, policy);
  let allPermanent = true;
  for (let hop = 0; ; hop++) {
    const response = await request(current, validators, policy, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (!location) throw new FeedFetchError('http_error', `HTTP ${status} redirect without a Location header.`, { httpStatus: status });
      if (hop >= policy.maxRedirects) {
        throw new FeedFetchError('too_many_redirects', `More than ${policy.maxRedirects} redirects.`, { httpStatus: status });
      }
      allPermanent &&= PERMANENT_REDIRECTS.has(status);
      current = parseFetchableUrl(new URL(location, current).toString(), policy);
      continue;
    }
    const common: CommonOutcome = {
      etag: header(response, 'etag'),
      lastModified: header(response, 'last-modified'),
      maxAgeSeconds: parseMaxAge(header(response, 'cache-control')),
      permanentUrl: allPermanent && current.toString() !== startUrl ? current.toString() : undefined,
    };
    if (status === 304) {
      response.destroy();
      return { kind: 'not_modified', status: 304, ...common };
    }
    if (status >= 200 && status < 300 && status !== 204) {
      const body = await readBody(response, policy.maxBytes);
      return { kind: 'fetched', status, body, contentType: header(response, 'content-type'), finalUrl: current.toString(), ...common };
    }
    response.destroy();
    throw statusError(status, header(response, 'retry-after'));
  }
}

/** Only http(s) URLs; literal addresses are checked here because a literal never reaches the DNS lookup. */
function parseFetchableUrl(raw: string, gate: AddressGate): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedFetchError('bad_url', `"${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedFetchError('bad_url', `Only http and https feeds can be fetched, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password) throw new FeedFetchError('bad_url', 'Feed URLs may not carry credentials.');
  const literal = literalAddressOf(url.hostname);
  if (literal) {
    const verdict = isAddressAllowed(literal, gate);
    if (!verdict.allowed) throw new FeedFetchError('blocked_address', `Refused to connect to ${url.host}: ${verdict.reason}.`);
  }
  return url;
}

function request(url: URL, validators: Validators, policy: FetchPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, {
      method: 'GET',
      headers,
      signal,
      agent: false, // no pooled sockets: a destroyed request takes its socket with it
      lookup: guardedLookup(policy, policy.resolver),
      rejectUnauthorized: true,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = (header(response, 'content-encoding') ?? 'identity').toLowerCase().trim();
  if (encoding === 'identity' && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const decoded = decode(response, encoding);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of decoded as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      decoded.destroy();
      response.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function decode(response: IncomingMessage, encoding: string): Readable {
  const decompressor =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decompressor) return response;
  // pipeline destroys both streams on any error, so a corrupt body cannot leak a socket.
  return pipeline(response, decompressor, () => undefined);
}

function statusError(status: number, retryAfter: string | undefined): FeedFetchError {
  const retryAfterMs = parseRetryAfter(retryAfter, Date.now());
  if (status === 410) return new FeedFetchError('gone', 'The feed is gone (HTTP 410).', { httpStatus: status });
  if (status === 429) return new FeedFetchError('rate_limited', 'The feed server is rate limiting us (HTTP 429).', { httpStatus: status, retryAfterMs });
  if (status === 503) return new FeedFetchError('unavailable', 'The feed server is unavailable (HTTP 503).', { httpStatus: status, retryAfterMs });
  return new FeedFetchError('http_error', `The feed server answered HTTP ${status}.`, { httpStatus: status });
}

function toFetchError(error: unknown): FeedFetchError {
  if (error instanceof FeedFetchError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof FeedFetchError) return cause;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_HTTP_CONTENT_LENGTH_MISMATCH' || code === 'Z_DATA_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1') {
    return new FeedFetchError('network', `The feed body was corrupt: ${message}`);
  }
  return new FeedFetchError('network', `Could not fetch the feed: ${code ? `${code} ` : ''}${message}`);
}

const tooLarge = (maxBytes: number) => new FeedFetchError('too_large', `The feed is larger than ${maxBytes} bytes once decompressed.`);

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
