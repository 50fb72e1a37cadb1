/**
 * Which functions a reader waits on, and what keeping one environment of each
 * initialised would cost: the stack's outputs say it, so an operator weighing
 * provisioned concurrency in prod has the figure beside the function's name.
 * Queue and schedule workers are left out: nobody waits on their cold starts.
 */
import { CfnOutput, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PostwireFunction } from './postwire-function.js';

/** Provisioned concurrency on ARM (Graviton), USD per GB-second, us-east-1 list price (aws.amazon.com/lambda/pricing). */
export const PROVISIONED_ARM_USD_PER_GB_SECOND = 0.0000033334;
/** Hours AWS bills a month as. */
const HOURS_PER_MONTH = 730;

/** USD a month for one provisioned environment of this size, before any request is served. */
export function provisionedMonthlyUsd(memoryMb: number): number {
  return Math.round((memoryMb / 1024) * HOURS_PER_MONTH * 3600 * PROVISIONED_ARM_USD_PER_GB_SECOND * 100) / 100;
}

export interface ProvisionedCandidate {
  /** The output's logical id: `<name>ProvisionedConcurrency`. */
  name: string;
  fn: PostwireFunction;
  /** Who waits on this function's cold start. */
  why: string;
  /** An API function, whose provisioned environments load every route group while initialising. */
  routeGroups?: boolean;
}

export function provisionedConcurrencyOutputs(scope: Construct, stage: string, candidates: ProvisionedCandidate[]): void {
  const region = Stack.of(scope).region;
  for (const { name, fn, why, routeGroups } of candidates) {
    const memoryMb = fn.memorySize;
    new CfnOutput(scope, `${name}ProvisionedConcurrency`, {
      value: `${provisionedMonthlyUsd(memoryMb)} USD a month per environment`,
      description:
        `${stage === 'prod' ? 'Candidate' : 'In prod, a candidate'} for provisioned concurrency: ${why}. One initialised environment of ${memoryMb} MB on ARM costs the figure shown ` +
        `(us-east-1 list price; ${Token.isUnresolved(region) ? 'other regions' : region} may differ), plus requests. ` +
        `Set it on a published version or alias of ${fn.fn.node.path}${routeGroups ? '; such environments load every route group while initialising' : ''} (docs/OPERATIONS.md).`,
    });
  }
}
