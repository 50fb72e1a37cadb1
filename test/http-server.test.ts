/**
 * The API behind a real HTTP server, as `npm start` runs it: what clients see
 * on the wire, where the in-process `app.request()` cannot tell.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  stack = await createTestStack({ env: { SIGNUP_RATE_LIMITS: 'address:3,domain:100000' } });
  server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a large upload the server refuses', () => {
  it('gets its 401 every time, not a connection closed under it, with a wrong key or none', async () => {
    const body = rss2(articleItems(1, 'big')).replace('</channel>', `<!-- ${'x'.repeat(2 * 1024 * 1024)} --></channel>`);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const headers: Record<string, string> = { 'content-type': 'application/rss+xml' };
      if (attempt % 2 === 0) headers.authorization = 'Bearer pk_nobody_0123456789abcdef';
      try {
        const response = await fetch(`${base}/v1/publisher/ingest`, { method: 'POST', headers, body });
        outcomes.push(`${response.status} ${((await response.json()) as { error: { code: string } }).error.code}`);
      } catch (error) {
        outcomes.push(`failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`);
      }
    }
    expect(outcomes).toEqual(Array(10).fill('401 unauthorized'));
  });

  it('gets its 413 when it is larger than the server takes', async () => {
    const { auth } = await stack.createPublisher('too-big');
    const body = rss2(articleItems(1, 'huge')).replace('</channel>', `<!-- ${'x'.repeat(stack.deps.config.maxBodyBytes)} --></channel>`);
    const response = await fetch(`${base}/v1/publisher/ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('sign-ups from one address', () => {
  it('are limited per hour by the address the server saw, not by anything the client says', async () => {
    const signUp = (i: number, headers: Record<string, string> = {}) =>
      fetch(`${base}/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: `farm${i}@domain${i}.example`, password: 'correct horse battery', handle: `farm_${i}` }),
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signUp(i)).status);
    // A forged forwarding header does not make a new address.
    const fourth = await signUp(3, { 'x-forwarded-for': '198.51.100.7' });
    expect([...statuses, fourth.status]).toEqual([201, 201, 201, 429]);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await fourth.json()) as { error: { message: string } }).error.message).toMatch(/3 accounts may be created from one address an hour/);
  });
});
