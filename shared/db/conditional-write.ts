/**
 * A single write under a condition, answering whether it applied: false when
 * its condition did not hold (another writer got there first, or the item is
 * not as the caller expects), any other failure thrown. Callers say what a
 * failed condition means for them (a duplicate, a 409, a stale update).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export async function conditionHeld(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
