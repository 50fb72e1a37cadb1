/**
 * The postwire stack's templates as tests synthesize them: a stage's
 * configuration, a fixed account and region, and bundling skipped unless a
 * test needs the built code (CDK's own `bundling-stacks` context), since the
 * templates do not depend on it and a bundling synth takes far longer.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PostwireStack } from '../../infra/postwire-stack.js';
import { stageConfig, type StageOverrides } from '../../infra/stage-config.js';

export const WITHOUT_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** What a prod synth insists on. */
export const PROD_REQUIRED = { alarmEmail: 'ops@postwire.example', mailDomain: 'mail.postwire.example' };

export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' };

/** The stage's template; `bundledInto` builds the functions' code into that folder (and records each asset's path there). */
export function synthTemplate(stage: 'dev' | 'prod', overrides: StageOverrides = {}, bundledInto?: string): Template {
  return synthStack(stage, overrides, bundledInto).template;
}

/** The stage's template and the stack it came from, for a test that needs the constructs too (a function's bundle spec). */
export function synthStack(stage: 'dev' | 'prod', overrides: StageOverrides = {}, bundledInto?: string): { stack: PostwireStack; template: Template } {
  const app = new App(bundledInto ? { outdir: bundledInto, context: { 'aws:cdk:enable-asset-metadata': true } } : { context: WITHOUT_BUNDLING });
  const required = stage === 'prod' ? PROD_REQUIRED : {};
  const stack = new PostwireStack(app, `postwire-${stage}`, { config: stageConfig(stage, { ...required, ...overrides }), env: TEST_ENV });
  return { stack, template: Template.fromStack(stack) };
}
