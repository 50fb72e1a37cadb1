/**
 * Whose address a per-address limit counts: the connection's, or the reader's
 * when the web function vouches for it (shared/client-address.ts). The web
 * function is driven with API Gateway's events, as in AWS, and calls the API
 * over real HTTP, so every call reaches the API from one address.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, connectionAddressOf, vouchFor, CLIENT_ADDRESS_HEADER, VOUCHER_WINDOW_SECONDS } from '../shared/client-address.js';
import { FormClient } from './support/form-client.js';
import { lambdaSite } from './support/lambda-events.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

const KEY = 'k'.repeat(32);
const now = new Date('2025-03-01T12:00:00Z');
const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('the client address', () => {
  const from = (voucher: string | undefined) => clientAddress({ connection: '192.0.2.1', voucher }, KEY, now);

  it('is the reader’s address when the web function vouched for it with the shared key within the window', () => {
    expect(from(vouchFor(KEY, '198.51.100.7', now))).toBe('198.51.100.7');
    expect(from(vouchFor(KEY, '2001:db8::7', secondsFromNow(-VOUCHER_WINDOW_SECONDS)))).toBe('2001:db8::7');
  });

  it('is the connection’s when the voucher is missing, unsigned, forged, altered, stale or from the future', () => {
    const altered = vouchFor(KEY, '198.51.100.7', now).replace(/^[^.]+/, Buffer.from(JSON.stringify({ address: '198.51.100.8', at: now.getTime() })).toString('base64url'));
    for (const voucher of [undefined, '', '198.51.100.7', vouchFor('another key of thirty-two characters', '198.51.100.7', now), altered, vouchFor(KEY, '198.51.100.7', secondsFromNow(-VOUCHER_WINDOW_SECONDS - 1)), vouchFor(KEY, '198.51.100.7', secondsFromNow(VOUCHER_WINDOW_SECONDS + 1))]) {
      expect(from(voucher)).toBe('192.0.2.1');
    }
  });

  it('is the connection’s whatever the voucher says when no key is configured', () => {
    expect(clientAddress({ connection: '192.0.2.1', voucher: vouchFor(KEY, '198.51.100.7', now) }, undefined, now)).toBe('192.0.2.1');
  });

  it('of a connection is API Gateway’s source address in Lambda and the socket’s peer under Node’s server', () => {
    expect(connectionAddressOf({ requestContext: { http: { sourceIp: '203.0.113.9' } } })).toBe('203.0.113.9');
    expect(connectionAddressOf({ incoming: { socket: { remoteAddress: '127.0.0.1' } } })).toBe('127.0.0.1');
    expect(connectionAddressOf(undefined)).toBeUndefined();
  });
});

describe('sign-ups through the web app', () => {
  let site: WebTestStack;
  let webFunction: (event: APIGatewayProxyEventV2, context: object) => Promise<unknown>;

  beforeAll(async () => {
    // The API and the web app on one machine, as under npm start; the web function (below) calls this API at its address.
    site = await createWebTestStack({ env: { SIGNUP_RATE_LIMITS: 'address:20,domain:100000' } });
    Object.assign(process.env, { PUBLIC_URL: site.url, API_URL: site.url, JWT_SECRET: site.deps.config.jwtSecret, CLIENT_ADDRESS_KEY: site.deps.config.clientAddressKey });
    ({ handler: webFunction } = (await import('../functions/web.js')) as unknown as { handler: typeof webFunction });
  });

  afterAll(async () => {
    await site.close();
  });

  /** Signs reader `name` up through the form; answers the page's status, and the limit's sentence if it showed. */
  async function signUp(reach: (path: string, init?: RequestInit) => Promise<Response>, name: string): Promise<string> {
    const browser = new FormClient(reach);
    expect((await browser.get('/signup')).status).toBe(200);
    const answer = await browser.post('/signup', { email: `${name}@readers.example`, handle: name, password: 'correct horse battery' });
    const limit = /accounts may be created from one address an hour/.test(await answer.text()) ? ' limit' : '';
    return `${answer.status}${limit}`;
  }

  const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});

  it('in AWS, are limited per reader: 25 from one reader address make 20 accounts and then show the limit', async () => {
    const reader = lambdaSite(webFunction, '198.51.100.20');
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) outcomes.push(await signUp(reader, `lambda_one_${i}`));
    expect(tally(outcomes)).toEqual({ 303: 20, '429 limit': 5 });
  });

  it('in AWS, are not limited for 25 readers at 25 addresses, though every call reaches the API from the web function’s address', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) outcomes.push(await signUp(lambdaSite(webFunction, `203.0.113.${i + 1}`), `lambda_many_${i}`));
    expect(tally(outcomes)).toEqual({ 303: 25 });
  });

  it('on one machine (npm start), are limited per reader address too', async () => {
    const browser = (path: string, init?: RequestInit) => fetch(new URL(path, site.url), { ...init, redirect: 'manual' });
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) outcomes.push(await signUp(browser, `local_${i}`));
    expect(tally(outcomes)).toEqual({ 303: 20, '429 limit': 5 });
  });
});

describe('sign-ups straight to the API', () => {
  it('count the connection’s address whatever forwarding header they carry, unless the web function signed it', async () => {
    // Served as npm start serves it: the API's paths on the site's server.
    const stack = await createWebTestStack({ env: { SIGNUP_RATE_LIMITS: 'address:3,domain:100000' } });
    const key = stack.deps.config.clientAddressKey!;
    try {
      const signUp = async (i: number, headers: Record<string, string> = {}) =>
        (
          await fetch(`${stack.url}/v1/auth/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ email: `direct${i}@readers.example`, password: 'correct horse battery', handle: `direct_${i}` }),
          })
        ).status;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await signUp(i));
      const claims = {
        'x-forwarded-for': { 'x-forwarded-for': '198.51.100.30' },
        unsigned: { [CLIENT_ADDRESS_HEADER]: '198.51.100.31' },
        forged: { [CLIENT_ADDRESS_HEADER]: vouchFor('a key the web function does not hold', '198.51.100.32', new Date()) },
        stale: { [CLIENT_ADDRESS_HEADER]: vouchFor(key, '198.51.100.33', new Date(Date.now() - (VOUCHER_WINDOW_SECONDS + 5) * 1000)) },
        signed: { [CLIENT_ADDRESS_HEADER]: vouchFor(key, '198.51.100.34', new Date()) },
      };
      const answers: Record<string, number> = {};
      for (const [i, [name, headers]] of Object.entries(claims).entries()) answers[name] = await signUp(10 + i, headers);
      expect(statuses).toEqual([201, 201, 201]);
      expect(answers).toEqual({ 'x-forwarded-for': 429, unsigned: 429, forged: 429, stale: 429, signed: 201 });
    } finally {
      await stack.close();
    }
  });
});
