/**
 * The API description as API tooling judges it: Redocly's recommended rules
 * and Spectral's oas ruleset report no error, and every operation carries an
 * example that its own schema accepts.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from '../scripts/api-document.js';

type Media = { schema?: object; example?: unknown };
type Operation = { operationId: string; requestBody?: { content?: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> };

let document: { paths: Record<string, Record<string, Operation>> };
let text: string;

beforeAll(async () => {
  document = (await apiDocument()) as typeof document;
  text = JSON.stringify(document, null, 2);
});

describe('the OpenAPI document, linted', () => {
  it('has no error under Redocly\'s recommended rules', async () => {
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)).toEqual([]);
  });

  it('has no error under Spectral\'s oas ruleset', async () => {
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'all']] } as never);
    const results = await spectral.run(new spectralCore.Document(text, Json));
    expect(results.filter((result) => result.severity === 0).map((result) => `${result.code}: ${result.message} at ${result.path.join('.')}`)).toEqual([]);
  });

  it('shows an example on every operation, and each example is what its schema describes', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ ...document, $id: 'https://postwire.invalid/openapi.json' });
    const missing: string[] = [];
    const invalid: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
        const media = [...Object.entries(operation.requestBody?.content ?? {}).map(([type, body]) => ['requestBody', type, body] as const), ...Object.entries(success?.[1].content ?? {}).map(([type, body]) => [`responses/${success![0]}`, type, body] as const)];
        const json = media.filter(([, type]) => type.includes('json'));
        if (success?.[1].content && json.length === 0 && media.length === 0) missing.push(`${method} ${path}`);
        if (media.length > 0 && media.every(([, , body]) => body.example === undefined)) missing.push(`${method} ${path}`);
        for (const [where, type, body] of json) {
          const pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/${where}/content/${type.replace(/\//g, '~1')}/schema`;
          const validate = ajv.getSchema(`https://postwire.invalid/openapi.json${pointer}`)!;
          if (!validate(body.example)) invalid.push(`${operation.operationId} ${where}: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(invalid).toEqual([]);
  });
});
