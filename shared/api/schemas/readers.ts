/** Readers' accounts, sign-up and sign-in, wallets and ledgers, point packs, checkout and subscriptions. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { LEDGER_KINDS } from '../../wallet/ledger.js';

export const ReaderSchema = z
  .object({
    userId: z.string().openapi({ example: 'u_01JD8ZK3Q7B2' }),
    email: z.string().openapi({ example: 'ana@example.com' }),
    handle: z.string().openapi({ example: 'ana_reads' }),
    displayName: z.string().optional().openapi({ example: 'Ana' }),
    createdAt: z.string().openapi({ example: '2026-11-29T10:15:00.000Z' }),
    emailVerifiedAt: z.string().optional().openapi({ description: 'When the address was confirmed through the link mailed to it; absent until then.', example: '2026-11-29T10:17:00.000Z' }),
    mailPreferences: z.object({ newsletters: z.boolean() }).optional().openapi({ description: 'Which mails the reader wants; absent means every kind.' }),
  })
  .openapi('Reader');

export const PasswordResetBody = z.object({ email: z.string().trim().max(254).email() }).strict().openapi('PasswordReset');

export const PasswordResetConfirmBody = z
  .object({
    token: z.string().min(20).max(200).openapi({ description: 'The `token` parameter of the link in the reset mail.' }),
    password: z.string().min(10, 'at least 10 characters').max(200).openapi({ example: 'a new correct horse' }),
  })
  .strict()
  .openapi('PasswordResetConfirm');

export const EmailVerificationBody = z.object({ token: z.string().min(10).max(1000) }).openapi('EmailVerification');

export const EmailVerifiedSchema = z
  .object({
    email: z.string(),
    verified: z.literal(true),
    alreadyVerified: z.boolean().openapi({ description: 'The link had been used before; nothing changed.' }),
    starterPoints: z.number().int().openapi({ description: 'Starter points this confirmation added to the wallet: 0 when the address had them before.', example: 50 }),
  })
  .openapi('EmailVerified');

export const SignupBody = z
  .object({
    email: z.string().trim().max(254).email(),
    password: z.string().min(10, 'at least 10 characters').max(200).openapi({ example: 'correct horse battery' }),
    handle: z.string().regex(/^[A-Za-z0-9_]{3,30}$/, '3–30 letters, digits or underscores').openapi({ example: 'ana_reads' }),
    displayName: z.string().trim().min(1).max(80).optional().openapi({ example: 'Ana' }),
  })
  .strict()
  .openapi('Signup');

export const LoginBody = z.object({ email: z.string().trim().max(254).email(), password: z.string().min(1).max(200) }).strict().openapi('Login');

export const AuthResultSchema = z
  .object({ user: ReaderSchema, token: z.string().openapi({ example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig' }), balance: z.number().int().openapi({ example: 0 }) })
  .openapi('AuthResult');

export const MeSchema = ReaderSchema.extend({ balance: z.number().int() }).openapi('Me');

export const LedgerEntrySchema = z
  .object({
    entryId: z.string().openapi({ example: 'e_2026-11-29T10:20:00.000Z_1' }),
    at: z.string().openapi({ example: '2026-11-29T10:20:00.000Z' }),
    kind: z.enum(LEDGER_KINDS).openapi({ example: 'unlock' }),
    amount: z.number().int().openapi({ example: -30 }),
    balanceAfter: z.number().int().openapi({ example: 20 }),
    promoAmount: z.number().int().optional().openapi({ description: 'The promotional part of `amount`, when it has one.' }),
    articleId: z.string().optional(),
    publisherSlug: z.string().optional(),
    postId: z.string().optional(),
    paymentId: z.string().optional().openapi({ description: 'On a top-up: the purchase, as a refund request names it.' }),
    note: z.string().optional(),
  })
  .openapi('LedgerEntry');

export const WalletSchema = z
  .object({
    balance: z.number().int(),
    promotional: z.number().int().openapi({ description: 'The part of `balance` that was given, not bought (starter points): it unlocks articles, and is spent first, but cannot be tipped or paid out.' }),
    deficit: z.number().int().openapi({
      description: 'Points owed after a refunded or disputed purchase whose points were already spent. While above zero nothing can be spent; points bought or received cover it first.',
    }),
    entries: z.array(LedgerEntrySchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('Wallet');

export const DevTopUpBody = z.object({ points: z.number().int().min(1).max(10_000) }).strict().openapi('DevTopUp');

export const PointPackSchema = z.object({ packId: z.string(), points: z.number().int(), priceCents: z.number().int() }).openapi('PointPack');

export const CheckoutSchema = z
  .object({ sessionId: z.string(), checkoutUrl: z.string().openapi({ description: 'Send the reader here to pay.' }) })
  .openapi('Checkout');

export const SubscriptionSchema = z
  .object({
    publisherSlug: z.string().openapi({ example: 'worldwire' }),
    planId: z.string().openapi({ example: 'monthly' }),
    kind: z.enum(['trial', 'paid']),
    status: z.string(),
    currentPeriodEnd: z.string(),
    cancelAtPeriodEnd: z.boolean(),
    graceUntil: z.string().optional().openapi({ description: 'After a failed renewal (`past_due`), access lasts until then.' }),
    updatedAt: z.string(),
  })
  .openapi('Subscription');
