/**
 * Node's compile cache (`NODE_COMPILE_CACHE`, Node 22.1 or newer) against the
 * main API's cold start: the deployed build (infra/lambda-bundle.ts), its cold
 * import plus a first article request, in fresh processes taken in turns, with
 * no cache and with a cache one earlier start made. Measured to decide whether
 * to ship one (docs/PERFORMANCE.md); the project's own Node may be older, so
 * another binary can be named: `COMPILE_CACHE_NODE=/path/to/node npm run bench -- compile-cache`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLambdaBundle } from '../infra/lambda-bundle.js';
import { lazyModulesOf } from '../shared/api/route-groups.js';
import { FIRST_REQUESTS, timeColdStart } from './bundles.bench.js';
import { median, printTable, round } from './stats.js';

const RUNS = 11;

export async function runCompileCacheBench(): Promise<void> {
  const node = process.env.COMPILE_CACHE_NODE ?? process.execPath;
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 1)) {
    process.stdout.write(`\n## Compile cache\n\nNot measured: ${version} has no compile cache (Node 22.1 or newer). Name one with COMPILE_CACHE_NODE=/path/to/node.\n`);
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'postwire-compile-cache-'));
  try {
    const dir = path.join(work, 'api');
    await buildLambdaBundle({ entry: 'api', lazy: lazyModulesOf('main') }, dir);
    const file = path.join(dir, 'index.mjs');
    const cache = { NODE_COMPILE_CACHE: path.join(work, 'cache') };
    const request = FIRST_REQUESTS.Api!;
    // One start fills the cache, as a build step would have to.
    timeColdStart(file, request, { node, env: cache });
    const without: number[] = [];
    const withCache: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      without.push(timeColdStart(file, request, { node }));
      withCache.push(timeColdStart(file, request, { node, env: cache }));
    }
    printTable(`Compile cache: the main API's cold import + first request (${request.method} ${request.path.replace(/a0+$/, '{id}')}), ${version}, median of ${RUNS}`, [
      { run: 'no cache', ms: round(median(without)) },
      { run: 'cache made by an earlier start', ms: round(median(withCache)) },
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
