/**
 * Counts DynamoDB round trips (one per HTTP attempt, retries included) by
 * command name. Benchmarks and tests read it; it costs a map increment.
 */
import type { DynamoDBClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';

export class RoundTripCounter {
  private readonly counts = new Map<string, number>();

  record(command: string): void {
    this.counts.set(command, (this.counts.get(command) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  count(command: string): number {
    return this.counts.get(command) ?? 0;
  }

  byCommand(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

export function attachRoundTripCounter(client: DynamoDBClient, counter: RoundTripCounter): void {
  const countAttempt: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
    counter.record(context.commandName ?? 'unknown');
    return next(args);
  };
  client.middlewareStack.addRelativeTo(
    countAttempt,
    // After the retry middleware, so every attempt on the wire is counted once.
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'postwireRoundTripCounter', override: true },
  );
}
