/**
 * Configuration is read once, validated, and handed around as a typed object.
 * A missing or malformed variable stops start-up with a sentence naming it.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  );

const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(3).default('postwire'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Set for DynamoDB Local; absent in AWS. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  /** Needed by the API only; the feed functions run without it. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** Signs pagination cursors; defaults to a key derived from ADMIN_TOKEN. */
  CURSOR_SECRET: z.string().min(16).optional(),
  FEED_ALLOW_PRIVATE_HOSTS: booleanFlag,
  FEED_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  FEED_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FEED_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(5),
  FEED_MAX_CONSECUTIVE_FAILURES: z.coerce.number().int().positive().default(10),
  FEED_MIN_INTERVAL_MINUTES: z.coerce.number().positive().default(5),
  FEED_MAX_INTERVAL_MINUTES: z.coerce.number().positive().default(24 * 60),
  /** Hosts whose iframes survive sanitising (video embeds). */
  IFRAME_HOSTS: commaList.transform((hosts) =>
    hosts.length > 0 ? hosts : ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'],
  ),
  DEFAULT_ARTICLE_PRICE: z.coerce.number().int().min(0).max(10_000).default(25),
  /** Largest request body the API accepts (feed pushes are the big ones). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  FEED_QUEUE_URL: z.string().optional(),
  /** In AWS: the queue the fan-out worker reads; unset, fan-out runs inline. */
  FANOUT_QUEUE_URL: z.string().optional(),
  /** Points every new reader starts with ("read for free"). */
  STARTER_POINTS: z.coerce.number().int().min(0).max(100_000).default(50),
  /** Share of each unlock kept by the platform, in percent. */
  PLATFORM_SHARE_PERCENT: z.coerce.number().min(0).max(100).default(0),
  /** log2 of scrypt's cost N (15 → N = 32768, about 32 MB and tens of milliseconds per hash). */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
  READER_TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(30 * 24 * 60).default(12 * 60),
  /** A labelled development top-up of points; never enabled in AWS, and off whenever Stripe is configured. */
  DEV_TOPUP_ENABLED: booleanFlag,
  STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)').optional(),
  /** Where the Stripe SDK sends API calls; only for a local Stripe stand-in in tests. */
  STRIPE_API_BASE: z.string().url().optional(),
  CHECKOUT_SUCCESS_URL: z.string().url().default('http://localhost:5173/checkout/done?session={CHECKOUT_SESSION_ID}'),
  CHECKOUT_CANCEL_URL: z.string().url().default('http://localhost:5173/checkout/cancelled'),
  /** Accounts with more followers than this are merged into timelines at read time instead of fanned out. */
  TIMELINE_MERGE_THRESHOLD: z.coerce.number().int().min(0).default(1000),
  TIMELINE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Per-reader actions allowed per hour, as action:count pairs. */
  SOCIAL_RATE_LIMITS: z
    .string()
    .regex(/^[a-z]+:\d+(,[a-z]+:\d+)*$/, 'SOCIAL_RATE_LIMITS must look like "posts:60,likes:300,follows:100"')
    .default('posts:60,likes:300,follows:100,tips:60,gifts:30'),
  /** Point packs as points:cents pairs, e.g. "300:420,1000:1200" (300 points for $4.20). */
  POINT_PACKS: z
    .string()
    .regex(/^\d+:\d+(,\d+:\d+)*$/, 'POINT_PACKS must look like "300:420,1000:1200"')
    .default('300:420,1000:1200,2500:2750'),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  tableName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  defaultArticlePrice: number;
  readers: ReaderConfig;
  /** Present only when Stripe is configured. */
  payments: PaymentsConfig | undefined;
  pointPacks: PointPack[];
  social: { mergeThreshold: number; retentionDays: number; hourlyLimits: Record<string, number> };
  maxBodyBytes: number;
  feedQueueUrl: string | undefined;
  fanOutQueueUrl: string | undefined;
  feeds: FeedConfig;
}

export interface ReaderConfig {
  starterPoints: number;
  platformSharePercent: number;
  passwordHashCost: number;
  tokenTtlMinutes: number;
  devTopUpEnabled: boolean;
}

export interface PaymentsConfig {
  stripeSecretKey: string;
  stripeWebhookSecret: string;
  stripeApiBase?: string | undefined;
  successUrl: string;
  cancelUrl: string;
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
  minIntervalMs: number;
  maxIntervalMs: number;
  iframeHosts: string[];
}

/** What the API needs on top: the secrets. */
export interface ApiConfig extends Config {
  adminToken: string;
  cursorSecret: string;
  /** Signs reader JWTs (HS256). */
  jwtSecret: string;
}

export class ConfigError extends Error {}

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const config = loadConfig(env);
  const adminToken = env.ADMIN_TOKEN;
  if (!adminToken) throw new ConfigError('Invalid configuration: ADMIN_TOKEN is required by the API.');
  // Locally a key derived from the admin token is enough; in AWS JWT_SECRET comes from its own secret.
  const jwtSecret = env.JWT_SECRET ?? createHmac('sha256', adminToken).update('postwire reader tokens').digest('base64url');
  if (jwtSecret.length < 32) throw new ConfigError('Invalid configuration: JWT_SECRET must be at least 32 characters.');
  return { ...config, adminToken, cursorSecret: env.CURSOR_SECRET ?? `cursor:${adminToken}`, jwtSecret };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const raw = parsed.data;
  return {
    tableName: raw.TABLE_NAME,
    region: raw.AWS_REGION,
    dynamoEndpoint: raw.DYNAMODB_ENDPOINT,
    defaultArticlePrice: raw.DEFAULT_ARTICLE_PRICE,
    readers: {
      starterPoints: raw.STARTER_POINTS,
      platformSharePercent: raw.PLATFORM_SHARE_PERCENT,
      passwordHashCost: raw.PASSWORD_HASH_COST,
      tokenTtlMinutes: raw.READER_TOKEN_TTL_MINUTES,
      devTopUpEnabled: raw.DEV_TOPUP_ENABLED && !raw.STRIPE_SECRET_KEY,
    },
    payments: paymentsOf(raw),
    social: {
      mergeThreshold: raw.TIMELINE_MERGE_THRESHOLD,
      retentionDays: raw.TIMELINE_RETENTION_DAYS,
      hourlyLimits: Object.fromEntries(raw.SOCIAL_RATE_LIMITS.split(',').map((pair) => pair.split(':')).map(([action, count]) => [action, Number(count)])),
    },
    pointPacks: raw.POINT_PACKS.split(',').map((pair) => {
      const [points, priceCents] = pair.split(':').map(Number) as [number, number];
      return { packId: `points-${points}`, points, priceCents };
    }),
    maxBodyBytes: raw.MAX_BODY_BYTES,
    feedQueueUrl: raw.FEED_QUEUE_URL,
    fanOutQueueUrl: raw.FANOUT_QUEUE_URL,
    feeds: {
      allowPrivateHosts: raw.FEED_ALLOW_PRIVATE_HOSTS,
      maxBytes: raw.FEED_MAX_BYTES,
      timeoutMs: raw.FEED_TIMEOUT_MS,
      maxRedirects: raw.FEED_MAX_REDIRECTS,
      maxConsecutiveFailures: raw.FEED_MAX_CONSECUTIVE_FAILURES,
      minIntervalMs: raw.FEED_MIN_INTERVAL_MINUTES * 60_000,
      maxIntervalMs: raw.FEED_MAX_INTERVAL_MINUTES * 60_000,
      iframeHosts: raw.IFRAME_HOSTS,
    },
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
  };
}
