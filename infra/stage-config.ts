/** Typed settings per deployment stage, chosen with `-c stage=dev|prod`. */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * Lambda keeps this much of an account's concurrency for functions without a reservation, so reservations may
 * add up to the account's quota less this (Lambda developer guide, "Configuring reserved concurrency").
 */
export const LAMBDA_UNRESERVED_MINIMUM = 100;

type Reservations = { feedWorker: number; fanOutWorker: number; dispatcher: number; payoutRun: number; mailWorker: number; newsletterWorker: number; webhookWorker: number };

export interface StageConfig {
  stage: 'dev' | 'prod';
  /** What happens to the table (and its data) when the stack is deleted. */
  tableRemovalPolicy: RemovalPolicy;
  /** What happens to log groups and secrets when the stack is deleted: kept in prod, where they are evidence and keys. */
  retainedResourcesPolicy: RemovalPolicy;
  /**
   * Concurrency reserved for each background function, so a burst of feed or fan-out work cannot starve the API:
   * in prod, and only when the operator has said the account's quota holds it (-c accountConcurrency=…); none in dev.
   * Without it the queue consumers are still capped, by their event source mappings' maximum concurrency.
   */
  reservedConcurrency?: Reservations | undefined;
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** How often the dispatcher looks for due feeds. */
  feedDispatchRate: Duration;
  /** Worker Lambdas fetching at once: bounds the load we put on publishers. */
  feedWorkerConcurrency: number;
  apiThrottle: { rateLimit: number; burstLimit: number };
  /**
   * Mails a second SES takes from this account: its sending quota, 14 for a new account once out of the sandbox
   * (raise it with -c sesSendRate=… when AWS raises the quota). With `largestIssue`, how long the mail queue is deep by design.
   */
  sesSendRate: number;
  /** Recipients of the largest newsletter issue the mail queue's age alarm stays quiet through. */
  largestIssue: number;
  corsOrigins: string[];
  alarmEmails: string[];
  /** An existing SNS topic for alarms, instead of (or besides) the emails. */
  alarmTopicArn?: string | undefined;
  /**
   * Stripe payments. When on, the payments and payout functions may read two secrets the operator creates with
   * the Stripe keys (see docs/OPERATIONS.md); until they exist, payments answer 503 payments_not_configured.
   */
  payments: boolean;
  /** X-Ray tracing for the functions; off unless asked for (it costs per trace). */
  tracing: boolean;
  /** The domain postwire's mail comes from (an SES domain identity); required in prod. */
  mailDomain?: string | undefined;
  /** The sender's address for a stage without a mail domain: an identity verified by hand in SES. */
  mailFrom?: string | undefined;
  /** A custom domain for the API, with an ACM certificate in the same region. */
  domain?: { name: string; certificateArn: string } | undefined;
}

const STAGES: Record<StageConfig['stage'], StageConfig> = {
  dev: {
    stage: 'dev',
    tableRemovalPolicy: RemovalPolicy.DESTROY,
    retainedResourcesPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRetention: RetentionDays.ONE_WEEK,
    feedDispatchRate: Duration.minutes(5),
    feedWorkerConcurrency: 2,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    sesSendRate: 14,
    largestIssue: 1_000,
    corsOrigins: ['http://localhost:5173'],
    alarmEmails: [],
    payments: false,
    tracing: false,
  },
  prod: {
    stage: 'prod',
    tableRemovalPolicy: RemovalPolicy.RETAIN,
    retainedResourcesPolicy: RemovalPolicy.RETAIN,
    // Each is what the function runs at once by design: its queue's ceiling (plus one for the scheduled run that fills
    // the queue, for the newsletter and webhook workers), the stream's shards × 2 for the fan-out worker, one a schedule.
    reservedConcurrency: { feedWorker: 10, fanOutWorker: 4, dispatcher: 1, payoutRun: 1, mailWorker: 5, newsletterWorker: 5, webhookWorker: 11 },
    deletionProtection: true,
    logRetention: RetentionDays.THREE_MONTHS,
    feedDispatchRate: Duration.minutes(1),
    feedWorkerConcurrency: 10,
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
    sesSendRate: 14,
    largestIssue: 100_000,
    corsOrigins: [],
    alarmEmails: [],
    payments: true,
    tracing: false,
  },
};

export interface StageOverrides {
  domainName?: string | undefined;
  certificateArn?: string | undefined;
  alarmEmail?: string | undefined;
  alarmTopicArn?: string | undefined;
  mailDomain?: string | undefined;
  mailFrom?: string | undefined;
  /** Comma-separated origins for the HTTP API's own CORS (other browser clients of the whole API). */
  corsOrigins?: string | undefined;
  tracing?: boolean | undefined;
  /**
   * The account's Lambda concurrent-executions quota. Given, the stage reserves concurrency for its background
   * functions, if the quota leaves Lambda's unreserved 100 beside the reservations; not given, it reserves none,
   * which any account can deploy (a new one's quota may be 10).
   */
  accountConcurrency?: number | undefined;
  /** The account's SES sending quota in mails a second, once AWS has raised it above a new account's 14. */
  sesSendRate?: number | undefined;
}

/** What the stage's reservations add up to: with Lambda's unreserved 100, the account quota they need. */
export function reservedTotal(reservations: Reservations | undefined): number {
  return Object.values(reservations ?? {}).reduce((sum, count) => sum + count, 0);
}

function sendRate(rate: number | undefined): number | undefined {
  if (rate !== undefined && !(rate > 0)) throw new Error(`-c sesSendRate must be the account's SES sending quota in mails a second; not "${rate}".`);
  return rate;
}

function reservationsWithin(wanted: Reservations | undefined, quota: number | undefined): Reservations | undefined {
  if (quota === undefined || !wanted) return undefined;
  if (!Number.isInteger(quota) || quota < 1) throw new Error(`-c accountConcurrency must be the account's Lambda concurrency quota, a whole number; not "${quota}".`);
  const needed = reservedTotal(wanted) + LAMBDA_UNRESERVED_MINIMUM;
  if (quota < needed) {
    throw new Error(
      `Reserving concurrency for the background functions needs an account quota of at least ${needed} (${reservedTotal(wanted)} reserved + ${LAMBDA_UNRESERVED_MINIMUM} Lambda keeps unreserved); ` +
        `-c accountConcurrency=${quota} is less. Deploy without it (queue consumers stay capped by their mappings), or ask AWS for a higher quota first (docs/OPERATIONS.md).`,
    );
  }
  return wanted;
}

export function stageConfig(stage: string | undefined, overrides: StageOverrides = {}): StageConfig {
  const name = stage ?? 'dev';
  if (name !== 'dev' && name !== 'prod') throw new Error(`Unknown stage "${name}"; use -c stage=dev or -c stage=prod.`);
  if (Boolean(overrides.domainName) !== Boolean(overrides.certificateArn)) {
    throw new Error('A custom domain needs both -c domainName=… and -c certificateArn=….');
  }
  const base = STAGES[name];
  if (name === 'prod' && !overrides.alarmEmail && !overrides.alarmTopicArn) {
    throw new Error('The prod stage must tell someone when an alarm fires: -c alarmEmail=ops@example.com or -c alarmTopicArn=arn:aws:sns:…');
  }
  if (name === 'prod' && !overrides.mailDomain) {
    throw new Error('The prod stage sends mail from a domain of its own: -c mailDomain=mail.example.com (SES verifies it through the DNS records the deploy prints).');
  }
  return {
    ...base,
    tracing: overrides.tracing ?? base.tracing,
    reservedConcurrency: reservationsWithin(base.reservedConcurrency, overrides.accountConcurrency),
    sesSendRate: sendRate(overrides.sesSendRate) ?? base.sesSendRate,
    alarmEmails: overrides.alarmEmail ? [...base.alarmEmails, overrides.alarmEmail] : base.alarmEmails,
    alarmTopicArn: overrides.alarmTopicArn,
    mailDomain: overrides.mailDomain,
    mailFrom: overrides.mailFrom,
    corsOrigins: overrides.corsOrigins ? overrides.corsOrigins.split(',').map((origin) => origin.trim()).filter(Boolean) : base.corsOrigins,
    domain: overrides.domainName && overrides.certificateArn ? { name: overrides.domainName, certificateArn: overrides.certificateArn } : undefined,
  };
}
