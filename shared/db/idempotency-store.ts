/**
 * Remembered responses for `Idempotency-Key`. A key is first claimed (a
 * conditional put, so two concurrent requests cannot both run), then completed
 * with the response, or released if the request failed.
 *
 * A claim lives only a little longer than any API function may run: if the
 * function dies mid-request, a retry a minute later runs instead of getting
 * "still being processed" for a day. A completed response lives 24 hours.
 */
import { conditionHeld } from './conditional-write.js';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import { idempotencyKey } from './keys.js';
import { TTL_ATTRIBUTE } from './table-schema.js';

export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
}

export type ClaimResult =
  | { claimed: true }
  | { claimed: false; fingerprint: string; response?: StoredResponse | undefined };

const IDEMPOTENCY_WINDOW_SECONDS = 24 * 3600;
/** API functions time out after 29 s; a claim older than this belongs to a request that died. */
export const CLAIM_LEASE_SECONDS = 60;

export async function claimIdempotencyKey(db: Db, scope: string, key: string, fingerprint: string, now: Date): Promise<ClaimResult> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const claimed = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...idempotencyKey(scope, key), type: 'idempotency', fingerprint, state: 'pending', [TTL_ATTRIBUTE]: nowSeconds + CLAIM_LEASE_SECONDS },
        // TTL deletes lazily: an expired record is as good as none.
        ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    ),
  );
  if (claimed) return { claimed: true };
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: idempotencyKey(scope, key), ConsistentRead: true }));
  return { claimed: false, fingerprint: (Item?.fingerprint as string) ?? '', response: Item?.state === 'done' ? (Item.response as StoredResponse) : undefined };
}

export async function completeIdempotencyKey(db: Db, scope: string, key: string, response: StoredResponse, now: Date): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: idempotencyKey(scope, key),
      UpdateExpression: 'SET #state = :done, #response = :response, #ttl = :ttl',
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':done': 'done', ':response': response, ':ttl': Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS },
    }),
  );
}

export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: idempotencyKey(scope, key) }));
}
