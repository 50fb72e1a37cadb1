import type { TestProject } from 'vitest/node';
import { startLocalDynamo, type LocalDynamo } from '../../scripts/dynamodb-local.js';

let dynamo: LocalDynamo | undefined;

export async function setup(project: TestProject): Promise<void> {
  // This process talks to DynamoDB Local too; the SDK's Node 22 notice is for 2027 releases, and Lambda runs 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  dynamo = await startLocalDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
