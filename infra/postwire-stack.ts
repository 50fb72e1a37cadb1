/**
 * The postwire stack: one DynamoDB table, the API and the web app behind an HTTP API, feed
 * polling (Scheduler → dispatcher → SQS → worker, with a DLQ), timeline fan-out
 * from the table's stream, plus the alarms that matter for those.
 */
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CorsHttpMethod, DomainName, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, GLOBAL_INDEX_PROJECTION, TABLE_KEY, TTL_ATTRIBUTE } from '../shared/db/table-schema.js';
import { POST_ITEM_TYPE } from '../shared/social/post.js';
import { PAYMENT_ROUTES, PUBLISHER_ROUTES } from '../shared/api/route-sets.js';
import { lazyModulesOf, type ApiFunction } from '../shared/api/route-groups.js';
import { provisionedConcurrencyOutputs } from './provisioned-concurrency.js';
import { API_ROUTE_PATHS } from '../shared/web/site-paths.js';
import { MailDelivery, MAIL_TIMEOUT } from './mail-delivery.js';
import { NewsletterDelivery, NEWSLETTER_TIMEOUT } from './newsletter-delivery.js';
import { WebhookDelivery, WEBHOOK_TIMEOUT } from './webhook-delivery.js';
import { NEWSLETTER_JOB_MARGIN_MS, WEBHOOK_DELIVERY_MARGIN_MS } from '../shared/job-margins.js';
import { Monitoring } from './monitoring.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import { PostwireFunction, type PostwireFunctionProps } from './postwire-function.js';
import { BUNDLED_SWAGGER_DIR, SWAGGER_UI_FILES } from '../shared/api/docs-assets.js';
import { parkingQueue, WorkQueue } from './work-queue.js';
import type { StageConfig } from './stage-config.js';

export interface PostwireStackProps extends StackProps {
  config: StageConfig;
}

const API_TIMEOUT = Duration.seconds(29);

/** The HTTP API's access log line (JSON). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationErrorMessage: '$context.integrationErrorMessage',
  sourceIp: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
};
const DISPATCHER_TIMEOUT = Duration.seconds(60);
const WORKER_TIMEOUT = Duration.seconds(60);
const FANOUT_TIMEOUT = Duration.seconds(120);
const PAYOUT_TIMEOUT = Duration.minutes(5);

export class PostwireStack extends Stack {
  constructor(scope: Construct, id: string, props: PostwireStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Not on the dashboard: CloudFormation added dashboard tags only lately, and cfn-lint's schema (1.51) still refuses them.
    const tagged = { excludeResourceTypes: ['AWS::CloudWatch::Dashboard'] };
    Tags.of(this).add('app', 'postwire', tagged);
    Tags.of(this).add('stage', config.stage, tagged);

    const table = new TableV2(this, 'Table', {
      tableName: `postwire-${config.stage}`,
      partitionKey: { name: TABLE_KEY.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sort, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.tableRemovalPolicy,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: TableEncryptionV2.awsManagedKey(),
      globalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...GLOBAL_INDEX_PROJECTION],
      })),
    });

    const adminToken = new Secret(this, 'AdminToken', {
      removalPolicy: config.retainedResourcesPolicy,
      secretName: `postwire/${config.stage}/admin-token`,
      description: 'Operator bearer token for /v1/admin',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const cursorSecret = new Secret(this, 'CursorSecret', {
      removalPolicy: config.retainedResourcesPolicy,
      secretName: `postwire/${config.stage}/cursor-secret`,
      description: 'HMAC key that signs pagination cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    const jwtSecret = new Secret(this, 'JwtSecret', {
      removalPolicy: config.retainedResourcesPolicy,
      secretName: `postwire/${config.stage}/jwt-secret`,
      description: 'HMAC key that signs reader tokens (HS256)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const { queue: feedJobs, deadLetters } = new WorkQueue(this, 'FeedJobs', { name: `postwire-${config.stage}-feed-jobs`, consumerTimeout: WORKER_TIMEOUT });
    // The table's stream, not the writers, drives timeline fan-out.
    const environment = { TABLE_NAME: table.tableName, FEED_ALLOW_PRIVATE_HOSTS: 'false', TIMELINE_FANOUT: 'stream' };
    const shared = { logRetention: config.logRetention, tracing: config.tracing, logRemovalPolicy: config.retainedResourcesPolicy };
    const reserved = config.reservedConcurrency;
    // Where a scheduled invocation goes when its few retries failed, kept 14 days for an operator (docs/OPERATIONS.md).
    const scheduleFailures = parkingQueue(this, 'ScheduleFailures', {
      name: `postwire-${config.stage}-schedule-failures`,
      why: 'This queue is the schedules\' dead-letter queue: EventBridge Scheduler puts invocations there that failed their retries; nothing consumes it.',
    });

    // Three functions serve the HTTP API, each only what it needs to carry (shared/api/route-sets.ts), and each reads
    // only the keys its route groups use: the operator token (admin routes), the cursor key (paged lists: the main API's,
    // and the publisher's payouts) and the reader-token key (reader routes, payments' checkout among them).
    const apiKeys: Record<ApiFunction, Array<[variable: string, secret: Secret]>> = {
      main: [['ADMIN_TOKEN_SECRET_ARN', adminToken], ['CURSOR_SECRET_ARN', cursorSecret], ['JWT_SECRET_ARN', jwtSecret]],
      publisher: [['CURSOR_SECRET_ARN', cursorSecret]],
      payments: [['JWT_SECRET_ARN', jwtSecret]],
    };
    const httpFunction = (
      id: string,
      entry: string,
      routes: ApiFunction,
      description: string,
      memorySize: number,
      extra: Record<string, string> = {},
      packageFiles?: PostwireFunctionProps['packageFiles'],
    ) => {
      // Each route group is built as its own file, loaded with its first request (shared/api/lazy-app.ts).
      const lazy = lazyModulesOf(routes);
      const keys = Object.fromEntries(apiKeys[routes].map(([variable, secret]) => [variable, secret.secretArn]));
      const fn = new PostwireFunction(this, id, { ...shared, entry, description, memorySize, timeout: API_TIMEOUT, environment: { ...environment, ...keys, ...extra }, packageFiles, lazy });
      table.grantReadWriteData(fn.fn);
      for (const [, secret] of apiKeys[routes]) secret.grantRead(fn.fn);
      return fn;
    };
    // The main API serves /docs; Swagger UI's two files travel beside its bundle, read only when /docs is opened.
    const api = httpFunction('Api', 'api', 'main', 'postwire HTTP API (Hono): readers, articles, social, operators', 1024, {}, {
      packageName: 'swagger-ui-dist',
      files: Object.keys(SWAGGER_UI_FILES),
      into: BUNDLED_SWAGGER_DIR,
    });
    // Seeds of the keys that sign entitlement tokens; rotation is a new seed in front of the old (docs/OPERATIONS.md).
    const entitlementKeys = new Secret(this, 'EntitlementKeys', {
      removalPolicy: config.retainedResourcesPolicy,
      secretName: `postwire/${config.stage}/entitlement-keys`,
      description: 'Seeds of the ES256 keys that sign entitlement tokens (JSON: {kid, seed} or a list, the signing key first)',
      generateSecretString: { secretStringTemplate: JSON.stringify({ kid: `${config.stage}-1` }), generateStringKey: 'seed', passwordLength: 48, excludePunctuation: true },
    });
    entitlementKeys.grantRead(api.fn);
    api.fn.addEnvironment('ENTITLEMENT_KEYS_SECRET_ARN', entitlementKeys.secretArn);
    const publisherApi = httpFunction('PublisherApi', 'publisher-api', 'publisher', 'postwire publisher API: settings, feeds and pushes', 1024, {
      // Lambda takes at most 6 MB per synchronous request; refuse larger pushes with our own 413.
      MAX_BODY_BYTES: String(4 * 1024 * 1024),
    });
    const paymentsApi = httpFunction('PaymentsApi', 'payments-api', 'payments', 'postwire payments: Stripe Checkout and webhooks', 512);
    const payoutRun = new PostwireFunction(this, 'PayoutRun', {
      ...shared,
      reservedConcurrency: reserved?.payoutRun,
      entry: 'payout-run',
      description: 'Pays publishers their available earnings by Stripe transfer, daily',
      memorySize: 512,
      timeout: PAYOUT_TIMEOUT,
      environment,
    });
    // It lists payout accounts, sums earnings, and claims and records payouts; nothing else.
    table.grant(payoutRun.fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem');
    new Schedule(this, 'DailyPayouts', {
      scheduleName: `postwire-${config.stage}-daily-payouts`,
      description: 'One payout run a day; a run again the same day pays nothing twice',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '3' }),
      target: new LambdaInvoke(payoutRun.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1), deadLetterQueue: scheduleFailures }),
    });
    if (config.payments) {
      // Not in the template: the operator creates them with the real keys (docs/OPERATIONS.md), so no later
      // update of this stack can overwrite a stored key. Until they exist, payments stay off.
      for (const [name, variable] of [
        ['stripe-secret-key', 'STRIPE_SECRET_KEY_SECRET_ID'],
        ['stripe-webhook-secret', 'STRIPE_WEBHOOK_SECRET_SECRET_ID'],
      ] as const) {
        const secretName = `postwire/${config.stage}/${name}`;
        const secret = Secret.fromSecretNameV2(this, `Stripe-${name}`, secretName);
        for (const fn of [paymentsApi.fn, payoutRun.fn]) {
          secret.grantRead(fn);
          fn.addEnvironment(variable, secretName);
        }
      }
    }

    const dispatcher = new PostwireFunction(this, 'FeedDispatcher', {
      ...shared,
      reservedConcurrency: reserved?.dispatcher,
      entry: 'feed-dispatcher',
      description: 'Claims due feeds and queues them',
      memorySize: 256,
      timeout: DISPATCHER_TIMEOUT,
      environment: { ...environment, FEED_QUEUE_URL: feedJobs.queueUrl },
    });
    // It reads the "due" index and claims feeds with conditional updates, and turns free the articles due (update, then delete the sweep item); nothing else.
    table.grant(dispatcher.fn, 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem');
    feedJobs.grantSendMessages(dispatcher.fn);

    const worker = new PostwireFunction(this, 'FeedWorker', {
      ...shared,
      reservedConcurrency: reserved?.feedWorker,
      entry: 'feed-worker',
      // The parser and sanitiser load with the first feed that changed; a 304 needs neither.
      lazy: ['feed-document'],
      description: 'Fetches, parses and stores one feed per message',
      memorySize: 1024,
      timeout: WORKER_TIMEOUT,
      environment,
    });
    table.grantReadWriteData(worker.fn);
    worker.fn.addEventSource(
      new SqsEventSource(feedJobs, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: Math.max(2, config.feedWorkerConcurrency) }),
    );

    const fanOutWorker = new PostwireFunction(this, 'FanOutWorker', {
      ...shared,
      reservedConcurrency: reserved?.fanOutWorker,
      entry: 'fanout-worker',
      description: "Copies new posts into followers' timelines and rolls up publisher stats",
      memorySize: 512,
      timeout: FANOUT_TIMEOUT,
      environment,
    });
    // It reads an author's follower count and followers, writes timeline entries and publisher posts (conditional puts),
    // and adds earnings and gift events to the stats rollup (transactions of updates that mark each entry counted); nothing else.
    table.grant(fanOutWorker.fn, 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    // Where a batch goes after every retry failed: its place in the stream, for the replay script.
    const fanOutFailures = parkingQueue(this, 'FanOutFailures', {
      name: `postwire-${config.stage}-fanout-failures`,
      why: 'This queue is the stream consumer\'s on-failure destination, a dead-letter queue in all but name: nothing consumes it but the replay script.',
    });
    fanOutWorker.fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        parallelizationFactor: 2,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        // Records older than this go to the failure queue while the stream (24 h) still holds them for a replay.
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(fanOutFailures),
        // Only new posts, announced new articles, earnings entries, gift events, new entitlements and subscription changes (webhook events)
        // wake the worker: likes, follows, wallet ledgers, timelines and article updates never invoke it. Lambda takes five
        // filters per mapping unless asked for more, so item types that wake it the same way share one filter.
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.or('earning', 'gift_event', POST_ITEM_TYPE, 'entitlement') } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.isEqual('article') }, announceRank: { N: FilterRule.exists() } } } }),
          // A subscription made or changed (any event with a new image), and one deleted (only the old image says what it was).
          FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual('subscription') } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('REMOVE'), dynamodb: { OldImage: { type: { S: FilterRule.isEqual('subscription') } } } }),
        ],
      }),
    );

    new Schedule(this, 'FeedDispatchSchedule', {
      scheduleName: `postwire-${config.stage}-feed-dispatch`,
      description: 'Looks for feeds whose next fetch is due',
      schedule: ScheduleExpression.rate(config.feedDispatchRate),
      // A dispatch missed is made up by the next one a minute later: two quick retries, then the dead-letter queue.
      target: new LambdaInvoke(dispatcher.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(2), deadLetterQueue: scheduleFailures }),
    });

    // The web app's function: pages for readers and publishers. It calls the API at its public address (asking it whether card
    // payments are set up) and holds the reader-token key and the client-address key below.
    const web = new PostwireFunction(this, 'Web', {
      ...shared,
      entry: 'web',
      description: 'postwire web app: server-rendered pages over the public API',
      memorySize: 512,
      timeout: API_TIMEOUT,
      environment: { JWT_SECRET_ARN: jwtSecret.secretArn },
    });
    jwtSecret.grantRead(web.fn);
    // The web function calls the API from its own address for every reader: it vouches for each reader's address with this key, which only it and the main API hold (shared/client-address.ts).
    const clientAddressKey = new Secret(this, 'ClientAddressKey', {
      removalPolicy: config.retainedResourcesPolicy,
      secretName: `postwire/${config.stage}/client-address-key`,
      description: 'HMAC key with which the web function vouches for readers\' addresses to the main API (sign-up limits per address)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    for (const fn of [api.fn, web.fn]) {
      clientAddressKey.grantRead(fn);
      fn.addEnvironment('CLIENT_ADDRESS_KEY_SECRET_ARN', clientAddressKey.secretArn);
    }

    const httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `postwire-${config.stage}`,
      // Every path the API does not claim is a page (shared/web/site-paths.ts).
      defaultIntegration: new HttpLambdaIntegration('WebIntegration', web.fn),
      // The stage is added below, with throttling.
      createDefaultStage: false,
      corsPreflight: config.corsOrigins.length
        ? { allowOrigins: config.corsOrigins, allowMethods: [CorsHttpMethod.ANY], allowHeaders: ['authorization', 'content-type', 'idempotency-key'] }
        : undefined,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention, removalPolicy: config.retainedResourcesPolicy });
    const domainName = config.domain
      ? new DomainName(this, 'ApiDomain', {
          domainName: config.domain.name,
          certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', config.domain.certificateArn),
        })
      : undefined;
    httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      // One JSON line per request, as docs/OPERATIONS.md promises and Logs Insights reads.
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)) },
      ...(domainName ? { domainMapping: { domainName } } : {}),
    });
    // One invoke permission per function for this API, not one per route: a function's resource policy holds 20 KB,
    // about 40 route-scoped permissions, and each function is reachable only through its own routes anyway.
    const apiIntegration = new HttpLambdaIntegration('ApiIntegration', api.fn, { scopePermissionToRoute: false });
    for (const path of API_ROUTE_PATHS) httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: apiIntegration });
    for (const [fn, routes] of [
      [publisherApi, PUBLISHER_ROUTES],
      [paymentsApi, PAYMENT_ROUTES],
    ] as const) {
      const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn.fn, { scopePermissionToRoute: false });
      for (const route of routes) httpApi.addRoutes({ path: route.path, methods: [route.method.toUpperCase() as HttpMethod], integration });
    }
    // Items with no web page of their own link to their article page here (functions that ingest feeds).
    const publicUrl = config.domain ? `https://${config.domain.name}` : httpApi.apiEndpoint;
    for (const linking of [api, publisherApi, worker, web]) linking.fn.addEnvironment('PUBLIC_URL', publicUrl);
    // Stripe sends readers and publishers back to the web app of this stage, never to localhost.
    for (const [variable, page] of [
      ['CHECKOUT_SUCCESS_URL', '/wallet?m=checkout_done'],
      ['CHECKOUT_CANCEL_URL', '/wallet'],
      ['CONNECT_RETURN_URL', '/publisher'],
      ['CONNECT_REFRESH_URL', '/publisher'],
    ] as const) paymentsApi.fn.addEnvironment(variable, `${publicUrl}${page}`);
    web.fn.addEnvironment('API_URL', publicUrl);
    if (domainName) new CfnOutput(this, 'ApiDomainTarget', { value: domainName.regionalDomainName, description: 'Point a CNAME (or alias) for the custom domain here' });

    const mail = new MailDelivery(this, 'Mail', { stage: config.stage, mailDomain: config.mailDomain, mailFrom: config.mailFrom, table, environment, shared, reservedConcurrency: reserved?.mailWorker });
    // The API makes the account mail (sign-up confirmation) and writes it to the table; the stream does the rest.
    api.fn.addEnvironment('MAIL_OUTBOX', 'table');
    api.fn.addEnvironment('MAIL_FROM', mail.from);
    const newsletters = new NewsletterDelivery(this, 'Newsletters', {
      stage: config.stage,
      table,
      jwtSecret,
      mailQueue: mail.queue.queue,
      environment: { ...environment, PUBLIC_URL: publicUrl },
      shared,
      reservedConcurrency: reserved?.newsletterWorker,
      scheduleFailures,
    });
    const webhooks = new WebhookDelivery(this, 'Webhooks', { stage: config.stage, table, environment, shared, reservedConcurrency: reserved?.webhookWorker, scheduleFailures });
    // The stream consumer logs webhook events, naming readers by their per-publisher pseudonym: it reads the reader-token key for that.
    jwtSecret.grantRead(fanOutWorker.fn);
    fanOutWorker.fn.addEnvironment('JWT_SECRET_ARN', jwtSecret.secretArn);

    const alarms = config.alarmTopicArn ? Topic.fromTopicArn(this, 'Alarms', config.alarmTopicArn) : new Topic(this, 'Alarms', { topicName: `postwire-${config.stage}-alarms`, enforceSSL: true });
    for (const email of config.alarmEmails) alarms.addSubscription(new EmailSubscription(email));
    new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      topic: alarms,
      functions: [
        { name: 'Api', fn: api.fn, timeout: API_TIMEOUT, servesRequests: true },
        { name: 'PublisherApi', fn: publisherApi.fn, timeout: API_TIMEOUT, servesRequests: true },
        { name: 'PaymentsApi', fn: paymentsApi.fn, timeout: API_TIMEOUT, servesRequests: true },
        { name: 'Web', fn: web.fn, timeout: API_TIMEOUT, servesRequests: true },
        { name: 'FeedDispatcher', fn: dispatcher.fn, timeout: DISPATCHER_TIMEOUT },
        { name: 'FeedWorker', fn: worker.fn, timeout: WORKER_TIMEOUT },
        { name: 'FanOutWorker', fn: fanOutWorker.fn, timeout: FANOUT_TIMEOUT },
        { name: 'PayoutRun', fn: payoutRun.fn, timeout: PAYOUT_TIMEOUT },
        { name: 'MailWorker', fn: mail.worker.fn, timeout: MAIL_TIMEOUT },
        { name: 'NewsletterWorker', fn: newsletters.worker.fn, timeout: NEWSLETTER_TIMEOUT, stopsBefore: Duration.millis(NEWSLETTER_JOB_MARGIN_MS) },
        { name: 'WebhookWorker', fn: webhooks.worker.fn, timeout: WEBHOOK_TIMEOUT, stopsBefore: Duration.millis(WEBHOOK_DELIVERY_MARGIN_MS) },
      ],
      queues: [
        { name: 'FeedJobs', queue: feedJobs, deadLetters, maxAge: Duration.minutes(30) },
        // An issue fills the mail queue faster than SES drains it: its last mail waits as long as the issue takes at the
        // account's sending rate. Only past the largest issue's drain time, and the quarter hour beyond, is mail stuck.
        { name: 'Mail', queue: mail.queue.queue, deadLetters: mail.queue.deadLetters, maxAge: Duration.minutes(Math.ceil(config.largestIssue / config.sesSendRate / 60) + 15) },
        { name: 'MailEvents', queue: mail.events.queue, deadLetters: mail.events.deadLetters, maxAge: Duration.minutes(15) },
        // A million-reader issue is deep for a while by design; a job older than an hour means the fan-out is stuck.
        { name: 'NewsletterJobs', queue: newsletters.jobs.queue, deadLetters: newsletters.jobs.deadLetters, maxAge: Duration.hours(1) },
        { name: 'WebhookJobs', queue: webhooks.jobs.queue, deadLetters: webhooks.jobs.deadLetters, maxAge: Duration.minutes(15) },
      ],
      streams: [
        { name: 'FanOutWorker', fn: fanOutWorker.fn, failures: fanOutFailures, maxIteratorAge: Duration.minutes(5) },
        { name: 'MailWorker', fn: mail.worker.fn, failures: mail.streamFailures, maxIteratorAge: Duration.minutes(5) },
      ],
      scheduleFailures,
      api: httpApi,
      table,
    });

    acknowledgeNagFindings(this);

    provisionedConcurrencyOutputs(this, config.stage, [
      { name: 'Api', fn: api, why: 'every reader request (articles, timeline, unlocks) goes through it', routeGroups: true },
      { name: 'Web', fn: web, why: 'every page a reader opens is rendered by it' },
      { name: 'PaymentsApi', fn: paymentsApi, why: 'a reader waits on it at checkout; Stripe retries its webhooks, so those can wait', routeGroups: true },
    ]);
    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'AdminTokenSecret', { value: adminToken.secretName, description: 'aws secretsmanager get-secret-value --secret-id <this>' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
