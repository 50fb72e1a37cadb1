/**
 * A postwire app for one test file: its own table in the shared DynamoDB Local,
 * real configuration, real feed runtime. Nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { buildApp, type PostwireApp } from '../../shared/api/app.js';
import { ALL_ROUTES } from '../../shared/api/all-routes.js';
import type { AppDeps } from '../../shared/api/app-env.js';
import { loadApiConfig } from '../../shared/config.js';
import { ensureTable } from '../../shared/db/ensure-table.js';
import type { FeedRuntime } from '../../shared/feeds/poll-feed.js';
import { createConsoleLogger } from '../../shared/logger.js';
import { createDeps } from '../../shared/api/api-deps.js';
import { followStatsRollups } from '../../shared/publishers/local-stats-follower.js';
import { localOutbox } from '../../shared/mail/local-outbox.js';
import { smtpTransport } from '../../shared/mail/smtp-transport.js';
import { startLocalNewsletters } from '../../shared/newsletters/local-newsletters.js';
import { deliverDueWebhooks } from '../../shared/webhooks/webhook-delivery.js';
import { fetchPolicyOf } from '../../shared/feeds/poll-feed.js';
import { countIssueOutcome } from '../../shared/newsletters/issue-counters.js';
import { verificationToken } from '../../shared/readers/email-verification.js';
import { articleItems, rss2 } from './feeds.js';
import { checkedByContract } from './api-contract.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestStack {
  app: PostwireApp;
  deps: AppDeps;
  admin: Record<string, string>;
  createPublisher(slug: string, extra?: Record<string, unknown>): Promise<{ apiKey: string; auth: Record<string, string> }>;
  /**
   * A reader who signed up and confirmed the address (so holds the starter
   * points), or with `{ confirmed: false }` one who has not yet.
   */
  signUp(handle: string, options?: { confirmed?: boolean }): Promise<{ userId: string; token: string; auth: Record<string, string> }>;
  /** A publisher with settings, optional plans and `count` pushed articles; its article ids newest first. */
  publisherWithArticles(slug: string, count: number, setup?: { settings?: Record<string, unknown>; plans?: unknown[] }): Promise<{ auth: Record<string, string>; ids: string[] }>;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Hands every stream record written so far to the stats rollup, as the stream consumer does (needs `stream: true`). */
  rollUpStats(): Promise<void>;
  /** Resolves when every mail queued so far reached the run's mail catcher (needs `mail: true`). */
  mailSent(): Promise<void>;
  /** Delivers the webhook events due now (after `rollUpStats()` logged them from the stream); answers how many were delivered. */
  deliverWebhooks(): Promise<number>;
  /** Makes the newsletter issues that are due and runs their fan-out, as the scheduled dispatcher and its queue do. */
  sendNewsletters(): Promise<void>;
}

export async function createTestStack(
  options: { env?: Record<string, string>; feedRuntime?: Partial<FeedRuntime>; now?: () => Date; stream?: boolean; mail?: boolean } = {},
): Promise<TestStack> {
  const config = loadApiConfig({
    TABLE_NAME: `test-${randomBytes(6).toString('hex')}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    ADMIN_TOKEN,
    FEED_TIMEOUT_MS: '2000',
    // Real scrypt at a lower cost, so the many sign-ups of the suite stay quick.
    PASSWORD_HASH_COST: '12',
    DEV_TOPUP_ENABLED: 'true',
    // Every test file signs its readers up with one domain; the limits themselves have their own test.
    SIGNUP_RATE_LIMITS: 'address:100000,domain:100000',
    // Generated, as under npm start: the web app vouches for readers' addresses with it.
    CLIENT_ADDRESS_KEY: randomBytes(32).toString('base64url'),
    ...options.env,
  });
  // Mail, when a test reads it, goes through the same in-process queue as under npm start, to the run's mail catcher.
  const outbox = options.mail
    ? localOutbox(smtpTransport(inject('smtpUrl')), { from: config.mailFrom, perSecond: 100, attempts: 3, retryBaseMs: 50, logger: createConsoleLogger('test-mail', true), onOutcome: (message, outcome) => countIssueOutcome(deps.db)(message, outcome) })
    : undefined;
  const deps = createDeps(config, createConsoleLogger('test', true), { feedRuntime: options.feedRuntime, now: options.now, mail: outbox });
  await ensureTable(deps.db, { stream: options.stream === true || config.timelineFanOut === 'stream' });
  // No timer, and made on first use: a test says when the stats must have caught up.
  let statsFollower: ReturnType<typeof followStatsRollups> | undefined;
  const newsletters = startLocalNewsletters(deps.db, {
    intervalMs: 0,
    secret: config.jwtSecret,
    publicUrl: config.feeds.publicUrl,
    defaultPrice: config.defaultArticlePrice,
    mail: deps.mail,
    now: deps.now,
    logger: createConsoleLogger('test-newsletters', true),
  });
  const app = buildApp(deps, ALL_ROUTES);
  checkedByContract(app);
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const stack: TestStack = {
    app,
    deps,
    admin,
    request: async (path, init) => app.request(path, init),
    rollUpStats: () => (statsFollower ??= followStatsRollups(deps.db, { intervalMs: 0, region: config.region, endpoint: config.dynamoEndpoint, logger: createConsoleLogger('test', true), webhookSecret: config.jwtSecret, now: deps.now })).catchUp(),
    deliverWebhooks: () => deliverDueWebhooks(deps.db, { ...fetchPolicyOf(deps.feedRuntime), now: deps.now, timeoutMs: 2_000 }),
    sendNewsletters: () => newsletters.tick(),
    mailSent: async () => {
      if (!outbox) throw new Error('This test stack sends no mail: create it with { mail: true }.');
      await outbox.idle();
    },
    async signUp(handle, { confirmed = true } = {}) {
      const email = `${handle}@readers.example`;
      const response = await app.request('/v1/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery', handle }),
      });
      if (response.status !== 201) throw new Error(`signUp ${handle}: ${response.status} ${await response.text()}`);
      const { user, token } = (await response.json()) as { user: { userId: string }; token: string };
      if (confirmed) {
        // The link the confirmation mail carries, used as the reader would (the mail itself is read in account-email.test.ts).
        const link = verificationToken(config.jwtSecret, user.userId, email, deps.now());
        const confirmedAnswer = await app.request('/v1/auth/verify-email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link }) });
        if (confirmedAnswer.status !== 200) throw new Error(`signUp ${handle}: confirming ${confirmedAnswer.status} ${await confirmedAnswer.text()}`);
      }
      return { userId: user.userId, token, auth: { authorization: `Bearer ${token}` } };
    },
    async publisherWithArticles(slug, count, { settings = {}, plans } = {}) {
      const { auth } = await stack.createPublisher(slug, settings);
      const json = { ...auth, 'content-type': 'application/json' };
      if (plans) await app.request('/v1/publisher', { method: 'PATCH', headers: json, body: JSON.stringify({ plans }) });
      const pushed = await app.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(count, slug)) });
      if (pushed.status !== 200) throw new Error(`publisherWithArticles ${slug}: ${pushed.status} ${await pushed.text()}`);
      const page = (await (await app.request(`/v1/articles?publisher=${slug}&limit=100`)).json()) as { items: Array<{ id: string }> };
      return { auth, ids: page.items.map((item) => item.id) };
    },
    async createPublisher(slug, extra = {}) {
      const response = await app.request('/v1/admin/publishers', {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ slug, name: `The ${slug}`, ...extra }),
      });
      if (response.status !== 201) throw new Error(`createPublisher ${slug}: ${response.status} ${await response.text()}`);
      const { apiKey } = (await response.json()) as { apiKey: string };
      return { apiKey, auth: { authorization: `Bearer ${apiKey}` } };
    },
  };
  return stack;
}
