/**
 * The API description as clients and code generators read it: every
 * operation named (a unique camelCase operationId) and summarised, with Stripe
 * configured so the payment operations are in it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
