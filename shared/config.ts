/**
 * Configuration is read once, validated, and handed around as a typed object.
 * A missing or malformed variable stops start-up with a sentence naming it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { EnvReader } from './env-reader.js';
import type { FanOutMode } from './social/fan-out-jobs.js';
import { DEFAULT_DOCUMENT_BUDGET_MS } from './work-budget.js';
import { parseKeySeeds, type KeySeed } from './access/entitlement-keys.js';

const DEFAULT_IFRAME_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

/** Every variable, read and checked; `problems` lists what is wrong, each naming its variable. */
function readVariables(env: Record<string, string | undefined>) {
  const read = new EnvReader(env);
  const stripeKey = (name: string, prefix: string, what: string) => {
    const value = read.optionalText(name);
    return value === undefined || value.startsWith(prefix) ? value : read.problem(`${name} must be ${what} (${prefix}…)`);
  };
  const raw = {
    TABLE_NAME: read.text('TABLE_NAME', 'postwire', 3),
    AWS_REGION: read.text('AWS_REGION', 'us-east-1'),
    /** Set for DynamoDB Local; absent in AWS. */
    DYNAMODB_ENDPOINT: read.optionalUrl('DYNAMODB_ENDPOINT'),
    /** Needed by the API only; the feed functions run without it. */
    ADMIN_TOKEN: read.optionalText('ADMIN_TOKEN', 16, 'ADMIN_TOKEN must be at least 16 characters'),
    /** Signs pagination cursors; defaults to a key derived from ADMIN_TOKEN. */
    CURSOR_SECRET: read.optionalText('CURSOR_SECRET', 16),
    FEED_ALLOW_PRIVATE_HOSTS: read.flag('FEED_ALLOW_PRIVATE_HOSTS'),
    FEED_MAX_BYTES: read.integer('FEED_MAX_BYTES', 10 * 1024 * 1024, 1),
    FEED_TIMEOUT_MS: read.integer('FEED_TIMEOUT_MS', 20_000, 1),
    FEED_MAX_REDIRECTS: read.integer('FEED_MAX_REDIRECTS', 5, 0, 10),
    FEED_MAX_CONSECUTIVE_FAILURES: read.integer('FEED_MAX_CONSECUTIVE_FAILURES', 10, 1),
    /** CPU time one feed document may take to parse and clean, pushed or polled; what is left over is reported, not lost. */
    FEED_DOCUMENT_BUDGET_MS: read.integer('FEED_DOCUMENT_BUDGET_MS', DEFAULT_DOCUMENT_BUDGET_MS, 100, 600_000),
    FEED_MIN_INTERVAL_MINUTES: read.number('FEED_MIN_INTERVAL_MINUTES', 5, 0, Infinity, true),
    FEED_MAX_INTERVAL_MINUTES: read.number('FEED_MAX_INTERVAL_MINUTES', 24 * 60, 0, Infinity, true),
    /** Hosts whose iframes survive sanitising (video embeds), comma-separated. */
    IFRAME_HOSTS: hostList(read.optionalText('IFRAME_HOSTS')),
    /** Where readers reach postwire: items with no web page of their own link to their page here. */
    PUBLIC_URL: read.url('PUBLIC_URL', 'http://localhost:3000'),
    /** The sender of every mail postwire sends. */
    MAIL_FROM: read.text('MAIL_FROM', 'postwire <no-reply@postwire.localhost>', 3),
    /** `table` in AWS: mail is written to the table and its stream takes it to the mail worker. */
    MAIL_OUTBOX: read.oneOf('MAIL_OUTBOX', ['table'] as const),
    /** The mail worker's: the queue it sends from, and the SES configuration set it sends with. */
    MAIL_QUEUE_URL: read.optionalText('MAIL_QUEUE_URL', 1),
    MAIL_CONFIGURATION_SET: read.optionalText('MAIL_CONFIGURATION_SET', 1),
    DEFAULT_ARTICLE_PRICE: read.integer('DEFAULT_ARTICLE_PRICE', 25, 0, 10_000),
    /** Largest request body the API accepts (feed pushes are the big ones). */
    MAX_BODY_BYTES: read.integer('MAX_BODY_BYTES', 10 * 1024 * 1024, 1),
    FEED_QUEUE_URL: read.optionalText('FEED_QUEUE_URL'),
    /** The newsletter worker's: where an issue's fan-out jobs (and their continuations) go. */
    NEWSLETTER_QUEUE_URL: read.optionalText('NEWSLETTER_QUEUE_URL', 1),
    /** The webhook worker's: one message per endpoint with deliveries due. */
    WEBHOOK_QUEUE_URL: read.optionalText('WEBHOOK_QUEUE_URL', 1),
    /** `stream` in AWS: the table's stream feeds the fan-out worker; `inline` on one machine. */
    TIMELINE_FANOUT: read.oneOf('TIMELINE_FANOUT', ['inline', 'stream'] as const) ?? 'inline',
    /** How long a function keeps a publisher's record (prices, meter, plans) in memory; 0 turns it off. */
    PUBLISHER_CACHE_SECONDS: read.integer('PUBLISHER_CACHE_SECONDS', 10, 0, 300),
    /** Points every new reader starts with ("read for free"). */
    STARTER_POINTS: read.integer('STARTER_POINTS', 50, 0, 100_000),
    /** Points a publisher may earn each month from unlocks paid with promotional points; the platform funds them. */
    PROMO_BUDGET_POINTS: read.integer('PROMO_BUDGET_POINTS', 10_000, 0, 100_000_000),
    /** Share of each unlock kept by the platform, in percent. */
    PLATFORM_SHARE_PERCENT: read.number('PLATFORM_SHARE_PERCENT', 0, 0, 100),
    /** log2 of scrypt's cost N (15 → N = 32768, about 32 MB and tens of milliseconds per hash). */
    PASSWORD_HASH_COST: read.integer('PASSWORD_HASH_COST', 15, 10, 20),
    READER_TOKEN_TTL_MINUTES: read.integer('READER_TOKEN_TTL_MINUTES', 12 * 60, 5, 30 * 24 * 60),
    /** A labelled development top-up of points; never enabled in AWS, and off whenever Stripe is configured. */
    DEV_TOPUP_ENABLED: read.flag('DEV_TOPUP_ENABLED'),
    STRIPE_SECRET_KEY: stripeKey('STRIPE_SECRET_KEY', 'sk_', 'a Stripe secret key'),
    STRIPE_WEBHOOK_SECRET: stripeKey('STRIPE_WEBHOOK_SECRET', 'whsec_', 'a webhook signing secret'),
    /** Where the Stripe SDK sends API calls; only for a local Stripe stand-in in tests. */
    STRIPE_API_BASE: read.optionalUrl('STRIPE_API_BASE'),
    CHECKOUT_SUCCESS_URL: read.url('CHECKOUT_SUCCESS_URL', 'http://localhost:5173/checkout/done?session={CHECKOUT_SESSION_ID}'),
    CHECKOUT_CANCEL_URL: read.url('CHECKOUT_CANCEL_URL', 'http://localhost:5173/checkout/cancelled'),
    /** Days a publisher's earnings are held (refunds and disputes can still take them back) before they can be paid out. */
    PAYOUT_HOLD_DAYS: read.integer('PAYOUT_HOLD_DAYS', 7, 0, 90),
    /** Smallest payout, in US cents; less waits for the next run. */
    PAYOUT_THRESHOLD_CENTS: read.integer('PAYOUT_THRESHOLD_CENTS', 5000, 1),
    /** Where Stripe's Connect onboarding sends a publisher back to. */
    CONNECT_RETURN_URL: read.url('CONNECT_RETURN_URL', 'http://localhost:5173/publisher/payouts/done'),
    CONNECT_REFRESH_URL: read.url('CONNECT_REFRESH_URL', 'http://localhost:5173/publisher/payouts/retry'),
    /** Days a subscription keeps access after a renewal payment failed. */
    PAYMENT_GRACE_DAYS: read.integer('PAYMENT_GRACE_DAYS', 3, 0, 30),
    /** Accounts with more followers than this are merged into timelines at read time instead of fanned out. */
    TIMELINE_MERGE_THRESHOLD: read.integer('TIMELINE_MERGE_THRESHOLD', 1000, 0),
    TIMELINE_RETENTION_DAYS: read.integer('TIMELINE_RETENTION_DAYS', 30, 1, 3650),
    /** Sign-ups allowed per hour from one source address and with one email domain. */
    SIGNUP_RATE_LIMITS: read.matching('SIGNUP_RATE_LIMITS', /^(address|domain):\d+(,(address|domain):\d+)*$/, 'SIGNUP_RATE_LIMITS must look like "address:20,domain:50"', 'address:20,domain:50'),
    /** Mail providers whose domain is not one sender, so the per-domain sign-up limit does not apply. */
    SIGNUP_EXEMPT_DOMAINS: read.text(
      'SIGNUP_EXEMPT_DOMAINS',
      'gmail.com,googlemail.com,outlook.com,hotmail.com,live.com,yahoo.com,icloud.com,me.com,proton.me,protonmail.com,aol.com,gmx.net,gmx.de,web.de,mail.ru,yandex.ru,qq.com,163.com',
      0,
    ),
    /** Per-reader actions allowed per hour, as action:count pairs. */
    SOCIAL_RATE_LIMITS: read.matching('SOCIAL_RATE_LIMITS', /^[a-z]+:\d+(,[a-z]+:\d+)*$/, 'SOCIAL_RATE_LIMITS must look like "posts:60,likes:300,follows:100"', 'posts:60,likes:300,follows:100,tips:60,gifts:30'),
    /** Point packs as points:cents pairs, e.g. "300:420,1000:1200" (300 points for $4.20). */
    POINT_PACKS: read.matching('POINT_PACKS', /^\d+:\d+(,\d+:\d+)*$/, 'POINT_PACKS must look like "300:420,1000:1200"', '300:420,1000:1200,2500:2750'),
  };
  return { raw, problems: read.problems };
}

function hostList(value: string | undefined): string[] {
  const hosts = (value ?? '').split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  return hosts.length > 0 ? hosts : DEFAULT_IFRAME_HOSTS;
}

export type RawConfig = ReturnType<typeof readVariables>['raw'];

export interface Config {
  tableName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  defaultArticlePrice: number;
  readers: ReaderConfig;
  /** Present only when Stripe is configured. */
  payments: PaymentsConfig | undefined;
  pointPacks: PointPack[];
  payouts: PayoutConfig;
  social: { mergeThreshold: number; retentionDays: number; hourlyLimits: Record<string, number> };
  maxBodyBytes: number;
  feedQueueUrl: string | undefined;
  newsletterQueueUrl: string | undefined;
  webhookQueueUrl: string | undefined;
  timelineFanOut: FanOutMode;
  feeds: FeedConfig;
  mailFrom: string;
  mailOutbox: 'table' | undefined;
  mailQueueUrl: string | undefined;
  mailConfigurationSet: string | undefined;
  publisherCacheMs: number;
}

export interface ReaderConfig {
  starterPoints: number;
  /** Monthly, per publisher: what promotional unlocks may earn it, funded by the platform. */
  promoBudgetPoints: number;
  platformSharePercent: number;
  passwordHashCost: number;
  tokenTtlMinutes: number;
  devTopUpEnabled: boolean;
  signupLimits: { perAddress: number; perDomain: number; exemptDomains: string[] };
}

export interface PaymentsConfig {
  stripeSecretKey: string;
  stripeWebhookSecret: string;
  stripeApiBase?: string | undefined;
  successUrl: string;
  cancelUrl: string;
  graceDays: number;
}

export interface PayoutConfig {
  holdDays: number;
  thresholdCents: number;
  returnUrl: string;
  refreshUrl: string;
}

export interface PointPack {
  packId: string;
  points: number;
  priceCents: number;
}

export interface FeedConfig {
  allowPrivateHosts: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  maxConsecutiveFailures: number;
  documentBudgetMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  iframeHosts: string[];
  /** The public origin, for the article page of an item that has no web page elsewhere. */
  publicUrl: string;
}

/** What the API needs on top: the secrets. */
export interface ApiConfig extends Config {
  adminToken: string;
  cursorSecret: string;
  /** Signs reader JWTs (HS256). */
  jwtSecret: string;
  /** Seeds of the keys that sign entitlement tokens, the signing key first (shared/access/entitlement-keys.ts). */
  entitlementKeySeeds: KeySeed[];
  /** Verifies the reader's address the web function vouches for (shared/client-address.ts); unset, no voucher is believed. */
  clientAddressKey: string | undefined;
}

export class ConfigError extends Error {}

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const config = loadConfig(env);
  if (!env.ADMIN_TOKEN && !env.CURSOR_SECRET && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: ADMIN_TOKEN is required by the API (in AWS, the keys its function\'s routes use).');
  }
  // Locally the keys not set are derived from the admin token. In AWS each API function is given only the keys its
  // routes use (infra/postwire-stack.ts): one it was not given comes from a random key nobody holds, so a request that
  // would need it fails closed (401, a cursor refused) instead of the function failing to start.
  const adminToken = env.ADMIN_TOKEN ?? randomBytes(48).toString('base64url');
  const jwtSecret = env.JWT_SECRET ?? createHmac('sha256', adminToken).update('postwire reader tokens').digest('base64url');
  if (jwtSecret.length < 32) throw new ConfigError('Invalid configuration: JWT_SECRET must be at least 32 characters.');
  // Locally one key derived from the admin token (stable across restarts); in AWS a generated secret.
  const keys = env.ENTITLEMENT_KEYS ?? JSON.stringify({ kid: 'local-1', seed: createHmac('sha256', adminToken).update('postwire entitlement keys').digest('base64url') });
  let entitlementKeySeeds: KeySeed[];
  try {
    entitlementKeySeeds = parseKeySeeds(keys);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
  return { ...config, adminToken, cursorSecret: env.CURSOR_SECRET ?? `cursor:${adminToken}`, jwtSecret, entitlementKeySeeds, clientAddressKey: clientAddressKeyOf(env) };
}

/** CLIENT_ADDRESS_KEY, shared by the API and the web function: in AWS its own secret, on one machine generated at start. */
export function clientAddressKeyOf(env: Record<string, string | undefined>): string | undefined {
  const key = env.CLIENT_ADDRESS_KEY;
  if (key !== undefined && key.length < 32) throw new ConfigError('Invalid configuration: CLIENT_ADDRESS_KEY must be at least 32 characters.');
  return key;
}

/** The variables, or a ConfigError naming every one that is wrong. */
function checkedVariables(env: Record<string, string | undefined>): RawConfig {
  const { raw, problems } = readVariables(env);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  return raw;
}

/** Only the payments part: for Stripe keys found after start-up (payments/payments-setup.ts). */
export function loadPaymentsConfig(env: Record<string, string | undefined>): PaymentsConfig | undefined {
  return paymentsOf(checkedVariables(env));
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = checkedVariables(env);
  return {
    tableName: raw.TABLE_NAME,
    region: raw.AWS_REGION,
    dynamoEndpoint: raw.DYNAMODB_ENDPOINT,
    defaultArticlePrice: raw.DEFAULT_ARTICLE_PRICE,
    readers: {
      starterPoints: raw.STARTER_POINTS,
      promoBudgetPoints: raw.PROMO_BUDGET_POINTS,
      platformSharePercent: raw.PLATFORM_SHARE_PERCENT,
      passwordHashCost: raw.PASSWORD_HASH_COST,
      tokenTtlMinutes: raw.READER_TOKEN_TTL_MINUTES,
      devTopUpEnabled: raw.DEV_TOPUP_ENABLED && !raw.STRIPE_SECRET_KEY,
      signupLimits: signupLimitsOf(raw),
    },
    payments: paymentsOf(raw),
    social: {
      mergeThreshold: raw.TIMELINE_MERGE_THRESHOLD,
      retentionDays: raw.TIMELINE_RETENTION_DAYS,
      hourlyLimits: Object.fromEntries(raw.SOCIAL_RATE_LIMITS.split(',').map((pair) => pair.split(':')).map(([action, count]) => [action, Number(count)])),
    },
    payouts: { holdDays: raw.PAYOUT_HOLD_DAYS, thresholdCents: raw.PAYOUT_THRESHOLD_CENTS, returnUrl: raw.CONNECT_RETURN_URL, refreshUrl: raw.CONNECT_REFRESH_URL },
    pointPacks: raw.POINT_PACKS.split(',').map((pair) => {
      const [points, priceCents] = pair.split(':').map(Number) as [number, number];
      return { packId: `points-${points}`, points, priceCents };
    }),
    maxBodyBytes: raw.MAX_BODY_BYTES,
    feedQueueUrl: raw.FEED_QUEUE_URL,
    newsletterQueueUrl: raw.NEWSLETTER_QUEUE_URL,
    webhookQueueUrl: raw.WEBHOOK_QUEUE_URL,
    timelineFanOut: raw.TIMELINE_FANOUT,
    mailFrom: raw.MAIL_FROM,
    mailOutbox: raw.MAIL_OUTBOX,
    mailQueueUrl: raw.MAIL_QUEUE_URL,
    mailConfigurationSet: raw.MAIL_CONFIGURATION_SET,
    publisherCacheMs: raw.PUBLISHER_CACHE_SECONDS * 1000,
    feeds: {
      allowPrivateHosts: raw.FEED_ALLOW_PRIVATE_HOSTS,
      maxBytes: raw.FEED_MAX_BYTES,
      timeoutMs: raw.FEED_TIMEOUT_MS,
      maxRedirects: raw.FEED_MAX_REDIRECTS,
      maxConsecutiveFailures: raw.FEED_MAX_CONSECUTIVE_FAILURES,
      documentBudgetMs: raw.FEED_DOCUMENT_BUDGET_MS,
      minIntervalMs: raw.FEED_MIN_INTERVAL_MINUTES * 60_000,
      maxIntervalMs: raw.FEED_MAX_INTERVAL_MINUTES * 60_000,
      iframeHosts: raw.IFRAME_HOSTS,
      publicUrl: raw.PUBLIC_URL.replace(/\/+$/, ''),
    },
  };
}

function signupLimitsOf(raw: RawConfig): ReaderConfig['signupLimits'] {
  const limits = Object.fromEntries(raw.SIGNUP_RATE_LIMITS.split(',').map((pair) => pair.split(':')).map(([kind, count]) => [kind, Number(count)]));
  return {
    perAddress: limits.address ?? 20,
    perDomain: limits.domain ?? 50,
    exemptDomains: raw.SIGNUP_EXEMPT_DOMAINS.split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean),
  };
}

function paymentsOf(raw: RawConfig): PaymentsConfig | undefined {
  if (!raw.STRIPE_SECRET_KEY && !raw.STRIPE_WEBHOOK_SECRET) return undefined;
  if (!raw.STRIPE_SECRET_KEY || !raw.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration: set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither.');
  }
  return {
    stripeSecretKey: raw.STRIPE_SECRET_KEY,
    stripeWebhookSecret: raw.STRIPE_WEBHOOK_SECRET,
    stripeApiBase: raw.STRIPE_API_BASE,
    successUrl: raw.CHECKOUT_SUCCESS_URL,
    cancelUrl: raw.CHECKOUT_CANCEL_URL,
    graceDays: raw.PAYMENT_GRACE_DAYS,
  };
}
