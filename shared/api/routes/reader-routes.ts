/** Readers: sign-up, login, their profile, wallet and library. */
import { passwordResetMail, verificationMail } from '../../mail/account-mails.js';
import { finishPasswordReset, RESET_VALID_MINUTES, startPasswordReset } from '../../readers/password-reset.js';
import { grantStarterPoints } from '../../readers/starter-grant.js';
import { markEmailVerified, readVerificationToken, VERIFICATION_VALID_HOURS, verificationToken } from '../../readers/email-verification.js';
import { takeHourlySlot } from '../rate-limit.js';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Unauthorized, NotFound } from '../../errors.js';
import { listLibrary } from '../../access/library-store.js';
import { getPublishers } from '../../publishers/publisher-store.js';
import { hashPassword } from '../../readers/password.js';
import { createReader, getReaderWithBalance } from '../../readers/reader-store.js';
import type { Reader } from '../../readers/reader.js';
import { issueReaderToken } from '../../readers/reader-tokens.js';
import { deficitOf } from '../../wallet/ledger.js';
import { creditWallet, getWallet, listLedger } from '../../wallet/wallet-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { idempotent } from '../idempotency.js';
import { takeSignupSlots } from '../signup-limits.js';
import { toCard } from '../presenters.js';
import { ArticleCardSchema } from '../schemas/articles.js';
import { errorResponses, IdempotencyHeader, PageQuery, jsonResponse } from '../schemas/common.js';
import { AuthResultSchema, DevTopUpBody, EmailVerificationBody, EmailVerifiedSchema, PasswordResetBody, PasswordResetConfirmBody, LedgerEntrySchema, LoginBody, MeSchema, SignupBody, WalletSchema } from '../schemas/readers.js';

/** Confirmation mails a reader may ask for in an hour: enough for a lost mail, too few to flood an inbox. */
const VERIFICATION_MAILS_PER_HOUR = 3;
/** Reset mails one address may be sent in an hour. */
const RESETS_PER_HOUR = 3;

export function registerReaderRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { readers } = deps.config;
  const token = (userId: string, handle: string) => issueReaderToken({ userId, handle }, deps.config.jwtSecret, readers.tokenTtlMinutes);
  /** What sign-up, login and a password reset answer: the account, a new session token and the balance. */
  const signedIn = async (reader: Reader, balance: number) => ({ user: reader, token: await token(reader.userId, reader.handle), balance });
  /** The confirmation mail for the reader's current address; it goes out through the mail queue. */
  const sendVerification = async (reader: { userId: string; email: string; handle: string }) => {
    const link = `${deps.config.feeds.publicUrl}/verify-email?token=${encodeURIComponent(verificationToken(deps.config.jwtSecret, reader.userId, reader.email, deps.now()))}`;
    await deps.mail.enqueue(verificationMail({ to: reader.email, handle: reader.handle, link, validHours: VERIFICATION_VALID_HOURS }));
  };

  app.openapi(
    createRoute({ operationId: 'signUp', summary: 'Create a reader account',
      method: 'post',
      path: '/v1/auth/signup',
      tags: ['reader'],
      // Anonymous: a replay needs the very same body, password included, so it answers only the one who signed up.
      middleware: idempotent(deps, () => 'signup'),
      request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: SignupBody } } } },
      description: `The account starts with an empty wallet; confirming the address with the link mailed to it adds ${readers.starterPoints} starter points, once per address.`,
      responses: { 201: jsonResponse(AuthResultSchema, 'Account created; a confirmation mail is on its way'), ...errorResponses(400, 409, 422, 429, 503) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await takeSignupSlots(deps, c, body.email);
      const { reader, balance } = await createReader(deps.db, {
        email: body.email,
        handle: body.handle,
        displayName: body.displayName,
        passwordHash: await hashPassword(body.password, readers.passwordHashCost),
        now: deps.now(),
      });
      await sendVerification(reader);
      return c.json(await signedIn(reader, balance), 201);
    },
  );

  app.openapi(
    createRoute({ operationId: 'requestPasswordReset', summary: 'Mail a link to choose a new password',
      method: 'post',
      path: '/v1/auth/password-reset',
      tags: ['reader'],
      description: `The answer is the same whether or not an account uses the address, so nobody can find out which addresses have accounts. The link works once, for ${RESET_VALID_MINUTES} minutes. At most ${RESETS_PER_HOUR} requests an hour per address.`,
      request: { body: { required: true, content: { 'application/json': { schema: PasswordResetBody } } } },
      responses: { 202: jsonResponse(z.object({ message: z.string() }), 'Accepted, whether or not the address has an account'), ...errorResponses(400, 429) },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      const address = email.toLowerCase();
      await takeHourlySlot(deps, `address:${address}`, 'password-reset', RESETS_PER_HOUR, `A reset can be asked for ${RESETS_PER_HOUR} times an hour for one address`);
      const started = await startPasswordReset(deps.db, address, deps.now());
      if (started) {
        const link = `${deps.config.feeds.publicUrl}/reset-password?token=${encodeURIComponent(started.token)}`;
        await deps.mail.enqueue(passwordResetMail({ to: address, handle: started.handle, link, validMinutes: RESET_VALID_MINUTES }));
      }
      return c.json({ message: 'If an account uses this address, a link to choose a new password is on its way.' }, 202);
    },
  );

  app.openapi(
    createRoute({ operationId: 'confirmPasswordReset', summary: 'Choose a new password with the link from the mail',
      method: 'post',
      path: '/v1/auth/password-reset/confirm',
      tags: ['reader'],
      description: 'Sets the new password, ends every session of the account (their tokens answer 401), and signs in anew.',
      request: { body: { required: true, content: { 'application/json': { schema: PasswordResetConfirmBody } } } },
      responses: { 200: jsonResponse(AuthResultSchema, 'New password set; signed in with a new token'), ...errorResponses(400, 503) },
    }),
    async (c) => {
      const { token: resetToken, password } = c.req.valid('json');
      const { userId } = await finishPasswordReset(deps.db, resetToken, await hashPassword(password, readers.passwordHashCost), deps.now());
      const { reader, balance } = await getReaderWithBalance(deps.db, userId);
      if (!reader) throw new NotFound('The account');
      return c.json(await signedIn(reader, balance), 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'verifyEmail', summary: 'Confirm an email address with the link from the mail',
      method: 'post',
      path: '/v1/auth/verify-email',
      tags: ['reader'],
      description: `The token is the \`token\` parameter of the link in the confirmation mail. The first confirmation of an address adds ${readers.starterPoints} starter points to the wallet; no address earns them twice, whichever account it belongs to. Using the link again changes nothing.`,
      request: { body: { required: true, content: { 'application/json': { schema: EmailVerificationBody } } } },
      responses: { 200: jsonResponse(EmailVerifiedSchema, 'The address is confirmed'), ...errorResponses(400) },
    }),
    async (c) => {
      const { userId, email } = readVerificationToken(deps.config.jwtSecret, c.req.valid('json').token, deps.now());
      // Points first, then the mark: a crash between the two leaves a link that still completes both, and the claim keeps it to one grant.
      const starterPoints = await grantStarterPoints(deps.db, { userId, email, points: readers.starterPoints, now: deps.now() });
      const { alreadyVerified } = await markEmailVerified(deps.db, userId, email, deps.now());
      return c.json({ email, verified: true as const, alreadyVerified, starterPoints }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'logIn', summary: 'Sign in',
      method: 'post',
      path: '/v1/auth/login',
      tags: ['reader'],
      request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
      responses: { 200: jsonResponse(AuthResultSchema, 'Logged in'), ...errorResponses(400, 401, 429, 503) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const wrong = 'The email or password is not right.';
      const { reader, balance } = await deps.passwords.proven(email, password, deps.now(), { wrong, tooMany: 'Too many failed logins for this email; try again later.' }, (login) => getReaderWithBalance(deps.db, login.userId));
      if (!reader) throw new Unauthorized(wrong);
      return c.json(await signedIn(reader, balance), 200);
    },
  );

  const auth = requireReader(deps);
  const common = { tags: ['reader'], security: [{ bearer: [] }], middleware: auth };

  app.openapi(
    createRoute({ operationId: 'getMe', summary: 'The signed-in reader', ...common, method: 'get', path: '/v1/me', responses: { 200: jsonResponse(MeSchema, 'The signed-in reader and their balance'), ...errorResponses(401) } }),
    async (c) => {
      const { reader, balance } = await getReaderWithBalance(deps.db, c.get('reader')!.userId);
      if (!reader) throw new NotFound('The account');
      return c.json({ ...reader, balance }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'resendEmailVerification', summary: 'Send the address confirmation mail again',
      ...common,
      method: 'post',
      path: '/v1/me/email-verification',
      responses: { 202: jsonResponse(z.object({ sent: z.boolean().openapi({ description: 'False when the address is already confirmed: nothing is sent.' }) }), 'Queued for sending'), ...errorResponses(401, 429) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      await takeHourlySlot(deps, userId, 'verification-mail', VERIFICATION_MAILS_PER_HOUR, `You can ask for a confirmation mail ${VERIFICATION_MAILS_PER_HOUR} times an hour`);
      const { reader } = await getReaderWithBalance(deps.db, userId);
      if (!reader) throw new NotFound('The account');
      if (reader.emailVerifiedAt) return c.json({ sent: false }, 202);
      await sendVerification(reader);
      return c.json({ sent: true }, 202);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getWallet', summary: 'Balance and ledger',
      ...common,
      method: 'get',
      path: '/v1/me/wallet',
      request: { query: PageQuery },
      responses: { 200: jsonResponse(WalletSchema, 'Balance and the ledger, newest first'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { limit, cursor } = c.req.valid('query');
      const scope = `wallet:${userId}`;
      const [wallet, page] = await Promise.all([getWallet(deps.db, userId), listLedger(deps.db, userId, limit, deps.cursors.decode(scope, cursor))]);
      return c.json({ ...wallet, deficit: deficitOf(wallet), entries: page.entries, nextCursor: deps.cursors.encode(scope, page.lastKey) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listLibrary', summary: 'Articles the reader can read in full',
      ...common,
      method: 'get',
      path: '/v1/me/library',
      request: { query: PageQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(ArticleCardSchema.extend({ via: z.string(), grantedAt: z.string() })), nextCursor: z.string().nullable() }).openapi('LibraryPage'),
          'Articles this reader can read in full, newest unlock first',
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { limit, cursor } = c.req.valid('query');
      const scope = `library:${userId}`;
      const page = await listLibrary(deps.db, userId, limit, deps.cursors.decode(scope, cursor));
      const publishers = await getPublishers(deps.db, page.items.map((item) => item.article.publisherSlug));
      return c.json(
        {
          items: page.items.map(({ article, entitlement }) => ({
            ...toCard(article, publishers.get(article.publisherSlug), deps.config.defaultArticlePrice, deps.now()),
            via: entitlement.via,
            grantedAt: entitlement.grantedAt,
          })),
          nextCursor: deps.cursors.encode(scope, page.lastKey),
        },
        200,
      );
    },
  );

  if (readers.devTopUpEnabled) {
    app.openapi(
      createRoute({ operationId: 'devTopUp', summary: 'Development top-up (never in AWS)',
        ...common,
        middleware: auth,
        method: 'post',
        path: '/v1/me/wallet/dev-top-up',
        description: 'DEVELOPMENT ONLY: adds points without payment. Exists only where no payment provider is configured; never in AWS.',
        request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: DevTopUpBody } } } },
        responses: { 200: jsonResponse(z.object({ entry: LedgerEntrySchema }), 'Points added (development only)'), ...errorResponses(400, 401) },
      }),
      async (c) => {
        const { points } = c.req.valid('json');
        const entry = await creditWallet(deps.db, c.get('reader')!.userId, points, 'topup', 'Development top-up (no payment)', deps.now());
        return c.json({ entry }, 200);
      },
    );
  }
}
