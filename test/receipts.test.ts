/**
 * Receipts a reader keeps: each verifies offline with a standard JOSE library
 * and nothing but the published JWKS, so they outlive postwire.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
// The stack's clock, fixed; everything that reads time here reads this one, the JOSE checks of `exp` and `iat` too.
const clock = new Date('2026-11-30T12:00:00Z');
const atStackTime = { currentDate: clock };
const ISSUER = 'https://postwire.example';
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock, env: { PUBLIC_URL: ISSUER } });
});

describe('receipts', () => {
  it('cover every purchase, article and subscription, and each verifies offline with only the JWKS', async () => {
    const { ids } = await stack.publisherWithArticles('receipt-desk', 3, { settings: { articlePrice: 30, freeArticlesPerMonth: 1 }, plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }] });
    await stack.publisherWithArticles('receipt-other', 1, { settings: { articlePrice: 20, freeArticlesPerMonth: 0 }, plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 400, trialDays: 14 }] });
    const reader = await stack.signUp('receipt_reader');
    await send('POST', '/v1/me/wallet/dev-top-up', reader.auth, { points: 200 });
    await send('POST', `/v1/articles/${ids[0]}/unlock`, reader.auth);
    await send('POST', `/v1/articles/${ids[1]}/unlock`, reader.auth);
    expect((await send('POST', '/v1/publishers/receipt-other/trial', reader.auth, {})).status).toBe(201);

    const response = await stack.request('/v1/me/receipts', { headers: reader.auth });
    expect(response.status).toBe(200);
    const { keyId, receipts, document } = await json(response);
    expect(receipts.map((receipt: any) => receipt.kind).sort()).toEqual(['article', 'article', 'purchase', 'subscription']);

    // What a reader (or a publisher they show it to) has: the JWKS, fetched once, and the receipts. No other call.
    const jwks = (await json(await stack.request('/.well-known/jwks.json'))) as JSONWebKeySet;
    const keys = createLocalJWKSet(jwks);
    for (const receipt of receipts) {
      expect(decodeProtectedHeader(receipt.jws)).toMatchObject({ alg: 'ES256', typ: 'postwire-receipt+jwt', kid: keyId });
      const { payload } = await jwtVerify(receipt.jws, keys, { ...atStackTime, issuer: ISSUER, typ: 'postwire-receipt+jwt' });
      const { jws: _jws, ...claims } = receipt;
      expect(payload).toMatchObject({ ...claims, email: 'receipt_reader@readers.example', handle: 'receipt_reader' });
    }
    const article = receipts.find((receipt: any) => receipt.kind === 'article' && receipt.via === 'points');
    expect(article).toMatchObject({ publisher: 'receipt-desk', article: ids[1], points: 30, title: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    expect(receipts.find((receipt: any) => receipt.kind === 'article' && receipt.via === 'meter')).toMatchObject({ article: ids[0], points: 0 });
    expect(receipts.find((receipt: any) => receipt.kind === 'purchase')).toMatchObject({ points: 200 });
    expect(receipts.find((receipt: any) => receipt.kind === 'subscription')).toMatchObject({ publisher: 'receipt-other', type: 'trial', status: 'trialing' });
    // The name a publisher knows the reader by: the same in receipts and entitlement tokens, different at each publisher.
    const token = (await json(await stack.request(`/v1/articles/${ids[1]}/entitlement`, { headers: reader.auth }))).token as string;
    expect((await jwtVerify(token, keys, atStackTime)).payload.sub).toBe(article.sub);
    expect(receipts.find((receipt: any) => receipt.kind === 'subscription').sub).not.toBe(article.sub);

    const whole = await jwtVerify(document, keys, { ...atStackTime, issuer: ISSUER });
    expect((whole.payload.receipts as unknown[]).length).toBe(4);

    // A receipt altered by one character no longer verifies.
    const [header, payload, signature] = (article.jws as string).split('.');
    const forged = Buffer.from(payload!, 'base64url').toString().replace('"points":30', '"points":0');
    await expect(jwtVerify(`${header}.${Buffer.from(forged).toString('base64url')}.${signature}`, keys, atStackTime)).rejects.toThrow(/signature/);
    expect((await stack.request('/v1/me/receipts')).status).toBe(401);
  });
});
