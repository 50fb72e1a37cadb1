/**
 * Receipts a reader keeps: every purchase of points, every article they may
 * read and every subscription, each a compact JWS (ES256) signed with the
 * entitlement-token keys published at `/.well-known/jwks.json`, and the whole
 * set as one more JWS. They verify offline with any JOSE library and the
 * JWKS alone; what they promise if postwire stops is in docs/ARCHITECTURE.md.
 */
import type { Db } from '../db/client.js';
import { articleKey, readerPartition } from '../db/keys.js';
import { batchGetAll } from '../db/batch.js';
import { collectAll } from '../db/query-all.js';
import { NotFound } from '../errors.js';
import type { Subscription } from '../subscriptions/subscription.js';
import type { Entitlement } from './entitlement.js';
import type { EntitlementKeys } from './entitlement-keys.js';
import { readerPseudonym } from './reader-pseudonym.js';

export const RECEIPT_TYPE = 'postwire-receipt+jwt';

export type ReceiptClaims =
  | { kind: 'purchase'; points: number; paymentId?: string | undefined; at: string }
  | { kind: 'article'; publisher: string; article: string; title?: string | undefined; url?: string | undefined; via: string; points: number; grantedAt: string; sub: string }
  | { kind: 'subscription'; publisher: string; plan: string; type: 'trial' | 'paid'; status: string; periodEnd: string; sub: string };

export interface Receipts {
  keyId: string;
  receipts: Array<ReceiptClaims & { jws: string }>;
  /** All of them, signed as one document. */
  document: string;
}

export async function readerReceipts(db: Db, userId: string, keys: EntitlementKeys, options: { issuer: string; secret: string; now: Date }): Promise<Receipts> {
  const own = await collectAll(db, { partition: readerPartition(userId) });
  const profile = own.find((item) => item.SK === 'PROFILE' && item.type === 'reader');
  if (!profile) throw new NotFound('The account');
  const entitlements = own.filter((item) => item.type === 'entitlement') as unknown as Entitlement[];
  const articles = new Map(
    (await batchGetAll(db, entitlements.map((entitlement) => articleKey(entitlement.articleId)), ['id', 'title', 'url'])).map((item) => [item.id as string, item]),
  );
  const pseudonym = (publisher: string) => readerPseudonym(options.secret, userId, publisher);
  const claims: ReceiptClaims[] = [
    ...own
      .filter((item) => item.type === 'ledger' && item.kind === 'topup')
      .map((entry): ReceiptClaims => ({ kind: 'purchase', points: entry.amount as number, ...(entry.paymentId ? { paymentId: entry.paymentId as string } : {}), at: entry.at as string })),
    ...entitlements.map((entitlement): ReceiptClaims => {
      const article = articles.get(entitlement.articleId);
      return {
        kind: 'article',
        publisher: entitlement.publisherSlug,
        article: entitlement.articleId,
        ...(article ? { title: article.title as string, url: article.url as string } : {}),
        via: entitlement.via,
        points: entitlement.charged,
        grantedAt: entitlement.grantedAt,
        sub: pseudonym(entitlement.publisherSlug),
      };
    }),
    ...own
      .filter((item) => item.type === 'subscription')
      .map((item) => item as unknown as Subscription)
      .map((subscription): ReceiptClaims => ({ kind: 'subscription', publisher: subscription.publisherSlug, plan: subscription.planId, type: subscription.kind, status: subscription.status, periodEnd: subscription.currentPeriodEnd, sub: pseudonym(subscription.publisherSlug) })),
  ];
  const iat = Math.floor(options.now.getTime() / 1000);
  // Whose they are: the account's address and handle as of issue, so the holder can be recognised without postwire.
  const holder = { email: profile.email as string, handle: profile.handle as string };
  const receipts = claims.map((claim) => ({ ...claim, jws: keys.sign({ iss: options.issuer, iat, ...holder, ...claim }, RECEIPT_TYPE) }));
  return { keyId: keys.signingKeyId, receipts, document: keys.sign({ iss: options.issuer, iat, ...holder, receipts: claims }, RECEIPT_TYPE) };
}
