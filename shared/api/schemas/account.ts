/** The account's lifecycle: mail preferences, deletion, export, receipts and changing the address. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';

export const MailPreferencesSchema = z
  .object({
    newsletters: z.boolean().openapi({ description: 'Newsletter issues from the newsletters you subscribed to. Off pauses them all; your subscriptions stay for when you turn it on.' }),
  })
  .strict()
  .openapi('MailPreferences', { description: 'Which mails you want. Mails about your account itself (confirming an address, a new password) are always sent.' });

export const DeleteAccountBody = z
  .object({
    password: z.string().min(1).max(200).openapi({ description: 'Your current password: deleting needs it even with a valid token.' }),
    forfeitPoints: z.boolean().default(false).openapi({ description: 'You agree to give up purchased points still in the wallet. Without it, a wallet with purchased points is not deleted (409).' }),
  })
  .strict()
  .openapi('DeleteAccount');

export const AccountDeletedSchema = z
  .object({ deleted: z.literal(true), forfeitedPoints: z.number().int().openapi({ description: 'Points left in the wallet that were given up.' }) })
  .openapi('AccountDeleted');

const exported = z.array(z.record(z.string(), z.unknown()));

export const ReceiptsSchema = z
  .object({
    keyId: z.string().openapi({ description: 'The key that signed them, one of `/.well-known/jwks.json`.' }),
    receipts: z.array(
      z
        .object({
          kind: z.enum(['purchase', 'article', 'subscription']),
          jws: z.string().openapi({ description: 'This receipt as a compact JWS (ES256, `typ` `postwire-receipt+jwt`): its claims, plus `iss`, `iat`, `email` and `handle`.' }),
        })
        .passthrough()
        .openapi({ description: 'purchase: `points`, `paymentId`, `at`; article: `publisher`, `article`, `title`, `url`, `via`, `points`, `grantedAt`, `sub`; subscription: `publisher`, `plan`, `type`, `status`, `periodEnd`, `sub`. `sub` is the name the publisher knows the reader by (as in entitlement tokens).' }),
    ),
    document: z.string().openapi({ description: 'Every receipt in one compact JWS (claim `receipts`).' }),
  })
  .openapi('Receipts');

export const AccountExportSchema = z
  .object({
    exportedAt: z.string(),
    profile: z.record(z.string(), z.unknown()),
    wallet: z.object({ balance: z.number().int(), promotional: z.number().int() }),
    ledger: exported.openapi({ description: 'Every wallet entry, oldest first.' }),
    library: exported.openapi({ description: 'Every article you may read in full, and how you got it.' }),
    subscriptions: exported,
    freeArticlesUsed: z.array(z.object({ publisherSlug: z.string(), month: z.string(), used: z.number().int() })),
    posts: exported.openapi({ description: 'Your posts, oldest first.' }),
    follows: z.array(z.object({ kind: z.enum(['reader', 'publisher']), id: z.string(), followedAt: z.string().optional() })),
    likes: z.array(z.object({ postId: z.string(), likedAt: z.string() })),
    blocked: z.array(z.object({ userId: z.string(), at: z.string().optional() })),
    newsletters: exported.openapi({ description: 'The newsletters you subscribed to.' }),
  })
  .openapi('AccountExport');

export const EmailChangeBody = z
  .object({
    newEmail: z.string().trim().max(254).email(),
    password: z.string().min(1).max(200).openapi({ description: 'Your current password.' }),
  })
  .strict()
  .openapi('EmailChange');

export const EmailChangeStartedSchema = z
  .object({ sentTo: z.array(z.string()).openapi({ description: 'Where confirmation links went: the new address, and the current one when it had been confirmed.' }) })
  .openapi('EmailChangeStarted');

export const EmailChangeProgressSchema = z
  .object({
    side: z.enum(['old', 'new']).openapi({ description: 'Which address this link belonged to.' }),
    changed: z.boolean().openapi({ description: 'True once both links were used: the account now uses the new address.' }),
    email: z.string().openapi({ description: 'The address the account uses now.' }),
    newEmail: z.string(),
    starterPoints: z.number().int().openapi({ description: 'Starter points the change added: only when the account had never confirmed an address, and the new one never had them.' }),
  })
  .openapi('EmailChangeProgress');

// ---- newsletters ------------------------------------------------------------------
