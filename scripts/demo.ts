/**
 * `npm run demo`: fills a running postwire (npm start) with content to explore,
 * through its public API only: 3 publishers with prices, free meters and plans,
 * their example feeds pushed; 5 readers who follow, post article cards, like,
 * unlock and gift. It prints the logins.
 *
 *   ADMIN_TOKEN=<printed by npm start> npm run demo      (BASE_URL, default http://127.0.0.1:3000)
 *
 * Readers confirm their addresses with the links mailed to them, read from
 * npm start's inbox (MAIL_INBOX_URL), which is what gives them starter points.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_INBOX_URL, mailedLink } from './inbox.js';

export const DEMO_PASSWORD = 'postwire demo reader';

const PUBLISHERS = [
  {
    slug: 'worldwire', name: 'World Wire', homepageUrl: 'https://worldwire.example/', articlePrice: 30, freeArticlesPerMonth: 1, feed: 'world-desk.xml',
    plans: [
      { planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 },
      { planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 1990 },
    ],
  },
  { slug: 'culturedesk', name: 'The Culture Desk', homepageUrl: 'https://culturedesk.example/', articlePrice: 20, freeArticlesPerMonth: 2, feed: 'culture-desk.xml', plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 400, trialDays: 14 }] },
  { slug: 'scienceweekly', name: 'Science Weekly', homepageUrl: 'https://scienceweekly.example/', articlePrice: 25, freeArticlesPerMonth: 0, feed: 'science-desk.xml', plans: [{ planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 3500 }] },
] as const;

const READERS = ['ana_reads', 'ben_news', 'chloe_w', 'dev_daily', 'eli_notes'] as const;

type Json = Record<string, any>;

export async function runDemo(baseUrl: string, adminToken: string, inboxUrl: string, log: (line: string) => void = console.log): Promise<{ readers: string[]; giftUrl: string }> {
  const call = async (method: string, path: string, token: string | undefined, body?: unknown, contentType = 'application/json'): Promise<Json> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Json) : {};
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${parsed.error?.message ?? text}`);
    return parsed;
  };

  const keys: Record<string, string> = {};
  for (const { feed, plans, ...publisher } of PUBLISHERS) {
    const created = await call('POST', '/v1/admin/publishers', adminToken, publisher).catch((error: Error) => {
      throw /409/.test(error.message) ? new Error(`The demo content is there already (publisher "${publisher.slug}" exists). Restart npm start for a fresh, in-memory stack.`) : error;
    });
    keys[publisher.slug] = created.apiKey as string;
    await call('PATCH', '/v1/publisher', keys[publisher.slug], { plans });
  }

  const tokens: Record<string, string> = {};
  for (const handle of READERS) {
    const { token } = await call('POST', '/v1/auth/signup', undefined, { email: `${handle}@demo.example`, password: DEMO_PASSWORD, handle });
    tokens[handle] = token as string;
  }
  for (const handle of READERS) {
    const link = new URL(await mailedLink(inboxUrl, `${handle}@demo.example`, '/verify-email'));
    await call('POST', '/v1/auth/verify-email', undefined, { token: link.searchParams.get('token') });
  }
  // Everyone follows World Wire; the rest by taste; and readers follow each other in a ring.
  for (const [index, handle] of READERS.entries()) {
    await call('POST', '/v1/follows', tokens[handle], { publisher: 'worldwire' });
    await call('POST', '/v1/follows', tokens[handle], { publisher: index % 2 ? 'culturedesk' : 'scienceweekly' });
    await call('POST', '/v1/follows', tokens[handle], { handle: READERS[(index + 1) % READERS.length] });
    await call('POST', '/v1/follows', tokens[handle], { handle: READERS[(index + 2) % READERS.length] });
  }

  // Feeds arrive after the follows, so followers' timelines show the publishers' new articles.
  for (const { slug, name, feed, articlePrice, freeArticlesPerMonth } of PUBLISHERS) {
    const summary = await call('POST', '/v1/publisher/ingest', keys[slug], await readFile(fileURLToPath(new URL(`../examples/${feed}`, import.meta.url)), 'utf8'), 'application/rss+xml');
    log(`publisher ${name}: ${summary.created} articles, ${articlePrice} points each, ${freeArticlesPerMonth} free a month`);
  }
  const articlesOf = async (slug: string) => ((await call('GET', `/v1/articles?publisher=${slug}&limit=10`, undefined)).items as Array<{ id: string; title: string }>);
  const world = await articlesOf('worldwire');
  const culture = await articlesOf('culturedesk');
  const science = await articlesOf('scienceweekly');

  // Ana reads her free World Wire article, then pays for a second one, and gifts it to Ben.
  await call('POST', `/v1/articles/${world[0]!.id}/unlock`, tokens.ana_reads);
  const paid = await call('POST', `/v1/articles/${world[1]!.id}/unlock`, tokens.ana_reads);
  const { gift } = await call('POST', `/v1/articles/${world[1]!.id}/gifts`, tokens.ana_reads);
  await call('POST', `/v1/gifts/${gift.giftId}/redeem`, tokens.ben_news);
  log(`ana_reads unlocked "${world[1]!.title}" for ${paid.charged} points and gifted it to ben_news`);

  const posts = [
    ['ana_reads', world[1]!, 'Worth every point. I gifted it to Ben, too.'],
    ['chloe_w', culture[0]!, 'Reading this over breakfast: recommended.'],
    ['dev_daily', science[1]!, 'Good news, for once.'],
    ['eli_notes', world[2]!, 'Interesting angle on this one.'],
  ] as const;
  const postIds: string[] = [];
  for (const [handle, article, text] of posts) postIds.push(((await call('POST', '/v1/posts', tokens[handle], { text, articleId: article.id })).post as Json).postId as string);
  await call('POST', '/v1/posts', tokens.ben_news, { text: 'Agreed, and thanks for the gift!', replyTo: postIds[0] });
  for (const handle of ['ben_news', 'chloe_w', 'eli_notes'] as const) await call('POST', `/v1/posts/${postIds[0]}/like`, tokens[handle]);
  await call('POST', `/v1/posts/${postIds[1]}/like`, tokens.dev_daily);
  log(`${READERS.length} readers: ${posts.length} posts with article cards, a reply, follows, likes, an unlock and a gift`);

  // World Wire's morning newsletter; Ana and Chloe subscribe, each confirming with the link mailed to them.
  await call('POST', '/v1/publisher/newsletters', keys.worldwire, { key: 'daily', name: 'The World Wire Daily', description: 'The morning’s translated reporting', sendTime: '07:00', timeZone: 'Europe/London', frequency: 'daily' });
  for (const handle of ['ana_reads', 'chloe_w'] as const) {
    await call('POST', '/v1/newsletters/worldwire.daily/subscribe', tokens[handle]);
    const link = new URL(await mailedLink(inboxUrl, `${handle}@demo.example`, '/newsletters/confirm'));
    await call('POST', '/v1/newsletters/worldwire.daily/confirm', undefined, { token: link.searchParams.get('token') });
  }
  log('newsletter The World Wire Daily (07:00 London): 2 subscribers; “Send now” on World Wire’s dashboard sends an issue within seconds');

  log('');
  log(`Sign in at ${baseUrl}/login as any of ${READERS.map((handle) => `${handle}@demo.example`).join(', ')}`);
  log(`  password for all: "${DEMO_PASSWORD}"`);
  log(`Publishers sign in at ${baseUrl}/publisher with their API key:`);
  for (const [slug, key] of Object.entries(keys)) log(`  ${slug}: ${key}`);
  log(`Ana's gift link: ${gift.url}`);
  return { readers: [...READERS], giftUrl: gift.url as string };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const adminToken = process.env.ADMIN_TOKEN;
  const baseUrl = (process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  if (!adminToken) {
    process.stderr.write('Set ADMIN_TOKEN to the operator token npm start printed, e.g.: ADMIN_TOKEN=adm_… npm run demo\n');
    process.exit(1);
  }
  runDemo(baseUrl, adminToken, process.env.MAIL_INBOX_URL ?? DEFAULT_INBOX_URL).catch((error: Error) => {
    process.stderr.write(`${error.cause ? `Is postwire running at ${baseUrl}? (npm start) ` : ''}${error.message}\n`);
    process.exit(1);
  });
}
