/**
 * Writes shared/web/api-types.ts, the TypeScript paths of `/openapi.json`
 * (openapi-typescript), which the web app's client (openapi-fetch) is typed by.
 * Run after changing a route: `npm run api:types`. A test fails while the file
 * and the document disagree.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from './api-document.js';

export const API_TYPES_FILE = fileURLToPath(new URL('../shared/web/api-types.ts', import.meta.url));

export async function apiTypesSource(): Promise<string> {
  const ast = await openapiTS((await apiDocument()) as never, { alphabetize: true });
  return `/* eslint-disable */\n// Generated from /openapi.json by scripts/generate-api-types.ts (npm run api:types). Do not edit.\n\n${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(API_TYPES_FILE, await apiTypesSource());
  process.stdout.write(`Wrote ${API_TYPES_FILE}\n`);
}
