/**
 * Swagger UI's script and stylesheet, served by postwire itself so `/docs`
 * works offline and loads nothing from a CDN. In Lambda the two files sit
 * beside the bundle (copied at bundling, infra/postwire-function.ts);
 * elsewhere they are read from the installed `swagger-ui-dist` package. Read
 * on first request, never at cold start.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SWAGGER_UI_FILES = { 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8', 'swagger-ui.css': 'text/css; charset=utf-8' } as const;
export type SwaggerUiFile = keyof typeof SWAGGER_UI_FILES;

/** The folder beside a Lambda bundle that holds the copied files. */
export const BUNDLED_SWAGGER_DIR = 'swagger-ui';

function swaggerUiDir(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), BUNDLED_SWAGGER_DIR);
  if (existsSync(beside)) return beside;
  return path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

const cache = new Map<SwaggerUiFile, Promise<string>>();

export function swaggerUiFile(name: SwaggerUiFile): Promise<string> {
  let body = cache.get(name);
  if (!body) {
    body = readFile(path.join(swaggerUiDir(), name), 'utf8');
    cache.set(name, body);
  }
  return body;
}
