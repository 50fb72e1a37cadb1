/**
 * The web app without a browser: plain HTML forms, cookies and redirects, as
 * a reader with JavaScript off uses it, and the protections around them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../shared/web/web-app.js';
import { createWebDeps } from '../shared/web/web-deps.js';
import { webConfigOf } from '../shared/web/web-config.js';
import { createConsoleLogger } from '../shared/logger.js';
import { STYLESHEET } from '../shared/web/assets.js';
import { FormClient } from './support/form-client.js';
import { rss2 } from './support/feeds.js';
import { linkIn, mailsTo } from './support/mailbox.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

let stack: WebTestStack;
let ids: string[];

beforeAll(async () => {
  stack = await createWebTestStack({ mail: true });
  ({ ids } = await stack.publisherWithArticles('webdesk', 3, {
    settings: { articlePrice: 40, freeArticlesPerMonth: 1 },
    plans: [
      { planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 },
      { planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 1990 },
    ],
  }));
});

afterAll(async () => {
  await stack.close();
});

async function signedUpReader(handle: string): Promise<FormClient> {
  const browser = new FormClient(stack.site);
  await browser.get('/signup');
  const response = await browser.post('/signup', { email: `${handle}@web.example`, handle, password: 'correct horse battery', next: '/' });
  expect(response.status).toBe(303);
  await confirmAddress(browser, `${handle}@web.example`);
  return browser;
}

/** Opens the link of the address's confirmation mail, as a mail client would: the starter points arrive. */
async function confirmAddress(browser: FormClient, address: string): Promise<void> {
  await stack.mailSent();
  const [mail] = await mailsTo(address);
  const confirmed = await browser.get(linkIn(mail!, `${stack.url}/verify-email?token=`).href.slice(stack.url.length));
  expect(confirmed.html).toContain('50 starter points are in your wallet');
}

describe('pages for everyone', () => {
  it('shows the latest articles by section, as an HTML document', async () => {
    const page = await new FormClient(stack.site).get('/');
    expect(page.status).toBe(200);
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('<h2 id="section-world">World</h2>');
    expect(page.html).toContain('Story number 2 from the wires');
    expect(page.response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('shows an article\'s teaser and the paywall box with the meter, the trial, each plan and the price to a visitor', async () => {
    const page = await new FormClient(stack.site).get(`/articles/${ids[0]}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Paragraph one of story 2');
    expect(page.html).toContain('Keep reading');
    expect(page.html).toContain('Unlock this article for 40 points');
    expect(page.html).toContain('30 days free, then $2.90 per month');
    expect(page.html).toContain('save $14.90 compared to monthly billing');
    expect(page.html).toContain(`/login?next=${encodeURIComponent(`/articles/${ids[0]}`)}`);
  });

  it('serves the stylesheet under its content hash, cached for a year, and the embed through a stable address', async () => {
    const css = await stack.site(STYLESHEET.path);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const embed = await stack.site('/embed.js');
    expect(embed.status).toBe(302);
    expect(embed.headers.get('location')).toMatch(/^\/assets\/embed\.[0-9a-f]{12}\.js$/);
    expect((await stack.site('/assets/site.000000000000.css')).status).toBe(404);
  });

  it('answers an unknown page and an unknown article with a 404 page, and shows only its own messages', async () => {
    const missing = await new FormClient(stack.site).get('/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Page not found');
    expect((await new FormClient(stack.site).get('/articles/webdesk_doesnotexist000000000')).status).toBe(404);
    const crafted = await new FormClient(stack.site).get('/?m=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(crafted.html).not.toContain('alert(1)');
  });

  it('keeps the API where it was: /v1, /openapi.json and /health are the API\'s', async () => {
    expect((await stack.site('/health')).status).toBe(200);
    expect((await (await stack.site('/openapi.json')).json()) as { openapi: string }).toMatchObject({ openapi: '3.1.0' });
    const notFound = await stack.site('/v1/nothing-here');
    expect(notFound.headers.get('content-type')).toMatch(/json/);
  });
});

describe('sessions and forms', () => {
  it('signs a reader up through the form into an HttpOnly, SameSite=Lax session cookie (Secure only off localhost)', async () => {
    const browser = new FormClient(stack.site);
    await browser.get('/signup');
    const response = await browser.post('/signup', { email: 'cookie@web.example', handle: 'cookie_reader', password: 'correct horse battery', next: '/wallet' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/wallet?m=welcome');
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('pw_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect((await browser.get('/wallet')).html).toContain('Balance: 0 points');
    await confirmAddress(browser, 'cookie@web.example');
    const wallet = await browser.get('/wallet');
    expect(wallet.html).toContain('Balance: 50 points');

    const onHttps = buildWebApp(
      createWebDeps({ ...webConfigOf(stack.deps.config, 'http://postwire.internal'), publicUrl: 'https://postwire.example' }, createConsoleLogger('web-test', true), async (request) => stack.app.fetch(request)),
    );
    const secureBrowser = new FormClient(async (path, init) => onHttps.request(path, init));
    await secureBrowser.get('/login');
    const login = await secureBrowser.post('/login', { email: 'cookie@web.example', password: 'correct horse battery' });
    expect(login.headers.getSetCookie().find((cookie) => cookie.startsWith('pw_session='))).toMatch(/Secure/);
  });

  it('refuses a form without its CSRF token, or with another browser\'s, and changes nothing', async () => {
    const stranger = new FormClient(stack.site);
    await stranger.get('/signup');
    const noToken = await stranger.post('/signup', { email: 'csrf@web.example', handle: 'csrf_reader', password: 'correct horse battery' }, null);
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('This form has expired');

    const other = new FormClient(stack.site);
    await other.get('/signup');
    const foreignToken = await other.post('/signup', { email: 'csrf@web.example', handle: 'csrf_reader', password: 'correct horse battery' }, (await (async () => {
      const attacker = new FormClient(stack.site);
      const page = await attacker.get('/signup');
      return /name="_csrf" value="([^"]+)"/.exec(page.html)![1]!;
    })()));
    expect(foreignToken.status).toBe(403);
    const login = await stack.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'csrf@web.example', password: 'correct horse battery' }) });
    expect(login.status).toBe(401);
  });

  it('sends a reader on only to a page of this site after signing in', async () => {
    await signedUpReader('next_reader');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const browser = new FormClient(stack.site);
      await browser.get('/login');
      const response = await browser.post('/login', { email: 'next_reader@web.example', password: 'correct horse battery', next });
      expect(response.headers.get('location')).toBe('/?m=signed_in');
    }
  });

  it('shows the form again with the API\'s reasons when sign-up input is wrong', async () => {
    const browser = new FormClient(stack.site);
    await browser.get('/signup');
    const response = await browser.post('/signup', { email: 'not-an-email', handle: 'x', password: 'short' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/Handle: 3–30 letters/);
    expect(html).toContain('value="not-an-email"');
  });

  it('treats a session whose token no longer verifies as signed out, and forgets it', async () => {
    const browser = new FormClient(stack.site);
    browser.cookies.set('pw_session', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    const page = await browser.get('/');
    expect(page.html).toContain('Sign in');
    expect(browser.cookies.has('pw_session')).toBe(false);
    const wallet = await browser.get('/wallet');
    expect(wallet.status).toBe(303);
  });
});

describe('reading with JavaScript off', () => {
  it('reads with the monthly free article, then unlocks with points once, however often the form is sent', async () => {
    const browser = await signedUpReader('plain_reader');
    const first = await browser.get(`/articles/${ids[1]}`);
    expect(first.html).toContain('You have 1 free article from The webdesk left this month.');
    expect((await browser.post(`/articles/${ids[1]}/unlock`, {})).headers.get('location')).toBe(`/articles/${ids[1]}?m=unlocked`);
    const read = await browser.get(`/articles/${ids[1]}?m=unlocked`);
    expect(read.html).toContain('In your library');
    expect(read.html).not.toContain('Keep reading');

    const paywalled = await browser.get(`/articles/${ids[2]}`);
    expect(paywalled.html).toContain('reached your limit of free articles from The webdesk this month.');
    expect(paywalled.html).toContain('Your balance: 50 points');
    await browser.post(`/articles/${ids[2]}/unlock`, {});
    await browser.post(`/articles/${ids[2]}/unlock`, {});
    const wallet = await browser.get('/wallet');
    expect(wallet.html).toContain('Balance: 10 points');
    const library = await browser.get('/library');
    expect(library.html).toContain(`/articles/${ids[2]}`);
    expect(library.html).toContain(`/articles/${ids[1]}`);

    // The library in a feed reader: the form makes a private address, which serves both unlocked articles in full.
    const feedPage = await browser.post('/library/feed', {});
    const url = /value="([^"]+\/feeds\/private\/[^"]+\.atom)"/.exec(await feedPage.text())![1]!;
    const feed = await (await stack.site(new URL(url).pathname)).text();
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain('&lt;p&gt;');
  });

  it('sends a reader without enough points to their wallet instead of charging', async () => {
    const browser = await signedUpReader('poor_reader');
    await browser.post(`/articles/${ids[0]}/unlock`, {});
    await browser.post(`/articles/${ids[1]}/unlock`, {});
    const page = await browser.get(`/articles/${ids[2]}`);
    expect(page.html).toContain('Add points');
    const refused = await browser.post(`/articles/${ids[2]}/unlock`, {});
    expect(refused.headers.get('location')).toBe(`/articles/${ids[2]}?m=insufficient`);
    expect((await browser.get('/wallet')).html).toContain('Balance: 10 points');
  });

  it('starts a card-less trial from the paywall box and then reads with it', async () => {
    const browser = await signedUpReader('trial_reader');
    const response = await browser.post('/p/webdesk/subscribe', { planId: 'monthly', next: `/articles/${ids[0]}` });
    expect(response.headers.get('location')).toBe(`/articles/${ids[0]}?m=trial_started`);
    expect((await browser.get(`/articles/${ids[0]}`)).html).toContain('With your free trial');
    expect((await browser.get('/subscriptions')).html).toContain('free trial');
  });
});

describe('what the API added for the pages', () => {
  it('lists a publisher\'s articles of one month for the archive, and refuses a month that is not one', async () => {
    const { auth } = await stack.createPublisher('archive-desk');
    const items = [
      { guid: 'oct', title: 'October story', link: 'https://archive.example/oct', pubDate: new Date(Date.UTC(2026, 9, 30)).toUTCString(), content: '<p>October.</p>' },
      { guid: 'nov', title: 'November story', link: 'https://archive.example/nov', pubDate: new Date(Date.UTC(2026, 10, 2)).toUTCString(), content: '<p>November.</p>' },
    ];
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(items) });
    const october = (await (await stack.request('/v1/articles?publisher=archive-desk&month=2026-10')).json()) as { items: Array<{ title: string }> };
    expect(october.items.map((item) => item.title)).toEqual(['October story']);
    const bad = await stack.request('/v1/articles?publisher=archive-desk&month=2026-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('shows a gift to anyone with its link, without saying who made it; an unknown or over-long id is a clear 4xx', async () => {
    const giver = await stack.signUp('gift_api_giver');
    await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: giver.auth });
    await stack.request(`/v1/articles/${ids[1]}/unlock`, { method: 'POST', headers: giver.auth });
    const made = (await (await stack.request(`/v1/articles/${ids[1]}/gifts`, { method: 'POST', headers: giver.auth })).json()) as { gift: { giftId: string; url: string } };
    expect(made.gift.url).toBe(`${stack.url}/gifts/${made.gift.giftId}`);
    const view = await stack.request(`/v1/gifts/${made.gift.giftId}`);
    expect(view.status).toBe(200);
    const body = (await view.json()) as Record<string, any>;
    expect(body).toMatchObject({ open: true, article: { id: ids[1] }, gift: { giftId: made.gift.giftId, redemptions: 0 } });
    expect(JSON.stringify(body)).not.toContain(giver.userId);
    expect((await stack.request('/v1/gifts/no-such-gift')).status).toBe(404);
    expect((await stack.request(`/v1/gifts/${'g'.repeat(60)}`)).status).toBe(400);
  });
});
