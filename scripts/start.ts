/**
 * `npm start`: the whole stack on one machine. DynamoDB Local (in memory unless
 * DATA_DIR is set), the table created or migrated, the web app and the API on
 * PORT, and the feed poller in-process on the same code path as the Lambda
 * functions. Ctrl-C stops everything, the Java process included.
 *
 * It says what it is doing as it does it: the first line comes before any of
 * postwire's modules load (they are imported step by step below), and every
 * step reports its time.
 */
import { randomBytes } from 'node:crypto';

const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function step<T>(label: string, run: () => Promise<T>, done: (result: T) => string = () => 'done'): Promise<T> {
  const from = performance.now();
  process.stdout.write(`  ${label}… `);
  const result = await run();
  say(`${done(result)} (${seconds(from)})`);
  return result;
}

async function main(): Promise<void> {
  say('postwire: starting the whole stack on this machine');
  // The SDK warns that its 2027 releases will need Node 22; Lambda already runs 22 and the lock file pins the SDK.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const generatedToken = process.env.ADMIN_TOKEN ? undefined : `adm_${randomBytes(24).toString('base64url')}`;

  const { startLocalDynamo } = await import('./dynamodb-local.js');
  const dynamo = await step(
    `starting DynamoDB Local (Java, ${process.env.DATA_DIR ? `data in ${process.env.DATA_DIR}` : 'in memory'}; the first start takes longest)`,
    () => startLocalDynamo({ dataDir: process.env.DATA_DIR, port: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined }),
    (local) => `ready at ${local.endpoint}`,
  );
  const { portIfFree, startMailCatcher } = await import('./mail-catcher.js');
  const mailCatcher = await step(
    'starting the mail catcher (every mail postwire sends lands in its inbox)',
    // MailDev's usual ports (1025, 1080) unless taken: then free ones, and the banner says which.
    async () =>
      startMailCatcher({
        smtpPort: process.env.MAIL_SMTP_PORT ? Number(process.env.MAIL_SMTP_PORT) : await portIfFree(1025),
        webPort: process.env.MAIL_WEB_PORT ? Number(process.env.MAIL_WEB_PORT) : await portIfFree(1080),
      }),
    (catcher) => `inbox at ${catcher.inboxUrl}`,
  );
  const modules = await step('loading postwire', async () => ({
    ...(await import('@hono/node-server')),
    ...(await import('../shared/api/app.js')),
    ...(await import('../shared/api/all-routes.js')),
    ...(await import('../shared/config.js')),
    ...(await import('../shared/db/ensure-table.js')),
    ...(await import('../shared/db/migrations/shard-hot-keys.js')),
    ...(await import('../shared/feeds/local-poller.js')),
    ...(await import('../shared/mail/local-outbox.js')),
    ...(await import('../shared/mail/smtp-transport.js')),
    ...(await import('../shared/publishers/local-stats-follower.js')),
    ...(await import('../shared/newsletters/local-newsletters.js')),
    ...(await import('../shared/webhooks/webhook-delivery.js')),
    ...(await import('../shared/feeds/poll-feed.js')),
    ...(await import('../shared/newsletters/issue-counters.js')),
    ...(await import('../shared/logger.js')),
    ...(await import('../shared/api/api-deps.js')),
    ...(await import('../shared/web/web-app.js')),
    ...(await import('../shared/web/web-deps.js')),
    ...(await import('../shared/web/web-config.js')),
    ...(await import('../shared/web/site-paths.js')),
  }));
  const logger = modules.createConsoleLogger('postwire');
  const config = modules.loadApiConfig({
    ...process.env,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    // Stripe (when configured locally) sends readers back to this web app.
    CHECKOUT_SUCCESS_URL: process.env.CHECKOUT_SUCCESS_URL ?? `${process.env.PUBLIC_URL ?? `http://localhost:${port}`}/wallet?m=checkout_done`,
    CHECKOUT_CANCEL_URL: process.env.CHECKOUT_CANCEL_URL ?? `${process.env.PUBLIC_URL ?? `http://localhost:${port}`}/wallet`,
    // No payment provider locally: the labelled development top-up stands in for buying points.
    DEV_TOPUP_ENABLED: process.env.DEV_TOPUP_ENABLED ?? 'true',
    ...(generatedToken ? { ADMIN_TOKEN: generatedToken } : {}),
    // The web app vouches for each reader's address to the API with this key, as the web function does in AWS.
    CLIENT_ADDRESS_KEY: process.env.CLIENT_ADDRESS_KEY ?? randomBytes(32).toString('base64url'),
    // Timelines are written right after each post on one machine; the stream feeds the publisher stats only.
    TIMELINE_FANOUT: 'inline',
  });
  const smtp = modules.smtpTransport(mailCatcher.smtpUrl);
  // What became of each newsletter mail is counted on its issue, as SES events are in AWS.
  const mail = modules.localOutbox(smtp, { from: config.mailFrom, perSecond: 10, attempts: 5, retryBaseMs: 1000, logger, onOutcome: (message, outcome) => modules.countIssueOutcome(deps.db)(message, outcome) });
  const deps = modules.createDeps(config, logger, { mail });
  await step(`the table "${config.tableName}"`, () => modules.ensureTable(deps.db, { stream: true }), (state) => state);
  // A table kept in DATA_DIR from before the hot keys were sharded: its feeds, articles and earnings move onto their shards.
  const moved = await modules.shardHotKeys(deps.db);
  if (moved.feeds + moved.articles + moved.earnings > 0) logger.info('Moved items onto their shards', { ...moved });
  const app = modules.buildApp(deps, modules.ALL_ROUTES);
  // The web app calls the API in-process here (with no connection: the reader's address comes from its voucher); in AWS it calls the API's address.
  const web = modules.buildWebApp(modules.createWebDeps(modules.webConfigOf(config, 'http://postwire.internal'), logger, async (request) => app.fetch(request)));
  const server = await step(
    `listening on ${host}:${port}`,
    () =>
      new Promise<ReturnType<typeof modules.serve>>((resolve, reject) => {
        const listening = modules.serve({ fetch: modules.siteFetch(app, web), port, hostname: host }, () => resolve(listening));
        listening.once('error', reject);
      }),
  );
  const poller = modules.startLocalPoller(deps.feedRuntime, logger, {
    intervalMs: Number(process.env.POLL_INTERVAL_SECONDS ?? 30) * 1000,
    concurrency: 4,
  });
  const statsFollower = modules.followStatsRollups(deps.db, { intervalMs: 1000, region: config.region, endpoint: config.dynamoEndpoint, logger, webhookSecret: config.jwtSecret });
  // Webhook events the stream logged go out every 2 s (in AWS: the delivery worker's schedule and queue).
  const webhooks = setInterval(() => {
    modules.deliverDueWebhooks(deps.db, { ...modules.fetchPolicyOf(deps.feedRuntime), now: () => new Date() }).catch((error: Error) => logger.error('Webhook delivery failed', { error: error.message }));
  }, 2_000);
  // Newsletters due are made and sent every 15 s (a minute in AWS).
  const newsletters = modules.startLocalNewsletters(deps.db, { intervalMs: 15_000, secret: config.jwtSecret, publicUrl: config.feeds.publicUrl, defaultPrice: config.defaultArticlePrice, mail, now: () => new Date(), logger });

  // Ready to stop cleanly before saying it is running: whoever reads the banner may stop us at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('Shutting down', { signal });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    await closed;
    await poller.stop();
    await newsletters.stop();
    clearInterval(webhooks);
    await statsFollower.stop();
    await mail.idle();
    smtp.close();
    await mailCatcher.stop();
    deps.db.raw.destroy();
    await dynamo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const url = `http://${host}:${port}`;
  say(
    [
      '',
      `postwire is running at ${url} (ready in ${seconds(started)}): open it in a browser. API docs: ${url}/docs`,
      `  Admin token: ${config.adminToken}${generatedToken ? '  (generated; set ADMIN_TOKEN to choose one)' : ''}`,
      `  Content to explore: ADMIN_TOKEN=${config.adminToken} npm run demo`,
      `  Mail postwire sends (confirmations, password resets, newsletters): ${mailCatcher.inboxUrl}`,
      `  Feed URLs on private addresses are ${config.feeds.allowPrivateHosts ? 'ALLOWED (FEED_ALLOW_PRIVATE_HOSTS=true)' : 'refused'}.`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // A missing Java or a bad setting is said in one sentence; anything else with its stack.
  const expected = error instanceof Error && ['JavaMissingError', 'ConfigError'].includes(error.constructor.name);
  process.stdout.write('\n');
  process.stderr.write(expected ? `${(error as Error).message}\n` : `postwire failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
