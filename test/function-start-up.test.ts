/**
 * Every function of the prod template (a new account's: nothing reserved)
 * started as Lambda starts it, with only what the template gives it: its own
 * bundle (infra/lambda-bundle.ts) imported in a fresh process whose
 * environment is the function's in the template, and Secrets Manager answering
 * as IAM would for that function's role. A secret the role may not read is
 * refused (AccessDeniedException), and so are the Stripe secrets, which the
 * operator creates after the first deploy: a grant by name (`name-??????`)
 * does not cover a secret that does not exist yet. A function that needs a
 * variable or a grant its template does not give it fails here, at start-up.
 * Then the HTTP functions answer a request through a local HTTP API made from
 * the template's routes, and the scheduled ones run once as their schedules
 * call them.
 *
 * What CloudFormation fills in at deploy time takes a local value: the table is
 * one made for this file in DynamoDB Local, a secret's ARN is one the stand-in
 * serves, a queue's URL is an address nothing calls at start-up, the HTTP API's
 * endpoint is the local one. Every other AWS endpoint is a closed port, so no
 * call leaves the machine. A token of a kind not listed in `resolver` stops the
 * test, naming it, rather than being guessed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { FAKETIME_VARIABLES } from '../scripts/dynamodb-local.js';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { buildLambdaBundle, type LambdaBundleSpec } from '../infra/lambda-bundle.js';
import { PostwireFunction } from '../infra/postwire-function.js';
import { createDb } from '../shared/db/client.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { articleItems, rss2 } from './support/feeds.js';
import { httpEvent } from './support/lambda-events.js';
import { SECRET_ARN_PREFIX, SECRET_ARN_SUFFIX, startSecretsManagerStub, type SecretsManagerStub } from './support/secrets-manager-stub.js';
import { synthStack, TEST_ENV } from './support/stack-templates.js';

// A synth, eleven esbuild builds and eleven cold starts on two busy cores.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/** CloudFormation's JSON as the template holds it: `any`, since every property read here is the template's own shape. */
type Json = any;
type Resources = Record<string, { Type: string; Properties?: Json }>;

/** Where every AWS service but the two stood in answers: nothing listens on the discard port. */
const NO_AWS = 'http://127.0.0.1:9';

interface TemplateFunction {
  /** The function's logical id in the template. */
  id: string;
  bundle: LambdaBundleSpec;
  /** `file.export`, as Lambda reads it. */
  handler: string;
  memorySize: number;
  timeoutSeconds: number;
  environment: Record<string, string>;
  /** Whether the function's role may call GetSecretValue on this ARN. */
  mayRead: (arn: string) => boolean;
}

interface RunningFunction {
  id: string;
  invoke(event: unknown): Promise<unknown>;
  stop(): void;
}

/** A start, and the secret ids the function asked for while starting or since. */
type StartOutcome = { lookups: string[] } & ({ ok: true; fn: RunningFunction } | { ok: false; error: string });

const table = `start-up-${randomBytes(6).toString('hex')}`;
let resources: Resources;
let functions: TemplateFunction[];
const builds = new Map<string, string>();
/** The stack's secrets as they would be generated: one value each, whichever function reads it. */
const secretValues = new Map<string, string>();
const started = new Map<string, StartOutcome>();
const stubs: SecretsManagerStub[] = [];
let gateway: Server;
let gatewayUrl: string;

beforeAll(async () => {
  gateway = createServer();
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;

  const { stack, template } = synthStack('prod');
  resources = (template.toJSON() as Json).Resources;
  const resolve = resolver(resources, { table, apiUrl: gatewayUrl });
  functions = stack.node
    .findAll()
    .filter((construct): construct is PostwireFunction => construct instanceof PostwireFunction)
    .map((construct) => {
      const id = stack.getLogicalId(construct.fn.node.defaultChild as CfnElement);
      const props = resources[id]!.Properties;
      const variables: Record<string, unknown> = props.Environment?.Variables ?? {};
      return {
        id,
        bundle: construct.bundle,
        handler: props.Handler,
        memorySize: props.MemorySize,
        timeoutSeconds: props.Timeout,
        environment: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, resolve(value)])),
        mayRead: secretsReadableBy(resources, props.Role['Fn::GetAtt'][0], resolve),
      };
    });

  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::SecretsManager::Secret') secretValues.set(secretArn(resources, id), generatedValue(resource.Properties));
  }
  await ensureTable(createDb({ tableName: table, region: TEST_ENV.region, endpoint: inject('dynamoEndpoint') }));
  // Two builds at a time: esbuild spreads each over the cores anyway.
  const entries = [...new Map(functions.map((fn) => [JSON.stringify(fn.bundle), fn.bundle])).entries()];
  await inBatches(entries, 2, async ([key, spec]) => {
    const dir = mkdtempSync(path.join(tmpdir(), `postwire-start-${spec.entry}-`));
    await buildLambdaBundle(spec, dir);
    builds.set(key, dir);
  });
  await inBatches(functions, 3, async (fn) => started.set(fn.id, await startFunction(fn)));
  gateway.on('request', httpApi(resources, (id) => running(id)));
});

afterAll(async () => {
  for (const outcome of started.values()) if (outcome.ok) outcome.fn.stop();
  await Promise.all(stubs.map((stub) => stub.close()));
  for (const dir of builds.values()) rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
});

describe('every function of the prod template, started as Lambda starts it', () => {
  it('initialises with only the environment and the secret grants its template gives it', () => {
    expect(functions.map((fn) => fn.id).sort()).toEqual(
      Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function').map(([id]) => id).sort(),
    );
    const failed = [...started].flatMap(([id, outcome]) => (outcome.ok ? [] : [{ id, error: outcome.error }]));
    expect(failed).toEqual([]);
  });

  it('is refused no secret it looks up but the Stripe keys, which payments and payouts start without', () => {
    const refused = Object.fromEntries(
      functions.map((fn) => [fn.id, started.get(fn.id)!.lookups.filter((id) => !readable(fn, id))] as const).filter(([, ids]) => ids.length > 0),
    );
    const stripe = ['postwire/prod/stripe-secret-key', 'postwire/prod/stripe-webhook-secret'];
    expect(Object.keys(refused).sort()).toEqual([idOf('payments-api'), idOf('payout-run')].sort());
    for (const ids of Object.values(refused)) expect([...ids].sort()).toEqual(stripe);
  });

  it('fails at start-up, naming the secret, when its role lacks a grant its environment needs', async () => {
    const api = functions.find((fn) => fn.id === idOf('api'))!;
    const clientAddressKey = api.environment.CLIENT_ADDRESS_KEY_SECRET_ARN!;
    const outcome = await startFunction({ ...api, mayRead: (arn) => arn !== clientAddressKey && api.mayRead(arn) });
    if (outcome.ok) outcome.fn.stop();
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining(`not authorized to perform: secretsmanager:GetSecretValue on resource: ${clientAddressKey}`) });
  });
});

describe('the HTTP API over the started functions', () => {
  const get = async (address: string) => {
    const response = await fetch(`${gatewayUrl}${address}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };

  it('lists articles from the main API, says payments are not configured, and refuses the publisher API without a key', async () => {
    const articles = await get('/v1/articles');
    expect(articles.status).toBe(200);
    expect(JSON.parse(articles.body)).toMatchObject({ items: expect.any(Array) });
    expect(await get('/v1/payments/status')).toMatchObject({ status: 200, body: JSON.stringify({ configured: false }) });
    const publisher = await get('/v1/publisher');
    expect(publisher.status).toBe(401);
  });

  it('serves the web app’s home page with an article an operator’s publisher pushed, each step through its own function', async () => {
    const adminToken = secretValues.get(functions.find((fn) => fn.id === idOf('api'))!.environment.ADMIN_TOKEN_SECRET_ARN!)!;
    const created = await fetch(`${gatewayUrl}/v1/admin/publishers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'start-up-desk', name: 'The Start-up Desk' }),
    });
    expect(created.status).toBe(201);
    const { apiKey } = (await created.json()) as { apiKey: string };
    const pushed = await fetch(`${gatewayUrl}/v1/publisher/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/rss+xml' },
      body: rss2(articleItems(1, 'start-up')),
    });
    expect(await pushed.json()).toMatchObject({ created: 1 });

    const home = await get('/');
    expect(home).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
    expect(home.body).toContain('Story number 0 from the wires');
    expect(home.body).toContain('The Start-up Desk');
  });
});

describe('the scheduled functions, run once as their schedules call them', () => {
  it('each completes with nothing due: no feeds, no newsletters, no webhooks, and payouts skipped until Stripe is set up', async () => {
    const schedules = Object.values(resources).filter((resource) => resource.Type === 'AWS::Scheduler::Schedule');
    const results = Object.fromEntries(
      await Promise.all(
        schedules.map(async ({ Properties: { Target } }) => {
          const id: string = Target.Arn['Fn::GetAtt'][0];
          return [id, await running(id).invoke(Target.Input === undefined ? {} : JSON.parse(Target.Input))] as const;
        }),
      ),
    );
    expect(results).toEqual({
      [idOf('feed-dispatcher')]: { dispatched: 0 },
      [idOf('newsletter-worker')]: { issues: 0 },
      [idOf('webhook-worker')]: { claimed: 0 },
      [idOf('payout-run')]: { paid: 0, failed: 0 },
    });
  });
});

/** The logical id of the function built from this entry. */
function idOf(entry: string): string {
  const fn = functions.find((candidate) => candidate.bundle.entry === entry);
  if (!fn) throw new Error(`No function in the template is built from functions/${entry}.ts.`);
  return fn.id;
}

function running(id: string): RunningFunction {
  const outcome = started.get(id);
  if (!outcome?.ok) throw new Error(`${id} did not start${outcome ? `: ${outcome.error}` : ''}.`);
  return outcome.fn;
}

/** Whether the role may read the secret a lookup names: by ARN for the stack's own, by name (not yet created) for the operator's. */
function readable(fn: TemplateFunction, secretId: string): boolean {
  return fn.mayRead(secretId.startsWith('arn:') ? secretId : `${SECRET_ARN_PREFIX}${secretId}`);
}

/**
 * Lambda's part, in the child: import the handler's file (its top-level await
 * is the init phase), then one invocation per message. An init that throws is
 * reported as Lambda reports it, by the error's type and message.
 */
const RUNTIME = `
import { pathToFileURL } from 'node:url';
const [file, name] = process.env._HANDLER.split('.');
let handler;
try {
  handler = (await import(pathToFileURL(process.env.LAMBDA_TASK_ROOT + '/' + file + '.mjs').href))[name];
  if (typeof handler !== 'function') throw new Error(file + '.mjs exports no function named ' + name);
} catch (error) {
  process.send({ initError: (error?.name ?? 'Error') + ': ' + (error?.message ?? String(error)) }, () => process.exit(1));
  await new Promise(() => {});
}
process.on('message', async ({ requestId, event, deadline }) => {
  const context = { awsRequestId: requestId, functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, getRemainingTimeInMillis: () => deadline - Date.now() };
  try {
    process.send({ requestId, result: (await handler(event, context)) ?? null });
  } catch (error) {
    process.send({ requestId, error: error?.stack ?? String(error) });
  }
});
process.send({ ready: true });
`;

/** One function in a fresh process, with its own Secrets Manager stand-in holding the stack's secrets behind its role's grants. */
async function startFunction(fn: TemplateFunction): Promise<StartOutcome> {
  const secrets = await startSecretsManagerStub();
  stubs.push(secrets);
  for (const [arn, value] of secretValues) secrets.stored.set(arn, value);
  secrets.mayRead = fn.mayRead;
  const env = {
    ...fn.environment,
    // What Lambda sets in every environment.
    AWS_REGION: TEST_ENV.region,
    AWS_DEFAULT_REGION: TEST_ENV.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.id,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_ACCESS_KEY_ID: 'ASIASTARTUPTEST',
    AWS_SECRET_ACCESS_KEY: 'start-up-test',
    AWS_SESSION_TOKEN: 'start-up-test',
    LAMBDA_TASK_ROOT: builds.get(JSON.stringify(fn.bundle))!,
    TZ: ':UTC',
    _HANDLER: fn.handler,
    // The local stand-ins, as the project points the SDK at them; every other service at nothing.
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
    AWS_ENDPOINT_URL: NO_AWS,
    // The clock of this process and its stand-ins, moved or not (faketime): the SDK treats a server's clock far
    // from its own as skew to correct, and retries.
    ...Object.fromEntries(FAKETIME_VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
  };
  const child = spawn(process.execPath, ['--input-type=module', '--eval', RUNTIME], { cwd: env.LAMBDA_TASK_ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const initError = await new Promise<string | undefined>((resolve) => {
    child.once('message', (message: { initError?: string }) => resolve(message.initError));
    // Gone before a word: what it printed says why.
    child.once('exit', () => resolve(output.trim() || 'exited during init'));
  });
  if (initError !== undefined) return { ok: false, error: initError, lookups: secrets.lookups };
  return { ok: true, fn: invoker(fn, child), lookups: secrets.lookups };
}

function invoker(fn: TemplateFunction, child: ChildProcess): RunningFunction {
  const pending = new Map<string, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { requestId?: string; result?: unknown; error?: string }) => {
    const waiting = message.requestId === undefined ? undefined : pending.get(message.requestId);
    if (!waiting) return;
    pending.delete(message.requestId!);
    if (message.error !== undefined) waiting.reject(new Error(`${fn.id} failed: ${message.error}`));
    else waiting.resolve(message.result);
  });
  child.on('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${fn.id} exited during an invocation.`));
  });
  let requests = 0;
  return {
    id: fn.id,
    invoke: (event) =>
      new Promise((resolve, reject) => {
        const requestId = `${fn.id}-${++requests}`;
        pending.set(requestId, { resolve, reject });
        child.send({ requestId, event, deadline: Date.now() + fn.timeoutSeconds * 1000 });
      }),
    stop: () => child.kill(),
  };
}

/** The value of a secret the stack creates, shaped as its generator would make it. */
function generatedValue(properties: Json): string {
  const generated = properties.GenerateSecretString ?? {};
  const length = generated.PasswordLength ?? 32;
  const password = randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
  if (!generated.SecretStringTemplate) return password;
  return JSON.stringify({ ...JSON.parse(generated.SecretStringTemplate), [generated.GenerateStringKey]: password });
}

function secretArn(resources: Resources, id: string): string {
  return `${SECRET_ARN_PREFIX}${resources[id]!.Properties.Name}${SECRET_ARN_SUFFIX}`;
}

/** The local value of each deploy-time token a function's environment or policy holds. */
function resolver(resources: Resources, local: { table: string; apiUrl: string }): (value: unknown) => string {
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': TEST_ENV.region, 'AWS::AccountId': TEST_ENV.account, 'AWS::URLSuffix': 'amazonaws.com' };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const token = value as Json;
    if ('Fn::Join' in token) return (token['Fn::Join'][1] as unknown[]).map(resolve).join(token['Fn::Join'][0]);
    if ('Ref' in token && token.Ref in pseudo) return pseudo[token.Ref]!;
    const [id, attribute] = 'Ref' in token ? [token.Ref as string, 'Ref'] : ((token['Fn::GetAtt'] ?? []) as string[]);
    const resource = id === undefined ? undefined : resources[id];
    switch (`${resource?.Type} ${attribute}`) {
      case 'AWS::DynamoDB::GlobalTable Ref':
        return local.table;
      case 'AWS::SecretsManager::Secret Ref':
        return secretArn(resources, id!);
      case 'AWS::SQS::Queue Ref':
        return `https://sqs.${TEST_ENV.region}.amazonaws.com/${TEST_ENV.account}/${resource!.Properties.QueueName ?? id}`;
      case 'AWS::SES::ConfigurationSet Ref':
        return resource!.Properties.Name ?? id;
      case 'AWS::ApiGatewayV2::Api ApiEndpoint':
        return local.apiUrl;
      default:
        throw new Error(`No local value for ${JSON.stringify(value)}${resource ? ` (${resource.Type})` : ''}: add its kind to resolver() in test/function-start-up.test.ts.`);
    }
  };
  return resolve;
}

/** IAM's decision for GetSecretValue from a role's policies in the template: allowed by a statement and denied by none. */
function secretsReadableBy(resources: Resources, roleId: string, resolve: (value: unknown) => string): (arn: string) => boolean {
  const role = resources[roleId]!.Properties;
  if (role.ManagedPolicyArns?.length) throw new Error(`${roleId} has managed policies, which this test does not read: read them here.`);
  const attached = Object.values(resources).filter(
    (resource) => resource.Type === 'AWS::IAM::Policy' && (resource.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId),
  );
  const statements: Json[] = [...(role.Policies ?? []), ...attached.map((policy) => policy.Properties)].flatMap((policy) => policy.PolicyDocument.Statement);
  const granting = statements
    .filter((statement) => [statement.Action].flat().some((action: string) => ['*', 'secretsmanager:*', 'secretsmanager:GetSecretValue'].includes(action)))
    .map((statement) => ({ effect: statement.Effect as string, resources: [statement.Resource].flat().map((pattern) => iamPattern(resolve(pattern))) }));
  return (arn) => {
    const applying = granting.filter((statement) => statement.resources.some((pattern) => pattern.test(arn)));
    return applying.some((statement) => statement.effect === 'Allow') && !applying.some((statement) => statement.effect === 'Deny');
  };
}

/** An IAM resource pattern: `*` any run of characters, `?` exactly one. */
function iamPattern(pattern: string): RegExp {
  return new RegExp(`^${escaped(pattern).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** Text matched literally in a regular expression (`*` and `?` kept for iamPattern). */
function escaped(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/**
 * The HTTP API as the template routes it: the most specific route matching the
 * method and path (no greedy variable before a greedy one, then the most literal
 * text), else `$default`; each request handed to its function as a payload 2.0 event.
 */
function httpApi(resources: Resources, fnOf: (id: string) => RunningFunction) {
  const integrations = new Map(
    Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::ApiGatewayV2::Integration')
      .map(([id, resource]) => [id, resource.Properties.IntegrationUri['Fn::GetAtt'][0] as string]),
  );
  const routes = Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
    .map(({ Properties: { RouteKey, Target } }) => {
      const fnId = integrations.get((Target['Fn::Join'][1] as Json[]).find((part) => part.Ref).Ref)!;
      const key = RouteKey as string;
      if (key === '$default') return { key, method: 'ANY', pattern: /.*/, greedy: 2, literal: 0, fnId };
      const [method, routePath] = key.split(' ') as [string, string];
      const segments = routePath.split('/').map((segment) => (/^\{.+\+\}$/.test(segment) ? '.+' : /^\{.+\}$/.test(segment) ? '[^/]+' : escaped(segment)));
      return { key, method, pattern: new RegExp(`^${segments.join('/')}$`), greedy: routePath.includes('+}') ? 1 : 0, literal: routePath.replace(/\{[^}]+\}/g, '').length, fnId };
    });
  return (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', async () => {
      const url = new URL(request.url!, 'http://local');
      const method = request.method!;
      const route = routes
        .filter((candidate) => (candidate.method === 'ANY' || candidate.method === method) && candidate.pattern.test(url.pathname))
        .sort((a, b) => a.greedy - b.greedy || b.literal - a.literal)[0]!;
      const { cookie, ...headers } = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, [value].flat().join(',')]));
      const event = httpEvent(method, `${url.pathname}${url.search}`, headers, chunks.length ? Buffer.concat(chunks).toString() : undefined);
      event.routeKey = event.requestContext.routeKey = route.key;
      if (cookie) event.cookies = cookie.split('; ');
      try {
        const result = (await fnOf(route.fnId).invoke(event)) as APIGatewayProxyResultV2;
        const answer: APIGatewayProxyStructuredResultV2 = typeof result === 'object' && result !== null && 'statusCode' in result ? result : { statusCode: 200, body: JSON.stringify(result) };
        const outHeaders: Record<string, string | string[]> = { ...(answer.headers as Record<string, string>) };
        if (answer.cookies?.length) outHeaders['set-cookie'] = answer.cookies;
        response.writeHead(answer.statusCode ?? 200, outHeaders).end(answer.isBase64Encoded ? Buffer.from(answer.body ?? '', 'base64') : (answer.body ?? ''));
      } catch (error) {
        // API Gateway's answer when the integration fails; the function's own error is in the test's output.
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Internal Server Error', error: (error as Error).message }));
      }
    });
  };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}
