/**
 * The web app in a real browser (Chromium), as readers and publishers use it:
 * the journeys a newcomer takes, gifts, following, the keyboard alone, and
 * axe-core on every page they meet. Screenshots go to test/output/screenshots.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser.js';
import { rss2 } from './support/feeds.js';
import { linkIn, mailsTo } from './support/mailbox.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

// A real browser on a busy 2-core machine: journeys of many pages, and pages that appear after a form's redirect.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000, expect: { poll: { timeout: 30_000 } } });

let stack: WebTestStack;
let browser: Browser;
let publisherAuth: Record<string, string>;
const contexts: BrowserContext[] = [];

/** Every page a journey meets is checked by axe-core: no serious or critical violation. */
const checkedPages = new Set<string>();
async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page), `axe-core on ${new URL(page.url()).pathname}`).toEqual([]);
  checkedPages.add(new URL(page.url()).pathname.replace(/[A-Za-z0-9_-]{16,}/g, '…'));
}

async function newReaderPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function signUp(page: Page, handle: string): Promise<void> {
  await page.getByLabel('Email').fill(`${handle}@browser.example`);
  await page.getByLabel(/^Handle/).fill(handle);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create my account' }).click();
}

/** Follows the link in the sign-up's confirmation mail, as the reader's mail client would open it: the starter points arrive. */
async function confirmAddress(page: Page, handle: string): Promise<void> {
  await stack.mailSent();
  const [mail] = await mailsTo(`${handle}@browser.example`);
  await page.goto(linkIn(mail!, `${stack.url}/verify-email?token=`).href);
  await expect.poll(() => page.getByText('50 starter points are in your wallet').isVisible()).toBe(true);
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.goto(`${stack.url}/`);
  await page.getByRole('link', { name: title }).first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([createWebTestStack({ mail: true }), launchBrowser()]);
  ({ auth: publisherAuth } = await stack.createPublisher('worldwire', { name: 'World Wire', articlePrice: 30, freeArticlesPerMonth: 1 }));
  const json = { ...publisherAuth, 'content-type': 'application/json' };
  await stack.request('/v1/publisher', {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify({
      plans: [
        { planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 },
        { planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 1990 },
      ],
    }),
  });
  const feed = await readFile('examples/world-desk.xml', 'utf8');
  const pushed = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: feed });
  expect(((await pushed.json()) as { created: number }).created).toBe(10);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
});

describe('in a browser', () => {
  it('a newcomer signs up, reads a free article, uses the monthly one, meets the paywall, unlocks with points and finds the article in the library', async () => {
    const page = await newReaderPage();
    await page.goto(`${stack.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Latest articles' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'home');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await expectAccessible(page);
    await signUp(page, 'newcomer');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('confirm your address');
    await confirmAddress(page, 'newcomer');
    await expectAccessible(page);

    await openArticle(page, "Seoul's oldest bookshop reopens after a crowdfunding drive");
    await expect.poll(() => page.getByText('Free article').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Opening day drew queues around the block').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Keep reading' }).count()).toBe(0);
    await expectAccessible(page);

    await openArticle(page, "Poland's high-speed rail line wins EU funding");
    await expect.poll(() => page.getByText('You have 1 free article from World Wire left this month.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Read free' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Unlocked');
    await expect.poll(() => page.getByText('Rail unions welcomed the decision').isVisible()).toBe(true);

    await openArticle(page, 'Kenya opens East Africa\'s largest geothermal plant');
    const paywall = page.getByRole('region', { name: 'Keep reading' });
    await expect.poll(() => paywall.getByText(/reached your limit of free articles from World Wire/).isVisible()).toBe(true);
    await expect.poll(() => paywall.getByText('30 days free, then $2.90 per month').isVisible()).toBe(true);
    await expect.poll(() => paywall.getByText('save $14.90 compared to monthly billing').isVisible()).toBe(true);
    await expect.poll(() => paywall.getByText('Your balance: 50 points').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'article-paywall');
    await paywall.getByRole('button', { name: 'Unlock for 30 points' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Unlocked');
    expect(await page.getByRole('region', { name: 'Keep reading' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Wallet' }).click();
    await expect.poll(() => page.getByText('Balance: 20 points').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => page.getByRole('link', { name: "Kenya opens East Africa's largest geothermal plant" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: "Poland's high-speed rail line wins EU funding" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await expectAccessible(page);

    // The gift journey starts from this reader's paid unlock.
    await openArticle(page, 'Kenya opens East Africa\'s largest geothermal plant');
    await page.getByRole('button', { name: 'Make a gift link' }).click();
    const giftUrl = await page.getByLabel(/Your gift link/).inputValue();
    expect(giftUrl).toMatch(new RegExp(`^${stack.url}/gifts/[A-Za-z0-9_-]+$`));
    await expectAccessible(page);

    const friend = await newReaderPage();
    await friend.goto(giftUrl);
    await expect.poll(() => friend.getByRole('heading', { name: 'Someone gave you an article' }).isVisible()).toBe(true);
    await expectAccessible(friend);
    await friend.getByRole('link', { name: 'Create a free account to read' }).click();
    await signUp(friend, 'gifted_friend');
    await friend.getByRole('button', { name: 'Open the gift and read' }).click();
    await expect.poll(() => friend.getByRole('status').textContent()).toContain('The gift is yours');
    await expect.poll(() => friend.getByText('A gift').isVisible()).toBe(true);
    await expect.poll(() => friend.getByText('Engineers from Japan and Iceland helped build the wells').isVisible()).toBe(true);
  });

  it('a reader follows a publisher, sees its new article in the timeline with their access, and shares it in a post', async () => {
    const page = await newReaderPage();
    await page.goto(`${stack.url}/signup`);
    await signUp(page, 'follower');
    await page.goto(`${stack.url}/p/worldwire`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Follow World Wire' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Followed');

    const fresh = rss2([{ guid: 'ww-breaking-1', title: 'Breaking: Baltic ferry strike ends after nine days', link: 'https://worldwire.example/europe/ferry-strike-ends', pubDate: new Date().toUTCString(), category: 'Europe', description: 'Unions and operators agreed a new pay deal overnight.', content: '<p>Unions and operators agreed a new pay deal overnight.</p><p>Sailings resume on Thursday.</p>' }]);
    const pushed = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: fresh });
    expect(pushed.status).toBe(200);

    await page.getByRole('link', { name: 'Timeline' }).click();
    const card = page.getByRole('article').filter({ hasText: 'Breaking: Baltic ferry strike ends after nine days' }).last();
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(() => card.getByText('30 points').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'timeline');

    await page.goto(`${stack.url}/compose?article=${encodeURIComponent(await firstArticleId('Breaking: Baltic ferry strike ends after nine days'))}`);
    await expectAccessible(page);
    await page.getByLabel('What do you want to say?').fill('Good news for islanders.');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Posted');
    await expect.poll(() => page.getByText('Good news for islanders.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Breaking: Baltic ferry strike ends after nine days' }).isVisible()).toBe(true);
    await expectAccessible(page);
  });

  it('a reader subscribes to a newsletter with double opt-in, gets an issue, unsubscribes from it, and manages and deletes the account', async () => {
    await stack.request('/v1/publisher/newsletters', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'daily', name: 'The Daily Briefing', sendTime: '07:00', timeZone: 'Europe/Berlin', frequency: 'daily' }) });
    const page = await newReaderPage();
    await page.goto(`${stack.url}/signup`);
    await signUp(page, 'newsletter_fan');
    await confirmAddress(page, 'newsletter_fan');

    await page.goto(`${stack.url}/p/worldwire`);
    await page.getByRole('button', { name: 'Subscribe to The Daily Briefing' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('confirm with the link');
    await expectAccessible(page);
    await stack.mailSent();
    const confirmation = (await mailsTo('newsletter_fan@browser.example')).find((mail) => mail.subject.startsWith('Confirm your subscription'))!;
    await page.goto(linkIn(confirmation, `${stack.url}/newsletters/confirm?`).href);
    await expect.poll(() => page.getByRole('heading', { name: 'You are subscribed' }).isVisible()).toBe(true);
    await expectAccessible(page);

    // An article published an hour ago, and the publisher sends the issue now.
    const fresh = rss2([{ guid: 'nl-fresh', title: 'Lisbon opens its new river tram', link: 'https://worldwire.example/lisbon-tram', pubDate: new Date(Date.now() - 3600_000).toUTCString(), description: 'The line runs along the Tagus.', content: '<p>The line runs along the Tagus.</p>' }]);
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: fresh });
    await stack.request('/v1/publisher/newsletters/worldwire.daily/send-now', { method: 'POST', headers: publisherAuth });
    await stack.sendNewsletters();
    await stack.mailSent();
    const issue = (await mailsTo('newsletter_fan@browser.example')).find((mail) => mail.subject.startsWith('The Daily Briefing'))!;
    expect(issue.text).toContain('Lisbon opens its new river tram'.toUpperCase());
    await page.goto(linkIn(issue, `${stack.url}/newsletters/unsubscribe?`).href);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You are unsubscribed' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: '@newsletter_fan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your account', exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'account');
    await page.getByLabel('Send me the newsletters I subscribed to').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
    expect(await page.getByLabel('Send me the newsletters I subscribed to').isChecked()).toBe(false);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download everything/ }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { profile: { handle: string }; wallet: { balance: number } };
    expect(exported).toMatchObject({ profile: { handle: 'newsletter_fan' }, wallet: { balance: 50 } });

    await page.getByLabel('Your password, to confirm').fill('correct horse battery');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your account is deleted');
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('the paywall works by keyboard alone: skip link first, every control reachable, focus always visible', async () => {
    const page = await newReaderPage();
    await page.goto(`${stack.url}/signup`);
    await signUp(page, 'keyboarder');
    await confirmAddress(page, 'keyboarder');
    await openArticle(page, 'Japan\'s rice prices fall for the first time in two years');
    await page.getByRole('button', { name: 'Read free' }).click();
    await openArticle(page, 'Indonesia\'s new capital welcomes its first ministries');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Skip to content');
    let reached = false;
    for (let step = 0; step < 40 && !reached; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = (globalThis as unknown as { document: { activeElement: { textContent: string; tagName: string } } }).document.activeElement;
        const style = (globalThis as unknown as { getComputedStyle: (element: unknown) => { outlineStyle: string; outlineWidth: string } }).getComputedStyle(element);
        return { text: element.textContent, tag: element.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      expect(focused.outline, `focus visible on ${focused.tag} "${focused.text}"`).not.toMatch(/^none/);
      reached = focused.text === 'Unlock for 30 points';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Unlocked');
    await expect.poll(() => page.getByText('Civil servants described a quiet city').isVisible()).toBe(true);
  });

  it('a publisher signs in with its key and sees its feeds, stats, earnings and plans', async () => {
    const { apiKey } = await stack.createPublisher('dashdesk', { name: 'Dash Desk' });
    await stack.request('/v1/publisher/feeds', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://dashdesk.example/rss.xml', section: 'World' }) });
    await stack.request('/v1/publisher/newsletters', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'daily', name: 'Dash Daily', sendTime: '06:00', timeZone: 'Asia/Tokyo', frequency: 'daily' }) });
    await stack.request('/v1/publisher/webhooks', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://hooks.dashdesk.example/postwire', events: ['article.unlocked'] }) });
    const page = await newReaderPage();
    await page.goto(`${stack.url}/publisher`);
    await expectAccessible(page);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Dash Desk' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('https://dashdesk.example/rss.xml').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('https://hooks.dashdesk.example/postwire').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'publisher-dashboard');
    await page.getByRole('button', { name: 'Send now: Dash Daily' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('next issue goes out within a minute');
    const [daily] = ((await (await stack.request('/v1/publisher/newsletters', { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { items: Array<{ nextSendAt: string }> }).items;
    expect(Date.parse(daily!.nextSendAt)).toBeLessThanOrEqual(Date.now());
    await page.getByRole('button', { name: 'Rotate the API key' }).click();
    const newKey = await page.locator('code.key').textContent();
    expect(newKey).toMatch(/^pk_dashdesk_/);
    expect((await stack.request('/v1/publisher', { headers: { authorization: `Bearer ${apiKey}` } })).status).toBe(401);
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Dash Desk' }).isVisible()).toBe(true);
  });

  it('a publisher\'s own page on another origin carries the embed: it shows the offer, the reader unlocks on postwire and comes back with a token the publisher verifies', async () => {
    const articleUrl = 'https://worldwire.example/asia/japan-s-rice-prices-fall-for-the-first-time-in-two-years';
    const publisherSite = await servePublisherPage(articleUrl);
    try {
      await stack.request('/v1/publisher', { method: 'PATCH', headers: { ...publisherAuth, 'content-type': 'application/json' }, body: JSON.stringify({ embedOrigins: [publisherSite.origin] }) });
      const page = await newReaderPage();
      await page.goto(`${publisherSite.origin}/asia/rice`);
      const offer = page.getByText('Read on postwire: free with your monthly article, or for 30 points');
      await expect.poll(() => offer.isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Read on postwire' }).click();

      await expect.poll(() => page.url()).toContain(`${stack.url}/articles/`);
      await page.getByRole('region', { name: 'Keep reading' }).getByRole('link', { name: 'create an account' }).click();
      await signUp(page, 'embed_reader');
      await page.getByRole('button', { name: 'Read free' }).click();

      await expect.poll(() => page.url()).toBe(`${publisherSite.origin}/asia/rice`);
      await expect.poll(() => page.getByText('Unlocked on postwire: you can read this article.').isVisible()).toBe(true);
      const token = (await page.locator('#token').textContent())!;
      const keys = createLocalJWKSet((await (await stack.request('/.well-known/jwks.json')).json()) as JSONWebKeySet);
      const { payload } = await jwtVerify(token, keys, { audience: 'publisher:worldwire', algorithms: ['ES256'] });
      expect(payload).toMatchObject({ url: articleUrl, via: 'meter' });
    } finally {
      await publisherSite.close();
    }
  });

  it('the API documentation works with no network beyond postwire: Swagger UI comes from postwire itself', async () => {
    const page = await newReaderPage();
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(stack.url)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${stack.url}/docs`);
    await expect.poll(() => page.getByText('Unlock an article for the signed-in reader').first().isVisible()).toBe(true);
    expect(elsewhere).toEqual([]);
  });

  it('the archive, the sign-in page and the not-found page pass axe-core too', async () => {
    const page = await newReaderPage();
    for (const path of ['/p/worldwire/archive/2026-11', '/login', '/no/such/page']) {
      await page.goto(`${stack.url}${path}`);
      await expectAccessible(page);
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    expect(checkedPages.size).toBeGreaterThanOrEqual(15);
  });
});

/** A publisher's article page on its own origin (localhost, not 127.0.0.1), with the embed and a listener for its token. */
async function servePublisherPage(canonicalUrl: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>World Wire</title><link rel="canonical" href="${canonicalUrl}"></head>
<body><h1>Japan's rice prices fall</h1><p>The first paragraph, free on our own site.</p>
<div data-postwire-paywall></div><pre id="token"></pre>
<script>document.addEventListener('postwire:entitled', function (event) { document.getElementById('token').textContent = event.detail.token; });</script>
<script src="${stack.url}/embed.js" async></script></body></html>`;
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function firstArticleId(title: string): Promise<string> {
  const page = (await (await stack.request('/v1/articles?publisher=worldwire&limit=50')).json()) as { items: Array<{ id: string; title: string }> };
  return page.items.find((item) => item.title === title)!.id;
}
