/** A reader's account as a whole: taking it away (export), closing it (delete), and which mails it gets. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFound, Unauthorized } from '../../errors.js';
import { conditionHeld } from '../../db/conditional-write.js';
import { readerKey } from '../../db/keys.js';
import { emailChangeNewMail, emailChangeOldMail } from '../../mail/account-mails.js';
import { readerReceipts } from '../../access/receipts.js';
import { deleteAccount } from '../../readers/account-deletion.js';
import { confirmEmailChange, EMAIL_CHANGE_VALID_HOURS, startEmailChange } from '../../readers/email-change.js';
import { grantStarterPoints } from '../../readers/starter-grant.js';
import { exportAccount } from '../../readers/account-export.js';
import { getReaderWithBalance } from '../../readers/reader-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { takeHourlySlot } from '../rate-limit.js';
import { AccountDeletedSchema, AccountExportSchema, DeleteAccountBody, EmailChangeBody, EmailChangeProgressSchema, EmailChangeStartedSchema, MailPreferencesSchema, ReceiptsSchema } from '../schemas/account.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { EmailVerificationBody } from '../schemas/readers.js';

/** Exports a reader may take in an hour: each reads their whole account. */
const EXPORTS_PER_HOUR = 5;
/** Receipt sets a reader may fetch in an hour: each signs every receipt anew. */
const RECEIPTS_PER_HOUR = 20;
/** Address changes a reader may start in an hour: each sends two mails. */
const EMAIL_CHANGES_PER_HOUR = 3;

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const common = { tags: ['reader'], security: [{ bearer: [] }], middleware: requireReader(deps) };

  /** The signed-in reader, once their current password is proven (for what a stolen token alone must not do); wrong passwords count with failed logins, so a token is no password oracle. */
  const withPassword = async (userId: string, password: string) => {
    const { reader } = await getReaderWithBalance(deps.db, userId);
    if (!reader) throw new NotFound('The account');
    const wrong = 'The password is not right.';
    await deps.passwords.proven(reader.email, password, deps.now(), { wrong, tooMany: 'Too many wrong passwords for this account; try again later.' }, async (login) => {
      if (login.userId !== userId) throw new Unauthorized(wrong);
    });
    return reader;
  };

  app.openapi(
    createRoute({ operationId: 'exportAccount', summary: 'The whole account as JSON',
      ...common,
      method: 'get',
      path: '/v1/me/export',
      description: `Profile, wallet and ledger, library, subscriptions, posts, follows, likes, blocks and newsletter subscriptions: everything postwire keeps about the reader, as a file they can keep. At most ${EXPORTS_PER_HOUR} an hour.`,
      responses: { 200: jsonResponse(AccountExportSchema, 'The account'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      await takeHourlySlot(deps, userId, 'account-export', EXPORTS_PER_HOUR, `An account can be exported ${EXPORTS_PER_HOUR} times an hour`);
      const data = await exportAccount(deps.db, userId, deps.now());
      c.header('content-disposition', `attachment; filename="postwire-account-${deps.now().toISOString().slice(0, 10)}.json"`);
      return c.json(data, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'deleteAccount', summary: 'Delete the account',
      ...common,
      method: 'delete',
      path: '/v1/me',
      description:
        'Needs the current password. Posts stay in their threads as "deleted account", without text; follows, likes, blocks, the library and subscriptions go; the wallet ledger is kept without name or address for as long as accounting law requires (docs/ACCOUNTS.md). Points left in the wallet are given up: for purchased points only with `forfeitPoints: true` (409 otherwise), and a paid subscription that would renew must be cancelled first (409). Every token of the account stops working.',
      request: { body: { required: true, content: { 'application/json': { schema: DeleteAccountBody } } } },
      responses: { 200: jsonResponse(AccountDeletedSchema, 'Deleted'), ...errorResponses(400, 401, 404, 409, 429, 503) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { password, forfeitPoints } = c.req.valid('json');
      const reader = await withPassword(userId, password);
      const { forfeited } = await deleteAccount(deps.db, { userId, email: reader.email, handle: reader.handle, forfeitPoints, now: deps.now() });
      deps.logger.info('Account deleted', { userId, forfeited });
      return c.json({ deleted: true as const, forfeitedPoints: forfeited }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'changeEmail', summary: 'Move the account to another address',
      ...common,
      method: 'post',
      path: '/v1/me/email-change',
      description: `Needs the current password. Mails a link to the new address and, when the current one was confirmed, a link to it too: the change happens once both are used, within ${EMAIL_CHANGE_VALID_HOURS} hours. A new request replaces a pending one. At most ${EMAIL_CHANGES_PER_HOUR} requests an hour.`,
      request: { body: { required: true, content: { 'application/json': { schema: EmailChangeBody } } } },
      responses: { 202: jsonResponse(EmailChangeStartedSchema, 'Links mailed'), ...errorResponses(400, 401, 404, 409, 429) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { newEmail, password } = c.req.valid('json');
      const reader = await withPassword(userId, password);
      await takeHourlySlot(deps, userId, 'email-change', EMAIL_CHANGES_PER_HOUR, `An address change can be asked for ${EMAIL_CHANGES_PER_HOUR} times an hour`);
      const { oldToken, newToken } = await startEmailChange(deps.db, { userId, oldEmail: reader.email, oldConfirmed: reader.emailVerifiedAt !== undefined, newEmail, now: deps.now() });
      const link = (token: string) => `${deps.config.feeds.publicUrl}/confirm-email-change?token=${encodeURIComponent(token)}`;
      const to = newEmail.toLowerCase();
      await deps.mail.enqueue(emailChangeNewMail({ to, handle: reader.handle, link: link(newToken), validHours: EMAIL_CHANGE_VALID_HOURS, oldMustAgree: oldToken !== undefined }));
      if (oldToken) await deps.mail.enqueue(emailChangeOldMail({ to: reader.email, handle: reader.handle, newEmail: to, link: link(oldToken), validHours: EMAIL_CHANGE_VALID_HOURS }));
      return c.json({ sentTo: oldToken ? [to, reader.email] : [to] }, 202);
    },
  );

  app.openapi(
    createRoute({ operationId: 'confirmEmailChange', summary: 'Use a link from an address-change mail',
      method: 'post',
      path: '/v1/auth/email-change/confirm',
      tags: ['reader'],
      description: 'The token is the `token` parameter of the link. Each link works once; the account moves to the new address when both (or, for an address never confirmed, the new one) are used.',
      request: { body: { required: true, content: { 'application/json': { schema: EmailVerificationBody } } } },
      responses: { 200: jsonResponse(EmailChangeProgressSchema, 'This side agreed'), ...errorResponses(400, 409, 503) },
    }),
    async (c) => {
      const progress = await confirmEmailChange(deps.db, c.req.valid('json').token, deps.now());
      const { firstConfirmedAddress, userId: _userId, ...shown } = progress;
      const starterPoints = progress.changed && firstConfirmedAddress ? await grantStarterPoints(deps.db, { userId: progress.userId, email: progress.email, points: deps.config.readers.starterPoints, now: deps.now() }) : 0;
      return c.json({ ...shown, starterPoints }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listReceipts', summary: 'Signed receipts of every purchase and entitlement',
      ...common,
      method: 'get',
      path: '/v1/me/receipts',
      description:
        'Each receipt is a JWS signed with the keys at `/.well-known/jwks.json`, so it verifies offline with any JOSE library, without postwire: keep them. What a receipt promises if postwire stops operating is in docs/ARCHITECTURE.md. At most 20 an hour.',
      responses: { 200: jsonResponse(ReceiptsSchema, 'Every points purchase, every article the reader may read, every subscription'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      await takeHourlySlot(deps, userId, 'receipts', RECEIPTS_PER_HOUR, `Receipts can be fetched ${RECEIPTS_PER_HOUR} times an hour`);
      return c.json(await readerReceipts(deps.db, userId, deps.entitlementKeys, { issuer: deps.config.feeds.publicUrl, secret: deps.config.jwtSecret, now: deps.now() }), 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getMailPreferences', summary: 'Which mails the reader wants', ...common, method: 'get', path: '/v1/me/mail-preferences', responses: { 200: jsonResponse(MailPreferencesSchema, 'The preferences'), ...errorResponses(401, 404) } }),
    async (c) => {
      const { reader } = await getReaderWithBalance(deps.db, c.get('reader')!.userId);
      if (!reader) throw new NotFound('The account');
      return c.json({ newsletters: reader.mailPreferences?.newsletters ?? true }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'setMailPreferences', summary: 'Choose which mails to get',
      ...common,
      method: 'put',
      path: '/v1/me/mail-preferences',
      request: { body: { required: true, content: { 'application/json': { schema: MailPreferencesSchema } } } },
      responses: { 200: jsonResponse(MailPreferencesSchema, 'Saved'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const preferences = c.req.valid('json');
      const updated = await conditionHeld(
        deps.db.doc.send(
          new UpdateCommand({
            TableName: deps.db.tableName,
            Key: readerKey(c.get('reader')!.userId),
            UpdateExpression: 'SET mailPreferences = :preferences',
            ConditionExpression: '#type = :reader',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':preferences': preferences, ':reader': 'reader' },
          }),
        ),
      );
      if (!updated) throw new NotFound('The account');
      return c.json(preferences, 200);
    },
  );
}
