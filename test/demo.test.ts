/**
 * `npm run demo` against a started stack: it fills it through the public API
 * with publishers, readers and their activity, so a newcomer has something to
 * explore, and says so plainly when the content is there already.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, runDemo } from '../scripts/demo.js';
import { ADMIN_TOKEN } from './support/test-stack.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

let stack: WebTestStack;

beforeAll(async () => {
  stack = await createWebTestStack({ mail: true });
});

afterAll(async () => {
  await stack.close();
});

async function signIn(handle: string): Promise<Record<string, string>> {
  const response = await stack.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${handle}@demo.example`, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

describe('the demo', () => {
  it('leaves publishers with articles and plans, and readers with follows, posts, an unlock and a gift, and prints the logins', async () => {
    const lines: string[] = [];
    const { giftUrl } = await runDemo(stack.url, ADMIN_TOKEN, inject('mailInboxUrl'), (line) => lines.push(line));
    expect(lines.join('\n')).toContain(`password for all: "${DEMO_PASSWORD}"`);
    expect(giftUrl).toMatch(/\/gifts\/[A-Za-z0-9_-]+$/);

    const publishers = (await (await stack.request('/v1/publishers')).json()) as { items: Array<{ slug: string; plans?: unknown[] }> };
    expect(publishers.items.map((publisher) => publisher.slug).sort()).toEqual(['culturedesk', 'scienceweekly', 'worldwire']);
    expect(publishers.items.every((publisher) => (publisher.plans?.length ?? 0) > 0)).toBe(true);
    const articles = (await (await stack.request('/v1/articles?limit=50')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(20);

    const ana = await signIn('ana_reads');
    expect(((await (await stack.request('/v1/me/library', { headers: ana })).json()) as { items: unknown[] }).items).toHaveLength(2);
    const ben = await signIn('ben_news');
    const benLibrary = (await (await stack.request('/v1/me/library', { headers: ben })).json()) as { items: Array<{ via: string }> };
    expect(benLibrary.items.map((item) => item.via)).toEqual(['gift']);
    const timeline = (await (await stack.request('/v1/timeline', { headers: ben })).json()) as { items: Array<{ article?: { title: string } }> };
    // The followed publishers' new articles (10 + 5) and the followed readers' posts with cards (2).
    expect(timeline.items.filter((post) => post.article).length).toBe(17);
    const newsletters = (await (await stack.request('/v1/me/newsletters', { headers: ana })).json()) as { items: Array<{ newsletterId: string; status: string }> };
    expect(newsletters.items).toEqual([expect.objectContaining({ newsletterId: 'worldwire.daily', status: 'active' })]);
  });

  it('says the content is there already when run twice, and changes nothing', async () => {
    await expect(runDemo(stack.url, ADMIN_TOKEN, inject('mailInboxUrl'), () => {})).rejects.toThrow(/already/);
  });
});
