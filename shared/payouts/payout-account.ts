/**
 * A publisher's Stripe Connect (Express) account: created on the publisher's
 * first onboarding request, its status kept from Stripe's `account.updated`.
 */
import { conditionHeld } from '../db/conditional-write.js';
import { GetCommand, paginateQuery, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { INDEX, PAYOUT_ACCOUNTS_PK, payoutAccountKey, payoutAccountListKeys } from '../db/keys.js';

export interface PayoutAccount {
  publisherSlug: string;
  stripeAccountId: string;
  /** Stripe may send transfers to it and pay them out to the bank. */
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  updatedAt: string;
}

export async function findPayoutAccount(db: Db, publisherSlug: string): Promise<PayoutAccount | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: payoutAccountKey(publisherSlug), ConsistentRead: true }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _s, type: _t, ...account } = Item;
  return account as PayoutAccount;
}

/** Records the account once; a second onboarding request finds it instead of making another. */
export async function savePayoutAccount(db: Db, account: PayoutAccount): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...payoutAccountKey(account.publisherSlug), ...payoutAccountListKeys(account.publisherSlug), type: 'payout_account', ...account },
      ConditionExpression: 'attribute_not_exists(PK) OR stripeAccountId = :id',
      ExpressionAttributeValues: { ':id': account.stripeAccountId },
    }),
  );
}

/** Status from Stripe; only for the account we hold (an event for another account changes nothing). */
export async function updatePayoutAccountStatus(
  db: Db,
  publisherSlug: string,
  stripeAccountId: string,
  status: { payoutsEnabled: boolean; detailsSubmitted: boolean },
  now: Date,
): Promise<boolean> {
  return conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: payoutAccountKey(publisherSlug),
        UpdateExpression: 'SET payoutsEnabled = :payouts, detailsSubmitted = :details, updatedAt = :at',
        ConditionExpression: 'stripeAccountId = :id',
        ExpressionAttributeValues: { ':payouts': status.payoutsEnabled, ':details': status.detailsSubmitted, ':at': now.toISOString(), ':id': stripeAccountId },
      }),
    ),
  );
}

/** Every publisher with a payout account, a page of slugs at a time. */
export async function* publishersWithPayoutAccounts(db: Db): AsyncGenerator<string> {
  const query = { TableName: db.tableName, IndexName: INDEX.byPublisher, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': PAYOUT_ACCOUNTS_PK } };
  for await (const page of paginateQuery({ client: db.doc }, query)) for (const item of page.Items ?? []) yield item.GSI1SK as string;
}
