/** CDK entry point: `npx cdk synth -c stage=dev` (default) or `-c stage=prod`. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PostwireStack } from './postwire-stack.js';
import { stageConfig } from './stage-config.js';

const app = new App();
const config = stageConfig(app.node.tryGetContext('stage') as string | undefined);
const account = app.node.tryGetContext('account') as string | undefined;
const region = (app.node.tryGetContext('region') as string | undefined) ?? process.env.CDK_DEFAULT_REGION;
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
