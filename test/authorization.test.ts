/**
 * Authorization, swept over the whole API document: every operation that
 * needs a credential refuses a request without one (401, the contract's JSON
 * error), and a publisher's own resources are not there for another
 * publisher's key (404, so ids do not leak).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});

interface Operation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
}

describe('authorization', () => {
  it('refuses every operation that needs a credential when none is sent, with a 401 JSON error', async () => {
    const document = (await (await stack.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    const guarded = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // Optional credentials list an empty requirement; public operations list none.
        .filter(([, operation]) => operation.security?.length && operation.security.every((requirement) => Object.keys(requirement).length > 0))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x'), operationId: operation.operationId })),
    );
    expect(guarded.length).toBeGreaterThan(50);
    const answers = await Promise.all(
      guarded.map(async ({ method, path, operationId }) => {
        const response = await stack.request(path, { method, headers: method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }, body: method === 'GET' || method === 'DELETE' ? undefined : '{}' });
        const body = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as { error?: { code?: string } }) : undefined;
        return { operationId, status: response.status, code: body?.error?.code };
      }),
    );
    expect(answers.filter((answer) => answer.status !== 401 || answer.code !== 'unauthorized')).toEqual([]);
  });

  it('keeps a publisher’s newsletters and webhooks from every other publisher', async () => {
    const owner = (await stack.createPublisher('auth-owner')).auth;
    const other = (await stack.createPublisher('auth-other')).auth;
    const json = { 'content-type': 'application/json' };
    await stack.request('/v1/publisher/newsletters', { method: 'POST', headers: { ...owner, ...json }, body: JSON.stringify({ key: 'daily', name: 'Daily', sendTime: '07:00', timeZone: 'UTC', frequency: 'daily' }) });
    const { webhook } = (await (await stack.request('/v1/publisher/webhooks', { method: 'POST', headers: { ...owner, ...json }, body: JSON.stringify({ url: 'https://hooks.auth-owner.example/in', events: ['tip.received'] }) })).json()) as { webhook: { webhookId: string } };
    for (const [method, path] of [
      ['POST', '/v1/publisher/newsletters/auth-owner.daily/send-now'],
      ['GET', '/v1/publisher/newsletters/auth-owner.daily/issues'],
      ['POST', `/v1/publisher/webhooks/${webhook.webhookId}/rotate-secret`],
      ['POST', `/v1/publisher/webhooks/${webhook.webhookId}/enable`],
      ['GET', `/v1/publisher/webhooks/${webhook.webhookId}/deliveries`],
      ['DELETE', `/v1/publisher/webhooks/${webhook.webhookId}`],
    ] as const) {
      expect((await stack.request(path, { method, headers: other })).status, `${method} ${path}`).toBe(404);
    }
    expect(((await (await stack.request('/v1/publisher/webhooks', { headers: other })).json()) as { items: unknown[] }).items).toEqual([]);
    expect(((await (await stack.request('/v1/publisher/newsletters', { headers: other })).json()) as { items: unknown[] }).items).toEqual([]);
  });
});
