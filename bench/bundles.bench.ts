/**
 * What each Lambda ships: the minified bundles the CDK app builds (synthesised
 * here into a temporary folder, offline), their size raw and gzipped, and the
 * median cold import time over fresh Node processes. Baselines in the same run:
 * a handler that only creates the DynamoDB document client (the floor every
 * function pays), and Express + serverless-http with the same client (the
 * usual way to put a web framework on Lambda). Budgets make a regression visible as a failed `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { PostwireStack } from '../infra/postwire-stack.js';
import { stageConfig } from '../infra/stage-config.js';
import { median, printTable, round } from './stats.js';

/**
 * Budgets in KB: today's size plus a little headroom, so growth is a decision, not an accident.
 * The main API carries neither the feed parser nor Stripe; those live in PublisherApi and PaymentsApi.
 */
export const BUDGETS_KB: Record<string, number> = {
  // +57 KB and +49 KB on 2026-11-30: the embed's routes, entitlement signing, the API document's examples
  // (openapi-sampler, 16 KB) and Swagger UI's local serving. Issue 17 (cold start) takes these down again.
  // +38 KB on 2026-11-30 (issue 14): the account lifecycle (export, deletion, address change, mail
  // preferences) and the readers' newsletter routes, with their schemas. Issue 17 takes the main API down.
  Api: 1150,
  // +27 KB on 2026-11-30 (issues 14, 15): the newsletter and webhook routes.
  PublisherApi: 1600,
  PaymentsApi: 1300,
  FeedDispatcher: 480,
  FeedWorker: 950,
  FanOutWorker: 450,
  // SES, SQS and the suppression list; the newsletter worker adds the mail templates (hono/jsx) and the access decision.
  MailWorker: 520,
  NewslettersWorker: 500,
  // The address guard and an HTTP client of Node's own; no SDK beyond DynamoDB and SQS.
  WebhooksWorker: 480,
  // Pages and forms over the API's public address: hono, its JSX renderer, the Secrets Manager client; no table, no zod-openapi.
  Web: 500,
};
const IMPORT_RUNS = 7;

/** The options `NodejsFunction` bundles with (infra/postwire-function.ts), for the builds made here. */
const BUNDLE_OPTIONS = {
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

/**
 * zod's classic namespace re-exports all its locales; `@hono/zod-openapi` passes that namespace
 * around whole, so a bundler must keep every locale. This plugin keeps only English.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /locales\/index\.js$/ }, (args) => (args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: process.cwd() }));
  },
};
/** The targets the infrastructure work set for the main API on the reference machine. */
const API_TARGETS = { importMs: 120, bundleKb: 450 };

function importTimeMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ADMIN_TOKEN: 'bench-admin-token-123456', TABLE_NAME: 'bench', AWS_REGION: 'us-east-1', FEED_QUEUE_URL: 'http://127.0.0.1:1/q', API_URL: 'http://127.0.0.1:1', JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123', NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
  });
  return Number(output);
}

/** The bundle's output bytes grouped by npm package (our own code by top folder). */
async function bytesByPackage(entry: string, outfile: string, top = 12) {
  const { metafile } = await build({ ...BUNDLE_OPTIONS, entryPoints: [path.resolve(entry)], outfile, metafile: true });
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0]!.inputs)) {
    const inPackage = input.split('node_modules/').pop()!;
    const name = input.includes('node_modules/') ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/') : `postwire ${input.split('/')[0]}/`;
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => ({ package: name, KB: round(bytes / 1024) }));
}

function measure(name: string, file: string) {
  const bytes = readFileSync(file);
  const times = Array.from({ length: IMPORT_RUNS }, () => importTimeMs(file));
  return { function: name, 'bundle KB': round(bytes.length / 1024), 'gzip KB': round(gzipSync(bytes).length / 1024), 'median cold import ms': round(median(times)) };
}

export async function runBundleBench(): Promise<{ overBudget: string[] }> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'postwire-synth-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new PostwireStack(app, 'postwire-bench', { config: stageConfig('dev') });
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> };
    const rows = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'])
      .map(([logicalId, resource]) => {
        const name = logicalId.replace(/Function[0-9A-F]{8}$/, '');
        return measure(name, path.join(outdir, resource.Metadata!['aws:asset:path']!, 'index.mjs'));
      });

    const source = (file: string) => JSON.stringify(path.resolve(file));
    const baselines: Record<string, string | { source: string; plugins: Plugin[] }> = {
      // What the API was before it was split: one function serving every route, Stripe and the feed parser included.
      'baseline: one function serving every route': `import { httpHandler } from ${source('functions/http-handler.ts')};\nimport { ALL_ROUTES } from ${source('shared/api/all-routes.ts')};\nexport const handler = await httpHandler('postwire-api', ALL_ROUTES);\n`,
      'baseline: DynamoDB document client only':
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => ({ ok: Boolean(doc) });\n",
      'baseline: Express + serverless-http + the same client':
        "import express from 'express';\nimport serverless from 'serverless-http';\nimport { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nconst app = express();\napp.use(express.json());\napp.get('/health', (_req, res) => { res.json({ ok: Boolean(doc) }); });\nexport const handler = serverless(app);\n",
      // What dropping zod's 63 unused locales would save (the custom bundling we did not adopt).
      'variant: main API with only zod’s English locale': { source: `export { handler } from ${source('functions/api.ts')};\n`, plugins: [zodEnglishOnly] },
    };
    for (const [name, variant] of Object.entries(baselines)) {
      const entry = path.join(outdir, `${name.length}-baseline.ts`);
      writeFileSync(entry, typeof variant === 'string' ? variant : variant.source);
      const outfile = path.join(outdir, `${name.length}-baseline`, 'index.mjs');
      await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile, plugins: typeof variant === 'string' ? [] : variant.plugins });
      statSync(outfile);
      rows.push(measure(name, outfile));
    }

    printTable(`Lambda bundles (minified ESM, AWS SDK bundled) and cold import time, median of ${IMPORT_RUNS} fresh processes`, rows);
    printTable('Where the main API bundle’s bytes go (esbuild metafile, minified), largest first', await bytesByPackage('functions/api.ts', path.join(outdir, 'api-metafile.mjs')));
    const api = rows.find((row) => row.function === 'Api')!;
    process.stdout.write(
      `\nMain API against its targets: import ${api['median cold import ms']} ms (target < ${API_TARGETS.importMs} ms: ${api['median cold import ms'] < API_TARGETS.importMs ? 'met' : 'NOT met'}), ` +
        `bundle ${api['bundle KB']} KB (target < ${API_TARGETS.bundleKb} KB: ${api['bundle KB'] < API_TARGETS.bundleKb ? 'met' : 'NOT met'}).\n`,
    );
    const overBudget = rows
      .filter((row) => BUDGETS_KB[row.function] !== undefined && row['bundle KB'] > BUDGETS_KB[row.function]!)
      .map((row) => `${row.function}: ${row['bundle KB']} KB > budget ${BUDGETS_KB[row.function]} KB`);
    return { overBudget };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
