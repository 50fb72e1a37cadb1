/**
 * `npm start`: the whole stack on one machine. DynamoDB Local (in memory unless
 * DATA_DIR is set), the table created or migrated, the API on PORT, and the feed
 * poller in-process on the same code path as the Lambda functions. Ctrl-C stops
 * everything, the Java process included.
 */
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { buildApp } from '../shared/api/app.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { ConfigError, loadApiConfig } from '../shared/config.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { startLocalPoller } from '../shared/feeds/local-poller.js';
import { createConsoleLogger } from '../shared/logger.js';
import { createDeps } from '../shared/api/api-deps.js';
import { buildWebApp } from '../shared/web/web-app.js';
import { createWebDeps } from '../shared/web/web-deps.js';
import { webConfigOf } from '../shared/web/web-config.js';
import { siteFetch } from '../shared/web/site-paths.js';
import { JavaMissingError, startLocalDynamo } from './dynamodb-local.js';

async function main(): Promise<void> {
  // The SDK warns that its 2027 releases will need Node 22; Lambda already runs 22 and the lock file pins the SDK.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const logger = createConsoleLogger('postwire');
  const port = Number(process.env.PORT ?? 3000);
  const generatedToken = process.env.ADMIN_TOKEN ? undefined : `adm_${randomBytes(24).toString('base64url')}`;
  const dynamo = await startLocalDynamo({ dataDir: process.env.DATA_DIR, port: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined });
  const config = loadApiConfig({
    ...process.env,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    // No payment provider locally: the labelled development top-up stands in for buying points.
    DEV_TOPUP_ENABLED: process.env.DEV_TOPUP_ENABLED ?? 'true',
    ...(generatedToken ? { ADMIN_TOKEN: generatedToken } : {}),
    // Nothing reads a stream on one machine: timelines are written right after each post.
    TIMELINE_FANOUT: 'inline',
  });
  const deps = createDeps(config, logger);
  const tableState = await ensureTable(deps.db);
  const app = buildApp(deps, ALL_ROUTES);
  // The web app calls the API in-process here; in AWS it calls the API's address.
  const web = buildWebApp(createWebDeps(webConfigOf(config, 'http://postwire.internal'), logger, async (request) => app.fetch(request)));
  const server = serve({ fetch: siteFetch(app, web), port, hostname: process.env.HOST ?? '127.0.0.1' });
  const poller = startLocalPoller(deps.feedRuntime, logger, {
    intervalMs: Number(process.env.POLL_INTERVAL_SECONDS ?? 30) * 1000,
    concurrency: 4,
  });

  const url = `http://${process.env.HOST ?? '127.0.0.1'}:${port}`;
  process.stdout.write(
    [
      '',
      `postwire is running at ${url}  (open it in a browser; API docs: ${url}/docs)`,
      `  DynamoDB Local: ${dynamo.endpoint} (${process.env.DATA_DIR ? `data in ${process.env.DATA_DIR}` : 'in memory'}), table "${config.tableName}" ${tableState}`,
      `  Admin token: ${config.adminToken}${generatedToken ? '  (generated; set ADMIN_TOKEN to choose one)' : ''}`,
      `  Feed URLs on private addresses are ${config.feeds.allowPrivateHosts ? 'ALLOWED (FEED_ALLOW_PRIVATE_HOSTS=true)' : 'refused'}.`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('Shutting down', { signal });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    await closed;
    await poller.stop();
    deps.db.raw.destroy();
    await dynamo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`postwire failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
