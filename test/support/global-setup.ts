import type { TestProject } from 'vitest/node';
import { startLocalDynamo, type LocalDynamo } from '../../scripts/dynamodb-local.js';
import { startMailCatcher, type MailCatcher } from '../../scripts/mail-catcher.js';

let dynamo: LocalDynamo | undefined;
let mail: MailCatcher | undefined;

export async function setup(project: TestProject): Promise<void> {
  // This process talks to DynamoDB Local too; the SDK's Node 22 notice is for 2027 releases, and Lambda runs 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  [dynamo, mail] = await Promise.all([startLocalDynamo(), startMailCatcher()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('smtpUrl', mail.smtpUrl);
  project.provide('mailInboxUrl', mail.inboxUrl);
}

export async function teardown(): Promise<void> {
  await Promise.all([dynamo?.stop(), mail?.stop()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** The run's mail catcher: where test stacks with mail send it, and its inbox's REST API. */
    smtpUrl: string;
    mailInboxUrl: string;
  }
}
