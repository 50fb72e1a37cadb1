/**
 * The API's own description as a validating proxy: every response the tests
 * receive from the API is matched to its operation in `/openapi.json`, and its
 * status and JSON body are checked against what that operation documents
 * (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it). Paths outside the
 * document (web pages, unknown routes) are not the contract's business.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Media = { schema?: object };
type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, Media> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

const DOCUMENT_ID = 'https://postwire.invalid/openapi.json';

export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly routes: Array<{ method: string; template: string; pattern: RegExp; operation: Operation }> = [];

  constructor(document: Document) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    for (const [template, methods] of Object.entries(document.paths)) {
      // Literal segments before parameters, so /v1/articles/by-url is not read as /v1/articles/{id}.
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(methods)) this.routes.push({ method, template, pattern, operation });
    }
    this.routes.sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  /** What is wrong with this response by the document, or nothing. */
  check(method: string, url: string, status: number, contentType: string | null, body: string): string[] {
    const path = new URL(url, 'http://x').pathname;
    const route = this.routes.find((candidate) => candidate.method === method.toLowerCase() && candidate.pattern.test(path));
    if (!route) return [];
    const at = `${method.toUpperCase()} ${route.template} → ${status}`;
    const documented = route.operation.responses?.[String(status)];
    if (!documented) return [`${at}: status not documented (${route.operation.operationId})`];
    const json = documented.content?.['application/json'];
    if (!json?.schema || !contentType?.includes('application/json')) return [];
    const pointer = `#/paths/${route.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = this.ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
    if (!validate) return [`${at}: schema not found`];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [`${at}: body is not JSON`];
    }
    return validate(parsed) ? [] : [`${at}: body does not match: ${this.ajv.errorsText(validate.errors)}`];
  }
}

/** Every contract problem seen in this test file; test/support/contract-setup.ts fails the file on any. */
export const contractViolations: string[] = [];

/**
 * The app's fetch with every answer checked against the document that same
 * app serves at /openapi.json (the "validating proxy").
 */
export function checkedByContract(app: { fetch: (request: Request, ...rest: never[]) => Response | Promise<Response> }): void {
  const fetchApp = app.fetch.bind(app);
  let contract: Promise<ApiContract> | undefined;
  app.fetch = (async (request: Request, ...rest: never[]) => {
    const response = await fetchApp(request, ...rest);
    contract ??= Promise.resolve(fetchApp(new Request('http://postwire.internal/openapi.json') as Request, ...rest)).then(async (served) => new ApiContract((await served.json()) as Document));
    const problems = (await contract).check(request.method, request.url, response.status, response.headers.get('content-type'), await response.clone().text());
    contractViolations.push(...problems);
    return response;
  }) as typeof app.fetch;
}
