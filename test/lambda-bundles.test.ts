/**
 * The Lambda functions as they are deployed: built by the same esbuild step the
 * CDK app runs (infra/lambda-bundle.ts, code splitting and all), imported from
 * their folders and called the way Lambda calls them, against DynamoDB Local
 * and the fixture server. A route group or lazy module missing from a
 * function's build, or loaded from the wrong place, fails here.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildLambdaBundle, staticClosure, type LambdaBundleSpec } from '../infra/lambda-bundle.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { API_FUNCTION_GROUPS, lazyModulesOf, ROUTE_GROUPS, type ApiFunction } from '../shared/api/route-groups.js';
import { DOCUMENT_ROUTES, ROUTE_MANIFEST } from '../shared/api/route-manifest.js';
import { MAIN_ROUTES } from '../shared/api/route-sets.js';
import { ROUTE_MANIFEST_FILE, routeManifestSource } from '../scripts/generate-route-manifest.js';
import { articleItems, rss2 } from './support/feeds.js';
import { serve, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { httpEvent, sqsEvent } from './support/lambda-events.js';
import { ADMIN_TOKEN, createTestStack, type TestStack } from './support/test-stack.js';

// Four esbuild builds with code splitting: seconds on an idle machine, longer on a busy one.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

type HttpHandler = (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

const API_ENTRIES: Record<ApiFunction, string> = { main: 'api', publisher: 'publisher-api', payments: 'payments-api' };
const builds: Partial<Record<string, { dir: string; metafile: Metafile }>> = {};
let stack: TestStack;
let fixtures: FixtureServer;

async function built(spec: LambdaBundleSpec) {
  const dir = mkdtempSync(path.join(tmpdir(), `postwire-${spec.entry}-`));
  builds[spec.entry] = { dir, metafile: await buildLambdaBundle(spec, dir) };
}

async function handlerOf<T>(entry: string): Promise<T> {
  return ((await import(pathToFileURL(path.join(builds[entry]!.dir, 'index.mjs')).href)) as { handler: T }).handler;
}

beforeAll(async () => {
  fixtures = await startFixtureServer();
  // The fixture server listens on loopback, which the address guard refuses unless private hosts are allowed.
  stack = await createTestStack({ env: { FEED_ALLOW_PRIVATE_HOSTS: 'true' } });
  for (const [fn, entry] of Object.entries(API_ENTRIES) as [ApiFunction, string][]) await built({ entry, lazy: lazyModulesOf(fn) });
  await built({ entry: 'feed-worker', lazy: ['feed-document'] });
  Object.assign(process.env, {
    TABLE_NAME: stack.deps.config.tableName,
    DYNAMODB_ENDPOINT: stack.deps.config.dynamoEndpoint,
    ADMIN_TOKEN,
    FEED_ALLOW_PRIVATE_HOSTS: 'true',
    STRIPE_SECRET_KEY: 'sk_test_bundles',
    STRIPE_WEBHOOK_SECRET: 'whsec_bundles',
  });
});

afterAll(async () => {
  await fixtures.close();
});

/** A path of the manifest with every parameter filled in. */
const concrete = (route: string) => route.replace(/:[a-zA-Z]+/g, 'unknown-0');

describe('the route manifest', () => {
  it('is what the route groups register (run `npm run api:types` after changing a route)', async () => {
    expect(readFileSync(ROUTE_MANIFEST_FILE, 'utf8')).toBe(await routeManifestSource());
  });

  it('names the same groups, in the same order, as the app the tests and the local server run', async () => {
    const load = (fn: ApiFunction) => Promise.all(API_FUNCTION_GROUPS[fn].map((group) => ROUTE_GROUPS[group].load()));
    expect(await load('main')).toEqual(MAIN_ROUTES.serve);
    expect([...(await load('main')), ...(await load('publisher')), ...(await load('payments'))]).toEqual(ALL_ROUTES.serve);
  });
});

describe('the API functions as deployed', () => {
  it('answer a route of every group from that group’s own file, and nothing that is another function’s', async () => {
    for (const [fn, entry] of Object.entries(API_ENTRIES) as [ApiFunction, string][]) {
      const handler = await handlerOf<HttpHandler>(entry);
      for (const group of API_FUNCTION_GROUPS[fn]) {
        const [method, route] = ROUTE_MANIFEST[group][0]!;
        const result = await handler(httpEvent(method, concrete(route), { 'content-type': 'application/json' }, method === 'GET' ? undefined : '{}'), {});
        const body = JSON.parse(result.body ?? 'null') as { error?: { code: string; message: string } } | null;
        // The group answered: its own validation, sign-in check or lookup, never "no route" and never a failed load.
        expect({ fn, group, route, status: result.statusCode, code: body?.error?.code }).not.toMatchObject({ status: 500 });
        expect(body?.error?.message ?? '').not.toMatch(/^No route for/);
      }
      // A route of another function is a clear 404 from the front door, loading nothing.
      const foreign = fn === 'main' ? ['POST', '/v1/publisher/ingest'] : ['GET', '/v1/articles'];
      const refused = await handler(httpEvent(foreign[0]!, foreign[1]!), {});
      expect(refused.statusCode).toBe(404);
      expect(JSON.parse(refused.body!)).toEqual({ error: { code: 'not_found', message: `No route for ${foreign[0]} ${foreign[1]}.` } });
    }
  });

  it('serve a push, a listing and the API document end to end, and the documents agree', async () => {
    const { auth } = await stack.createPublisher('bundle-pub');
    const publisherApi = await handlerOf<HttpHandler>('publisher-api');
    const mainApi = await handlerOf<HttpHandler>('api');
    const pushed = await publisherApi(httpEvent('POST', '/v1/publisher/ingest', { ...auth, 'content-type': 'application/rss+xml' }, rss2(articleItems(2, 'bundle'))), {});
    expect(JSON.parse(pushed.body!)).toMatchObject({ created: 2, updated: 0 });
    const listed = await mainApi(httpEvent('GET', '/v1/articles?publisher=bundle-pub'), {});
    expect((JSON.parse(listed.body!) as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['Story number 0 from the wires', 'Story number 1 from the wires']),
    );
    const document = await mainApi(httpEvent('GET', '/openapi.json'), {});
    const paths = (JSON.parse(document.body!) as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/publisher/ingest', '/v1/webhooks/stripe', '/v1/articles/{id}']));
    expect(DOCUMENT_ROUTES.map(([, route]) => route)).toContain('/openapi.json');
  });

  it('carry neither zod nor zod-openapi, the feed parser nor Stripe on the cold path: those come with a group', () => {
    for (const entry of [...Object.values(API_ENTRIES), 'feed-worker']) {
      const coldInputs = coldPathInputs(builds[entry]!.metafile);
      expect({ entry, heavy: coldInputs.filter((input) => /node_modules\/(zod|@hono\/zod-openapi|@asteasolutions|rss-parser|sanitize-html|stripe)\//.test(input)) }).toEqual({ entry, heavy: [] });
    }
  });
});

describe('a function built without a module it loads', () => {
  it('starts on demand and fails only that group, with a 500; initialised for provisioned concurrency, it fails at once, naming the module', async () => {
    const partial = { entry: 'payments-api', lazy: ['api-app'] } satisfies LambdaBundleSpec;
    const onDemand = mkdtempSync(path.join(tmpdir(), 'postwire-partial-'));
    await buildLambdaBundle(partial, onDemand);
    const handler = ((await import(pathToFileURL(path.join(onDemand, 'index.mjs')).href)) as { handler: HttpHandler }).handler;
    const answer = await handler(httpEvent('POST', '/v1/webhooks/stripe', { 'content-type': 'application/json' }, '{}'), {});
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body!)).toMatchObject({ error: { code: 'internal_error' } });

    // A provisioned environment loads every group while initialising, so the gap shows before any reader arrives.
    const provisioned = mkdtempSync(path.join(tmpdir(), 'postwire-partial-'));
    await buildLambdaBundle(partial, provisioned);
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'provisioned-concurrency';
    try {
      await expect(import(pathToFileURL(path.join(provisioned, 'index.mjs')).href)).rejects.toThrow(
        'The lazy module "routes-payments" is not in this function\'s build: add it to the function\'s `lazy` list in infra/.',
      );
    } finally {
      delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
    }
  });
});

describe('the feed worker as deployed', () => {
  it('loads the parser with the first feed that changed and stores its articles', async () => {
    fixtures.route('/bundled.xml', serve(rss2(articleItems(3, 'bundled'))));
    const { auth } = await stack.createPublisher('bundled-pub');
    const registered = await stack.request('/v1/publisher/feeds', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ url: fixtures.url('/bundled.xml') }) });
    const { feed } = (await registered.json()) as { feed: { feedId: string } };
    const worker = await handlerOf<(event: SQSEvent) => Promise<SQSBatchResponse>>('feed-worker');
    expect(await worker(sqsEvent([JSON.stringify({ publisherSlug: 'bundled-pub', feedId: feed.feedId })]))).toEqual({ batchItemFailures: [] });
    const articles = (await (await stack.request('/v1/articles?publisher=bundled-pub')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(3);
  });
});

/** The inputs of `index.mjs` and of every chunk it imports statically: what a cold start compiles. */
function coldPathInputs(metafile: Metafile): string[] {
  return [...staticClosure(metafile, 'index')].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs));
}
