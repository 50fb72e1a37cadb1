/**
 * Deploy readiness: limits AWS applies only when the stack deploys (a refused
 * resource rolls the whole deploy back), which neither `cdk synth` nor
 * cfn-lint checks — cfn-lint's schema, for one, lets an event source mapping
 * have 20 filters where Lambda takes 5. Each limit is stated once in LIMITS
 * with where AWS documents it, and checked on the templates as synthesized:
 * dev, prod on a new account (no reservations), and prod on an account whose
 * quota holds the reservations.
 *
 * A value CloudFormation resolves only at deploy time (a secret's ARN, a
 * queue's URL, a generated name) is counted at the length it will have:
 * built from the resource's own name where the template gives one, else at
 * the longest its kind takes (see `resolvedLength`). An estimate, then, but
 * of real synthesized values: a longer name or one more variable shows here.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LAMBDA_UNRESERVED_MINIMUM } from '../infra/stage-config.js';
import { synthTemplate, TEST_ENV } from './support/stack-templates.js';

vi.setConfig({ testTimeout: 60_000 });

const LIMITS = {
  /** docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html: "By default, you can define up to five different filters for a single event source mapping." */
  filtersPerMapping: 5,
  /** docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html: reservations may take the account's quota less 100, kept for functions without one. */
  unreservedConcurrency: LAMBDA_UNRESERVED_MINIMUM,
  /** docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: "Environment variables: 4 KB, for all environment variables associated with the function, in aggregate". */
  environmentBytes: 4 * 1024,
  /** docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: "Function resource-based policy: 20 KB". */
  resourcePolicyBytes: 20 * 1024,
  /** docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html: resources (500) and outputs (200) per stack, template body in S3 (1 MB). */
  resourcesPerStack: 500,
  outputsPerStack: 200,
  templateBytes: 1024 * 1024,
  /**
   * docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: a role's inline policies 10,240 characters
   * in all, a managed policy 6,144, a role's trust policy 2,048 (whitespace not counted), 10 managed policies a role.
   */
  roleInlinePolicyChars: 10_240,
  managedPolicyChars: 6_144,
  trustPolicyChars: 2_048,
  managedPoliciesPerRole: 10,
  /**
   * docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (DynamoDB Streams): "No more than two
   * processes at most should be reading from the same streams shard at the same time"; a third is throttled.
   */
  streamReaders: 2,
  /** The longest name each resource's API takes, from the length constraint on that API's name parameter. */
  names: {
    'AWS::Lambda::Function': { property: 'FunctionName', max: 64, source: 'docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html' },
    'AWS::IAM::Role': { property: 'RoleName', max: 64, source: 'docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html' },
    'AWS::SQS::Queue': { property: 'QueueName', max: 80, source: 'docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html' },
    'AWS::Logs::LogGroup': { property: 'LogGroupName', max: 512, source: 'docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html' },
    'AWS::CloudWatch::Alarm': { property: 'AlarmName', max: 255, source: 'docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html' },
    'AWS::CloudWatch::Dashboard': { property: 'DashboardName', max: 255, source: 'docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html' },
    'AWS::Scheduler::Schedule': { property: 'Name', max: 64, source: 'docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html' },
    'AWS::SecretsManager::Secret': { property: 'Name', max: 512, source: 'docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html' },
    'AWS::DynamoDB::GlobalTable': { property: 'TableName', max: 255, source: 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html' },
    'AWS::SNS::Topic': { property: 'TopicName', max: 256, source: 'docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html' },
    'AWS::SES::ConfigurationSet': { property: 'Name', max: 64, source: 'docs.aws.amazon.com/ses/latest/APIReference-V2/API_CreateConfigurationSet.html' },
  } as Record<string, { property: string; max: number; source: string }>,
};

/** Stated account quotas: a new account's Lambda concurrency may be 10; AWS's usual, once asked, 1,000. */
const NEW_ACCOUNT_QUOTA = 10;
const RAISED_QUOTA = 1000;

type Resource = { Type: string; Properties?: Record<string, any>; DependsOn?: unknown };
interface Synthesized {
  name: string;
  stackName: string;
  accountQuota: number;
  resources: Record<string, Resource>;
  json: Record<string, any>;
}

const TEMPLATES = ['dev', 'prod on a new account', 'prod reserving concurrency'] as const;
const templates = {} as Record<(typeof TEMPLATES)[number], Synthesized>;

beforeAll(() => {
  const of = (name: (typeof TEMPLATES)[number], template: Template, accountQuota: number) => {
    const json = template.toJSON() as Record<string, any>;
    templates[name] = { name, stackName: name === 'dev' ? 'postwire-dev' : 'postwire-prod', accountQuota, resources: json.Resources, json };
  };
  // Each synthesized once (without bundling: the code does not change the template).
  of('dev', synthTemplate('dev'), NEW_ACCOUNT_QUOTA);
  of('prod on a new account', synthTemplate('prod'), NEW_ACCOUNT_QUOTA);
  of('prod reserving concurrency', synthTemplate('prod', { accountConcurrency: RAISED_QUOTA }), RAISED_QUOTA);
}, 60_000);

/** Longest forms of what CloudFormation fills in: the partition (aws-us-gov), the URL suffix (China's), an account id. */
const LONGEST_PARTITION = 'aws-us-gov'.length;
const LONGEST_URL_SUFFIX = 'amazonaws.com.cn'.length;
const ACCOUNT_ID = 12;
/** What we count for a token whose resolved form we do not model: about a long ARN. */
const UNMODELLED_TOKEN = 100;

function resolvedLength(t: Synthesized, value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  const region = TEST_ENV.region.length;
  // arn:<partition>:<service>:<region>:<account>:<rest>; IAM's have no region.
  const arn = (service: string, rest: number, global = false) => 'arn:'.length + LONGEST_PARTITION + 1 + service.length + 1 + (global ? 0 : region) + 1 + ACCOUNT_ID + 1 + rest;
  // CloudFormation's generated names: the stack's name, the logical id and a random suffix, cut to the kind's maximum.
  const generated = (id: string, max: number) => Math.min(max, t.stackName.length + 1 + id.length + 13);
  const intrinsic = value as Record<string, any>;
  if ('Ref' in intrinsic) {
    const id = intrinsic.Ref as string;
    if (id === 'AWS::Partition') return LONGEST_PARTITION;
    if (id === 'AWS::URLSuffix') return LONGEST_URL_SUFFIX;
    if (id === 'AWS::AccountId') return ACCOUNT_ID;
    if (id === 'AWS::Region') return region;
    if (id === 'AWS::StackName') return t.stackName.length;
    const resource = t.resources[id];
    const props = resource?.Properties ?? {};
    switch (resource?.Type) {
      case 'AWS::SecretsManager::Secret':
        return arn('secretsmanager', 'secret:'.length + (props.Name?.length ?? generated(id, 512)) + '-AbCdEf'.length);
      case 'AWS::SQS::Queue':
        // https://sqs.<region>.<suffix>/<account>/<name>
        return 'https://sqs.'.length + region + 1 + LONGEST_URL_SUFFIX + 1 + ACCOUNT_ID + 1 + (props.QueueName?.length ?? generated(id, 80));
      case 'AWS::DynamoDB::GlobalTable':
        return props.TableName?.length ?? generated(id, 255);
      case 'AWS::SES::ConfigurationSet':
        return props.Name?.length ?? generated(id, 64);
      case 'AWS::SNS::Topic':
        return arn('sns', props.TopicName?.length ?? generated(id, 256));
      case 'AWS::ApiGatewayV2::Api':
        return 10;
      case 'AWS::Lambda::Function':
        return props.FunctionName?.length ?? 64;
      case 'AWS::Logs::LogGroup':
        return props.LogGroupName?.length ?? generated(id, 512);
      default:
        return UNMODELLED_TOKEN;
    }
  }
  if ('Fn::GetAtt' in intrinsic) {
    const [id, attribute] = intrinsic['Fn::GetAtt'] as [string, string];
    const resource = t.resources[id];
    const props = resource?.Properties ?? {};
    const tableArn = () => arn('dynamodb', 'table/'.length + (props.TableName?.length ?? generated(id, 255)));
    if (attribute === 'StreamArn') return tableArn() + '/stream/2026-01-01T00:00:00.000'.length;
    if (attribute === 'QueueName') return props.QueueName?.length ?? generated(id, 80);
    if (attribute !== 'Arn') return UNMODELLED_TOKEN;
    switch (resource?.Type) {
      case 'AWS::Lambda::Function':
        return arn('lambda', 'function:'.length + (props.FunctionName?.length ?? 64));
      case 'AWS::SQS::Queue':
        return arn('sqs', props.QueueName?.length ?? generated(id, 80));
      case 'AWS::DynamoDB::GlobalTable':
        return tableArn();
      case 'AWS::Logs::LogGroup':
        return arn('logs', 'log-group:'.length + (props.LogGroupName?.length ?? generated(id, 512)) + ':*'.length);
      case 'AWS::IAM::Role':
        return arn('iam', 'role/'.length + (props.RoleName?.length ?? 64), true);
      default:
        return UNMODELLED_TOKEN;
    }
  }
  if ('Fn::Join' in intrinsic) {
    const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
    return parts.reduce<number>((sum, part) => sum + resolvedLength(t, part), 0) + separator.length * Math.max(0, parts.length - 1);
  }
  if ('Fn::If' in intrinsic) {
    const [, whenTrue, whenFalse] = intrinsic['Fn::If'] as [string, unknown, unknown];
    return Math.max(resolvedLength(t, whenTrue), resolvedLength(t, whenFalse));
  }
  return UNMODELLED_TOKEN;
}

const INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64'];

/** `value` as CloudFormation will hand it over, each token replaced by a string of its resolved length. */
function resolved(t: Synthesized, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => resolved(t, item));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && INTRINSICS.includes(keys[0]!)) return 'x'.repeat(resolvedLength(t, value));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolved(t, item)]));
  }
  return value;
}

/** IAM counts a policy's characters without whitespace: compact JSON. */
const policyChars = (t: Synthesized, document: unknown) => JSON.stringify(resolved(t, document)).length;

const ofType = (t: Synthesized, type: string) => Object.entries(t.resources).filter(([, resource]) => resource.Type === type);

describe.each(TEMPLATES)('the %s template', (name) => {
  const t = () => templates[name];

  it(`keeps every event source mapping within Lambda's ${LIMITS.filtersPerMapping} filters`, () => {
    const counts = ofType(t(), 'AWS::Lambda::EventSourceMapping').map(([id, mapping]) => [id, mapping.Properties!.FilterCriteria?.Filters?.length ?? 0] as const);
    expect(counts.length).toBeGreaterThan(0);
    for (const [id, count] of counts) expect(count, `${t().name}: ${id}`).toBeLessThanOrEqual(LIMITS.filtersPerMapping);
  });

  it('reserves no more concurrency than the stated account quota holds beside the 100 Lambda keeps unreserved, and at least what each function\'s mappings and schedules start', () => {
    const functions = ofType(t(), 'AWS::Lambda::Function');
    const reserved = functions.reduce((sum, [, fn]) => sum + (fn.Properties!.ReservedConcurrentExecutions ?? 0), 0);
    if (reserved > 0) expect(t().accountQuota - reserved).toBeGreaterThanOrEqual(LIMITS.unreservedConcurrency);
    expect(reserved > 0).toBe(name === 'prod reserving concurrency');
    // A queue mapping whose maximum concurrency is above the function's reservation is throttled
    // (docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html); so is a scheduled run with no room left.
    for (const [id, fn] of functions) {
      const reservation = fn.Properties!.ReservedConcurrentExecutions as number | undefined;
      if (reservation === undefined) continue;
      const invokes = (value: unknown) => JSON.stringify(value).includes(`"${id}"`);
      const ceilings = ofType(t(), 'AWS::Lambda::EventSourceMapping')
        .filter(([, mapping]) => invokes(mapping.Properties!.FunctionName))
        .reduce((sum, [, mapping]) => sum + (mapping.Properties!.ScalingConfig?.MaximumConcurrency ?? 0), 0);
      const schedules = ofType(t(), 'AWS::Scheduler::Schedule').filter(([, schedule]) => invokes(schedule.Properties!.Target.Arn)).length;
      expect(reservation, `${t().name}: ${id}`).toBeGreaterThanOrEqual(ceilings + schedules);
    }
  });

  it(`keeps each function's environment within ${LIMITS.environmentBytes} bytes, keys and resolved values`, () => {
    for (const [id, fn] of ofType(t(), 'AWS::Lambda::Function')) {
      const variables = (fn.Properties!.Environment?.Variables ?? {}) as Record<string, unknown>;
      const bytes = Object.entries(variables).reduce((sum, [key, value]) => sum + key.length + resolvedLength(t(), value), 0);
      expect(bytes, `${t().name}: ${id}`).toBeLessThanOrEqual(LIMITS.environmentBytes);
    }
  });

  it(`keeps each function's resource-based policy (one statement per permission) within ${LIMITS.resourcePolicyBytes} bytes`, () => {
    const byFunction = new Map<string, unknown[]>();
    for (const [id, permission] of ofType(t(), 'AWS::Lambda::Permission')) {
      const props = permission.Properties!;
      const statement = {
        Sid: 'x'.repeat(t().stackName.length + 1 + id.length + 13),
        Effect: 'Allow',
        Principal: { Service: props.Principal },
        Action: props.Action,
        Resource: resolved(t(), props.FunctionName),
        ...(props.SourceArn ? { Condition: { ArnLike: { 'AWS:SourceArn': resolved(t(), props.SourceArn) } } } : {}),
      };
      const fn = JSON.stringify(props.FunctionName);
      byFunction.set(fn, [...(byFunction.get(fn) ?? []), statement]);
    }
    for (const [fn, statements] of byFunction) {
      expect(JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }).length, `${t().name}: ${fn}`).toBeLessThanOrEqual(LIMITS.resourcePolicyBytes);
    }
  });

  it(`stays within CloudFormation's ${LIMITS.resourcesPerStack} resources, ${LIMITS.outputsPerStack} outputs and 1 MB of template`, () => {
    expect(Object.keys(t().resources).length).toBeLessThanOrEqual(LIMITS.resourcesPerStack);
    expect(Object.keys(t().json.Outputs ?? {}).length).toBeLessThanOrEqual(LIMITS.outputsPerStack);
    expect(Buffer.byteLength(JSON.stringify(t().json, null, 1))).toBeLessThanOrEqual(LIMITS.templateBytes);
  });

  it(`keeps each role's inline policies within ${LIMITS.roleInlinePolicyChars} characters, its trust policy within ${LIMITS.trustPolicyChars}, and managed policies within their limits`, () => {
    const policies = ofType(t(), 'AWS::IAM::Policy');
    for (const [roleId, role] of ofType(t(), 'AWS::IAM::Role')) {
      const inline = [
        ...((role.Properties!.Policies ?? []) as Array<{ PolicyDocument: unknown }>).map((policy) => policy.PolicyDocument),
        ...policies.filter(([, policy]) => (policy.Properties!.Roles as unknown[]).some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleId }))).map(([, policy]) => policy.Properties!.PolicyDocument),
      ];
      expect(inline.reduce<number>((sum, document) => sum + policyChars(t(), document), 0), `${t().name}: ${roleId}`).toBeLessThanOrEqual(LIMITS.roleInlinePolicyChars);
      expect(policyChars(t(), role.Properties!.AssumeRolePolicyDocument), `${t().name}: ${roleId}`).toBeLessThanOrEqual(LIMITS.trustPolicyChars);
      expect((role.Properties!.ManagedPolicyArns ?? []).length).toBeLessThanOrEqual(LIMITS.managedPoliciesPerRole);
    }
    for (const [id, policy] of ofType(t(), 'AWS::IAM::ManagedPolicy')) expect(policyChars(t(), policy.Properties!.PolicyDocument), id).toBeLessThanOrEqual(LIMITS.managedPolicyChars);
  });

  it(`lets no more than ${LIMITS.streamReaders} mappings read the table's stream`, () => {
    const readers = ofType(t(), 'AWS::Lambda::EventSourceMapping').filter(([, mapping]) => JSON.stringify(mapping.Properties!.EventSourceArn).includes('StreamArn'));
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.length).toBeLessThanOrEqual(LIMITS.streamReaders);
  });

  it('names every resource it names within what the resource\'s API takes', () => {
    let named = 0;
    for (const [type, { property, max, source }] of Object.entries(LIMITS.names)) {
      for (const [id, resource] of ofType(t(), type)) {
        const name = resource.Properties?.[property];
        if (name === undefined) continue;
        named++;
        expect(resolvedLength(t(), name), `${t().name}: ${id} (${source})`).toBeLessThanOrEqual(max);
      }
    }
    expect(named).toBeGreaterThan(40);
  });
});
