/**
 * What each Lambda function ships and what its cold start costs, built exactly
 * as the CDK app builds it (synthesised here, offline, into a temporary folder):
 *
 * - cold path: `index.mjs` and the chunks it imports statically, which a cold
 *   start compiles and runs; everything else loads on first use;
 * - cold import: the median, over fresh Node processes taken in turns, of
 *   importing `index.mjs`, minus an empty module's, and that against the floor;
 * - for the API functions, cold import plus a first request, which loads the
 *   request's route group: what the first reader after a cold start waits for.
 *
 * The floor is Hono with the DynamoDB document client and one route; the peer
 * is Express + serverless-http with the same client. Both are built and timed
 * in the same run, and so is each budgeted function's entry built the way the
 * reference cold-start script builds it (one minified file, nothing split off),
 * whose ratio to the floor is the one the budgets hold. `npm run bench` fails
 * when a function is over its budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { buildLambdaBundle, staticClosure } from '../infra/lambda-bundle.js';
import { lazyModulesOf } from '../shared/api/route-groups.js';
import { PostwireStack } from '../infra/postwire-stack.js';
import { stageConfig } from '../infra/stage-config.js';
import { median, printTable, round } from './stats.js';

/**
 * Budgets, held by `npm run bench`: the deployed cold path's size in KB (today's plus a little
 * headroom, so growth is a decision), and the entry's cold import as one file, as a multiple of the
 * floor in the same run (issue 17's targets: the main API 1.3, the publisher API, payments and the
 * feed worker 1.6, the dispatcher and the fan-out worker 1.2). Functions without a ratio are
 * background workers whose size alone is held.
 */
export const BUDGETS: Record<string, { coldKb: number; floorRatio?: number; entry?: string }> = {
  Api: { coldKb: 460, floorRatio: 1.3, entry: 'api' },
  PublisherApi: { coldKb: 460, floorRatio: 1.6, entry: 'publisher-api' },
  PaymentsApi: { coldKb: 460, floorRatio: 1.6, entry: 'payments-api' },
  FeedWorker: { coldKb: 430, floorRatio: 1.6, entry: 'feed-worker' },
  FeedDispatcher: { coldKb: 440, floorRatio: 1.2, entry: 'feed-dispatcher' },
  FanOutWorker: { coldKb: 430, floorRatio: 1.2, entry: 'fanout-worker' },
  // SES, SQS and the suppression list; the newsletter worker adds the issue's mail templates (hono/jsx) and the access decision.
  MailWorker: { coldKb: 520 },
  NewslettersWorker: { coldKb: 500 },
  // The address guard and an HTTP client of Node's own; no SDK beyond DynamoDB and SQS.
  WebhooksWorker: { coldKb: 480 },
  // Pages and forms over the API's public address: hono, its JSX renderer, the Secrets Manager client; no table, no zod-openapi.
  Web: { coldKb: 500 },
};
const RUNS = 21;
const ENV = {
  ADMIN_TOKEN: 'bench-admin-token-123456',
  TABLE_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  FEED_QUEUE_URL: 'http://127.0.0.1:1/q',
  API_URL: 'http://127.0.0.1:1',
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123',
  // A closed port: a request that reaches the table fails at once, after its route group has loaded.
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  STRIPE_SECRET_KEY: 'sk_test_bench',
  STRIPE_WEBHOOK_SECRET: 'whsec_bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  NODE_NO_WARNINGS: '1',
};

/** The first request timed per API function: one that loads its route group and answers without a table. */
export const FIRST_REQUESTS: Record<string, { method: string; path: string; group: string }> = {
  Api: { method: 'GET', path: '/v1/articles/a0000000000000000000000000', group: 'articles' },
  PublisherApi: { method: 'GET', path: '/v1/publisher', group: 'publisher (401 without a key)' },
  PaymentsApi: { method: 'POST', path: '/v1/webhooks/stripe', group: 'payments (400: no signature)' },
};

const BASELINES: Record<string, string> = {
  'floor: Hono + DynamoDB document client, one route': `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono().get('/v1/articles/:id', async (c) => {
  const r = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: \`ART#\${c.req.param('id')}\`, SK: 'META' } }));
  return r.Item ? c.json(r.Item) : c.json({ error: { code: 'not_found' } }, 404);
});
export const handler = handle(app);
`,
  'peer: Express + serverless-http + the same client': `import express from 'express';
import serverless from 'serverless-http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = express();
app.get('/v1/articles/:id', async (req, res) => {
  const r = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: \`ART#\${req.params.id}\`, SK: 'META' } }));
  if (r.Item) res.json(r.Item); else res.status(404).json({ error: { code: 'not_found' } });
});
export const handler = serverless(app);
`,
  // Lazy, but not split off: every group folded into the entry's own file behind a literal import().
  // Nothing of theirs runs at import, yet their source text is compiled at every cold start.
  'variant: main API with its groups in its own file, behind import()': `export { handler } from ${JSON.stringify(path.resolve('functions/api.ts'))};
export const groups = () => import(${JSON.stringify(path.resolve('shared/api/route-sets.ts'))});
`,
  // What the main API was before its groups were split off: every route and schema loaded at import, one file.
  'before: main API with every route loaded at import': `import { httpHandlerServing } from ${JSON.stringify(path.resolve('bench/eager-http-handler.ts'))};
export const handler = await httpHandlerServing();
`,
};

const SINGLE_FILE = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  nodePaths: [path.resolve('node_modules')],
  banner: { js: "import { createRequire as __r } from 'module'; const require = __r(import.meta.url);" },
  logLevel: 'silent',
} satisfies BuildOptions;

/** `index.mjs` and every chunk it imports statically, transitively. */
function coldPathFiles(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, imported] of readFileSync(path.join(dir, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) visit(imported!);
  };
  visit('index.mjs');
  return [...seen];
}

/**
 * Milliseconds to import the bundle (and, given a request, to answer it) in a fresh process, with this
 * Node binary and these extra environment variables.
 */
export function timeColdStart(file: string, request?: { method: string; path: string }, { node = process.execPath, env = {} }: { node?: string; env?: Record<string, string> } = {}): number {
  const event = request && {
    version: '2.0', routeKey: '$default', rawPath: request.path, rawQueryString: '', headers: { host: 'bench', 'content-type': 'application/json' }, body: request.method === 'GET' ? undefined : '{}', isBase64Encoded: false,
    requestContext: { accountId: '1', apiId: 'a', domainName: 'bench', domainPrefix: 'bench', http: { method: request.method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' }, requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0 },
  };
  const script = `const t=performance.now();const m=await import(${JSON.stringify(file)});${event ? `await m.handler(${JSON.stringify(event)},{});` : ''}process.stdout.write(String(performance.now()-t));`;
  return Number(execFileSync(node, ['--input-type=module', '-e', script], { env: { ...process.env, ...ENV, ...env }, encoding: 'utf8' }));
}

interface Measured {
  name: string;
  dir: string;
  request?: { method: string; path: string; group: string } | undefined;
}

export async function runBundleBench(): Promise<{ overBudget: string[] }> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'postwire-synth-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new PostwireStack(app, 'postwire-bench', { config: stageConfig('dev') });
    const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> };
    const functions: Measured[] = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'])
      .map(([logicalId, resource]) => {
        const name = logicalId.replace(/Function[0-9A-F]{8}$/, '');
        return { name, dir: path.join(outdir, resource.Metadata!['aws:asset:path']!), request: FIRST_REQUESTS[name] };
      });
    const baselines: Measured[] = [];
    for (const [name, source] of Object.entries(BASELINES)) {
      const dir = path.join(outdir, `baseline-${baselines.length}`);
      writeFileSync(`${dir}.ts`, source);
      await build({ ...SINGLE_FILE, entryPoints: [`${dir}.ts`], outfile: path.join(dir, 'index.mjs') });
      baselines.push({ name, dir, request: name.startsWith('before') ? FIRST_REQUESTS.Api : undefined });
    }
    // Each budgeted entry as one file, the way the reference cold-start script builds it.
    const singleFiles: Measured[] = [];
    for (const [name, { entry }] of Object.entries(BUDGETS)) {
      if (!entry) continue;
      const dir = path.join(outdir, `single-${entry}`);
      await build({ ...SINGLE_FILE, entryPoints: [path.resolve('functions', `${entry}.ts`)], outfile: path.join(dir, 'index.mjs') });
      singleFiles.push({ name: `${name} (one file)`, dir });
    }
    const emptyDir = path.join(outdir, 'empty');
    await build({ ...SINGLE_FILE, stdin: { contents: 'export const handler = async () => ({});' }, outfile: path.join(emptyDir, 'index.mjs') });

    // In turns, so a busy moment of the machine falls on every bundle alike.
    const all = [{ name: 'empty', dir: emptyDir }, ...baselines, ...functions, ...singleFiles];
    const imports = new Map<string, number[]>(all.map((m) => [m.name, []]));
    const firsts = new Map<string, number[]>(all.filter((m) => m.request).map((m) => [m.name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const m of all) {
        const file = path.join(m.dir, 'index.mjs');
        imports.get(m.name)!.push(timeColdStart(file));
        if (m.request) firsts.get(m.name)!.push(timeColdStart(file, m.request));
      }
    }
    const empty = median(imports.get('empty')!);
    const floor = median(imports.get(all[1]!.name)!) - empty;
    const rows = [...baselines, ...functions, ...singleFiles].map((m) => {
      const cold = coldPathFiles(m.dir);
      const files = readdirSync(m.dir).filter((file) => file.endsWith('.mjs'));
      const bytes = (list: string[]) => list.reduce((sum, file) => sum + statSync(path.join(m.dir, file)).size, 0);
      const coldBytes = Buffer.concat(cold.map((file) => readFileSync(path.join(m.dir, file))));
      const importMs = median(imports.get(m.name)!) - empty;
      return {
        function: m.name,
        'cold path KB': round(bytes(cold) / 1024),
        'cold path gzip KB': round(gzipSync(coldBytes).length / 1024),
        'all code KB': round(bytes(files) / 1024),
        files: files.length,
        'cold import ms': round(importMs),
        '× floor': round(importMs / floor, 2),
        'cold import + first request ms': m.request ? round(median(firsts.get(m.name)!) - empty) : '',
        'first request': m.request ? `${m.request.method} ${m.request.path.replace(/a0+$/, '{id}')}` : '',
      };
    });
    printTable(`Lambda functions as deployed: cold path and cold start, median of ${RUNS} fresh processes each, minus an empty module (${round(empty)} ms)`, rows);

    const overBudget = rows.flatMap((row) => {
      const single = row.function.endsWith(' (one file)');
      const budget = BUDGETS[row.function.replace(' (one file)', '')];
      if (!budget) return [];
      // Sizes are held on the deployed split build; the ratio on the one-file build, as the reference script measures it.
      if (!single) return row['cold path KB'] > budget.coldKb ? [`${row.function}: cold path ${row['cold path KB']} KB > budget ${budget.coldKb} KB`] : [];
      return budget.floorRatio !== undefined && row['× floor'] > budget.floorRatio ? [`${row.function}: cold import ${row['× floor']} × floor > budget ${budget.floorRatio} ×`] : [];
    });
    await printComposition(outdir);
    return { overBudget };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes of these outputs by npm package (our own code as `postwire <folder>`), largest first. */
function bytesByPackage(metafile: Metafile, outputs: string[], top = 10) {
  const totals = new Map<string, number>();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output]!.inputs)) {
      const inPackage = input.split('node_modules/').pop()!;
      const name = input.includes('node_modules/') ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/') : `postwire ${input.split('/').slice(0, 2).join('/')}`;
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => `${name} ${round(bytes / 1024)}`).join(', ');
}

/** What the main API's cold path holds, and what its article group's first request adds, by package. */
async function printComposition(outdir: string) {
  const dir = path.join(outdir, 'composition');
  const metafile = await buildLambdaBundle({ entry: 'api', lazy: lazyModulesOf('main') }, dir);
  const cold = staticClosure(metafile, 'index');
  const group = new Set([...staticClosure(metafile, 'routes-articles'), ...staticClosure(metafile, 'api-app')].filter((file) => !cold.has(file)));
  printTable('The main API by package, KB (minified)', [
    { part: 'cold path (index.mjs and its chunks)', packages: bytesByPackage(metafile, [...cold]) },
    { part: 'added by the first article request (its group, the app builder, schemas)', packages: bytesByPackage(metafile, [...group]) },
  ]);
}
