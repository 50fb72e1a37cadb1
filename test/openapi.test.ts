/**
 * The API description as clients and code generators read it: every
 * operation named (a unique camelCase operationId) and summarised, with Stripe
 * configured so the payment operations are in it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { API_TYPES_FILE, apiTypesSource } from '../scripts/generate-api-types.js';
import { createStripeTestStack, type StripeTestStack } from './support/stripe-stack.js';

let payments: StripeTestStack;

beforeAll(async () => {
  payments = await createStripeTestStack({ now: () => new Date() });
});

afterAll(async () => {
  await payments.close();
});

describe('the OpenAPI document', () => {
  it('names and summarises every operation, each name once', async () => {
    const document = (await (await payments.stack.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string; summary?: string }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, ...operation })));
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((operation) => !operation.operationId || !/^[a-z][A-Za-z]+$/.test(operation.operationId)).map((operation) => operation.at)).toEqual([]);
    expect(operations.filter((operation) => !operation.summary?.trim()).map((operation) => operation.at)).toEqual([]);
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(operations.find((operation) => operation.at === 'POST /v1/articles/{id}/unlock')?.operationId).toBe('unlockArticle');
  });

  it('documents the statuses the API answers outside any one handler, as it really answers them', async () => {
    const { stack } = payments;
    const document = (await (await stack.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const documented = (method: string, path: string) => Object.keys(document.paths[path]![method]!.responses);
    const reader = await stack.signUp('contract_reader');
    const json = { ...reader.auth, 'content-type': 'application/json' };

    // A bad token on a public route, an over-long path parameter, a body over the limit.
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged-signature';
    expect((await stack.request('/v1/users/contract_reader/posts', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    expect(documented('get', '/v1/users/{handle}/posts')).toContain('401');
    expect((await stack.request(`/v1/posts/${'p'.repeat(400)}`)).status).toBe(400);
    expect(documented('get', '/v1/posts/{id}')).toContain('400');
    expect((await stack.request('/v1/posts', { method: 'POST', headers: json, body: JSON.stringify({ text: 'x'.repeat(70_000) }) })).status).toBe(413);
    expect(documented('post', '/v1/posts')).toContain('413');

    // A malformed, then a reused Idempotency-Key.
    expect((await stack.request('/v1/posts', { method: 'POST', headers: { ...json, 'idempotency-key': 'bad key\u0001' }, body: JSON.stringify({ text: 'one' }) })).status).toBe(400);
    expect((await stack.request('/v1/posts', { method: 'POST', headers: { ...json, 'idempotency-key': 'contract-1' }, body: JSON.stringify({ text: 'one' }) })).status).toBe(201);
    expect((await stack.request('/v1/posts', { method: 'POST', headers: { ...json, 'idempotency-key': 'contract-1' }, body: JSON.stringify({ text: 'two' }) })).status).toBe(422);
    expect(documented('post', '/v1/posts')).toEqual(expect.arrayContaining(['400', '409', '422', '500']));

    // Every 429 and 503 says when to come back.
    const retryable = Object.values(document.paths).flatMap((methods) => Object.values(methods)).flatMap((operation) => ['429', '503'].map((status) => operation.responses[status]).filter(Boolean));
    expect(retryable.length).toBeGreaterThan(5);
    expect(retryable.every((response) => response!.headers?.['Retry-After'])).toBe(true);
  });

  it('is what the web app\'s typed client was generated from (run `npm run api:types` after changing a route)', async () => {
    expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await apiTypesSource());
  });
});
