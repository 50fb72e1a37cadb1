/**
 * Builds one Lambda function's code with esbuild: the entry as `index.mjs`, each
 * lazy module it may load (shared/lazy-modules.ts) as `<name>.mjs`, and the code
 * they share in chunks, all in one flat folder. Code splitting is why this is
 * ours and not NodejsFunction's (which writes a single file): a cold start
 * compiles `index.mjs` and its chunks only, and a route group's code arrives
 * with the first request that needs it.
 *
 * CDK bundles synchronously and esbuild's plugins need its asynchronous API, so
 * infra/postwire-function.ts runs this file in a child process; the bundle
 * bench imports it to build the same way.
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { LAZY_MODULES, type LazyModuleName } from '../shared/lazy-modules.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LambdaBundleSpec {
  /** File under functions/, without extension. */
  entry: string;
  /** The lazy modules this function loads; each becomes `<name>.mjs`. */
  lazy: readonly LazyModuleName[];
  /** Files of installed packages to place beside the bundle, e.g. Swagger UI's assets. */
  packageFiles?: { packageName: string; files: string[]; into: string } | undefined;
}

/**
 * zod's classic namespace re-exports its 60-odd locales, and `@hono/zod-openapi`
 * passes that namespace around whole, so a bundler keeps them all. Our messages
 * are English: this keeps English only (about 200 KB less in a route group's chunk).
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: PROJECT_ROOT }));
  },
};

export function lambdaBuildOptions(spec: LambdaBundleSpec, outdir: string): BuildOptions {
  const entryPoints: Record<string, string> = { index: path.join(PROJECT_ROOT, 'functions', `${spec.entry}.ts`) };
  for (const name of spec.lazy) entryPoints[name] = path.join(PROJECT_ROOT, 'shared', `${LAZY_MODULES[name]}.ts`);
  return {
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    sourcemap: true,
    // The source text is in the repository; maps without it are a third the size and load faster.
    sourcesContent: false,
    mainFields: ['module', 'main'],
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    // CommonJS dependencies (rss-parser, sanitize-html) call require() inside ESM.
    banner: { js: "import { createRequire as __postwireRequire } from 'module'; const require = __postwireRequire(import.meta.url);" },
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
    // The AWS SDK is bundled too: a pinned, tree-shaken copy starts faster than the runtime's.
    external: [],
  };
}

export async function buildLambdaBundle(spec: LambdaBundleSpec, outdir: string): Promise<Metafile> {
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({ ...lambdaBuildOptions(spec, outdir), metafile: true });
  if (spec.packageFiles) {
    const { packageName, files, into } = spec.packageFiles;
    mkdirSync(path.join(outdir, into), { recursive: true });
    for (const file of files) cpSync(path.join(PROJECT_ROOT, 'node_modules', packageName, file), path.join(outdir, into, file));
  }
  return metafile!;
}

/** The output named `<name>.mjs` and every chunk it imports statically, transitively: what loading it compiles and runs. */
export function staticClosure(metafile: Metafile, name: string): Set<string> {
  const start = Object.keys(metafile.outputs).find((file) => file.endsWith(`/${name}.mjs`));
  if (!start) throw new Error(`No ${name}.mjs in this build.`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(start);
  return seen;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [specJson, outdir] = process.argv.slice(2);
  await buildLambdaBundle(JSON.parse(specJson!) as LambdaBundleSpec, outdir!);
}
