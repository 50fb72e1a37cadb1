/**
 * CDK entry point: `npx cdk synth -c stage=dev` (default) or `-c stage=prod -c account=… -c region=…`;
 * prod needs `-c alarmEmail=…` or `-c alarmTopicArn=…`, and `-c mailDomain=…`; optional `-c domainName=… -c certificateArn=…`,
 * `-c corsOrigins=https://a.example,https://b.example`, `-c tracing=true`, `-c mailFrom=me@example.com` (a sender verified in SES, for a stage without a mail domain),
 * `-c accountConcurrency=1000` (the account's Lambda concurrency quota: prod then reserves concurrency for its background functions),
 * `-c sesSendRate=50` (the account's SES sending quota, mails a second, once raised above 14).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PostwireStack } from './postwire-stack.js';
import { stageConfig } from './stage-config.js';

const app = new App();
const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
const config = stageConfig(context('stage'), {
  domainName: context('domainName'),
  certificateArn: context('certificateArn'),
  alarmEmail: context('alarmEmail'),
  mailDomain: context('mailDomain'),
  mailFrom: context('mailFrom'),
  alarmTopicArn: context('alarmTopicArn'),
  corsOrigins: context('corsOrigins'),
  tracing: context('tracing') === 'true' ? true : undefined,
  accountConcurrency: context('accountConcurrency') === undefined ? undefined : Number(context('accountConcurrency')),
  sesSendRate: context('sesSendRate') === undefined ? undefined : Number(context('sesSendRate')),
});
const account = context('account');
const region = context('region') ?? process.env.CDK_DEFAULT_REGION;
if (config.stage === 'prod' && (!account || !region)) {
  throw new Error('The prod stage needs an explicit account and region: -c account=123456789012 -c region=eu-west-1');
}
new PostwireStack(app, `postwire-${config.stage}`, {
  config,
  env: account && region ? { account, region } : undefined,
  description: `postwire social syndication backend (${config.stage})`,
});
// AwsSolutions checks run on every synth; unacknowledged findings fail it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
