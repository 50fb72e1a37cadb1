/**
 * Starter points, once per confirmed address. They are granted when a reader
 * confirms their address, never at sign-up, so a throwaway account with an
 * address nobody reads gets nothing. A claim item keyed by the address's
 * SHA-256 is written in the same transaction as the credit, under the
 * condition that it is new: a second account on the same address (after a
 * deletion, or after moving the address between accounts) gets nothing, and
 * the claim names no one in clear text once the account is gone.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { readerKey, starterClaimKey } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { Contention, ValidationFailed } from '../errors.js';
import { getWallet, walletChangeItems } from '../wallet/wallet-store.js';

export const addressDigest = (email: string): string => createHash('sha256').update(email.toLowerCase()).digest('hex');

/**
 * Grants `points` to the account for confirming `email`, if no account was
 * ever granted them for that address. Answers the points granted (0 when the
 * address had them already). Refuses (400) when the address is no longer the
 * account's: an old confirmation link must not pay out.
 */
export async function grantStarterPoints(db: Db, input: { userId: string; email: string; points: number; now: Date }): Promise<number> {
  if (input.points <= 0) return 0;
  const at = input.now.toISOString();
  for (let attempt = 0; attempt < 20; attempt++) {
    const seen = await getWallet(db, input.userId);
    // Starter points are promotional: they open articles but cannot be tipped or paid out.
    const change = walletChangeItems(db, { userId: input.userId, seen, amount: input.points, promoAmount: input.points, kind: 'starter', at, note: 'Welcome: read for free' });
    const result = await transactWrite(db, [
      { ConditionCheck: { TableName: db.tableName, Key: readerKey(input.userId), ConditionExpression: 'email = :email', ExpressionAttributeValues: { ':email': input.email.toLowerCase() } } },
      { Put: { TableName: db.tableName, Item: { ...starterClaimKey(addressDigest(input.email)), type: 'starter_claim', grantedAt: at, points: input.points }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ...change.items,
    ]);
    if (result.committed) return input.points;
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') {
      throw new ValidationFailed('This confirmation link is for an address the account no longer uses.', [{ field: 'token', message: 'not the account’s address' }]);
    }
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') return 0;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The wallet was too busy to credit; nothing was changed, please retry.');
}
