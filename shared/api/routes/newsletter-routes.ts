/** Readers and newsletters: finding them, subscribing with double opt-in, unsubscribing in one click. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { NotFound, Unauthorized } from '../../errors.js';
import { collectAll } from '../../db/query-all.js';
import { NEWSLETTER_SUBSCRIPTION_SK_PREFIX, readerPartition } from '../../db/keys.js';
import { CONFIRM_VALID_DAYS, confirmationToken, readConfirmationToken, readUnsubscribeToken } from '../../newsletters/newsletter-links.js';
import { confirmNewsletterSubscription, getNewsletter, listNewsletters, requestNewsletterSubscription, unsubscribeNewsletter } from '../../newsletters/newsletter-store.js';
import { subscriptionConfirmMail } from '../../newsletters/subscription-mail.js';
import { getPublisher } from '../../publishers/publisher-store.js';
import { getReaderWithBalance } from '../../readers/reader-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { readerIfPresent, requireReader } from '../auth.js';
import { takeHourlySlot } from '../rate-limit.js';
import { errorResponses, jsonResponse, OPTIONAL_READER } from '../schemas/common.js';
import { NewsletterIdParam, NewsletterSchema, NewsletterTokenBody } from '../schemas/newsletters.js';
import { SlugParam } from './social-route-kit.js';

/** Confirmation mails a reader may cause in an hour, across newsletters. */
const CONFIRMATIONS_PER_HOUR = 10;

const PublicNewsletterSchema = NewsletterSchema.pick({ newsletterId: true, publisherSlug: true, name: true, description: true, sections: true, sendTime: true, timeZone: true, weekdays: true }).openapi('PublicNewsletter');
const MyNewsletterSchema = z
  .object({ newsletterId: z.string(), publisherSlug: z.string(), name: z.string(), status: z.enum(['pending', 'active']), requestedAt: z.string(), confirmedAt: z.string().optional() })
  .openapi('MyNewsletter');

export function registerNewsletterRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const reader = { tags: ['reader'], security: [{ bearer: [] }], middleware: requireReader(deps) };

  app.openapi(
    createRoute({ operationId: 'listPublisherNewsletters', summary: 'A publisher’s newsletters', method: 'get', path: '/v1/publishers/{slug}/newsletters', tags: ['everyone'], request: { params: SlugParam }, responses: { 200: jsonResponse(z.object({ items: z.array(PublicNewsletterSchema) }), 'Newsletters, by name'), ...errorResponses(404) } }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const items = await listNewsletters(deps.db, slug);
      return c.json({ items: items.map(({ newsletterId, publisherSlug, name, description, sections, sendTime, timeZone, weekdays }) => ({ newsletterId, publisherSlug, name, description, sections, sendTime, timeZone, weekdays })) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listMyNewsletters', summary: 'The newsletters the reader subscribed to', ...reader, method: 'get', path: '/v1/me/newsletters', responses: { 200: jsonResponse(z.object({ items: z.array(MyNewsletterSchema) }), 'Subscriptions, confirmed or waiting for the link'), ...errorResponses(401) } }),
    async (c) => {
      const items = await collectAll(deps.db, { partition: readerPartition(c.get('reader')!.userId), prefix: NEWSLETTER_SUBSCRIPTION_SK_PREFIX });
      return c.json({ items: items.map(({ newsletterId, publisherSlug, name, status, requestedAt, confirmedAt }) => ({ newsletterId, publisherSlug, name, status, requestedAt, confirmedAt }) as z.infer<typeof MyNewsletterSchema>) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'subscribeNewsletter', summary: 'Subscribe to a newsletter (double opt-in)',
      ...reader,
      method: 'post',
      path: '/v1/newsletters/{id}/subscribe',
      description: `Mails a confirmation link to the reader's address; the subscription starts when it is used (within ${CONFIRM_VALID_DAYS} days). Subscribing again while waiting sends the link again.`,
      request: { params: NewsletterIdParam },
      responses: { 202: jsonResponse(z.object({ status: z.enum(['pending', 'active']) }), '`pending`: the link is on its way; `active`: subscribed already'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const [newsletter, { reader: account }] = await Promise.all([getNewsletter(deps.db, c.req.valid('param').id), getReaderWithBalance(deps.db, userId)]);
      if (!account) throw new NotFound('The account');
      const status = await requestNewsletterSubscription(deps.db, { userId, newsletter, now: deps.now() });
      if (status === 'pending') {
        await takeHourlySlot(deps, userId, 'newsletter-confirm', CONFIRMATIONS_PER_HOUR, `You can ask for ${CONFIRMATIONS_PER_HOUR} subscription confirmations an hour`);
        const publisher = await getPublisher(deps.db, newsletter.publisherSlug);
        const token = confirmationToken(deps.config.jwtSecret, userId, newsletter.newsletterId, deps.now());
        const link = `${deps.config.feeds.publicUrl}/newsletters/confirm?newsletter=${encodeURIComponent(newsletter.newsletterId)}&token=${encodeURIComponent(token)}`;
        await deps.mail.enqueue(subscriptionConfirmMail({ to: account.email, handle: account.handle, newsletterName: newsletter.name, publisherName: publisher.name, link, validDays: CONFIRM_VALID_DAYS }));
      }
      return c.json({ status }, 202);
    },
  );

  app.openapi(
    createRoute({ operationId: 'confirmNewsletterSubscription', summary: 'Confirm a subscription with the link from the mail',
      method: 'post',
      path: '/v1/newsletters/{id}/confirm',
      tags: ['reader'],
      request: { params: NewsletterIdParam, body: { required: true, content: { 'application/json': { schema: NewsletterTokenBody } } } },
      responses: { 200: jsonResponse(z.object({ newsletterId: z.string(), subscribed: z.literal(true), alreadySubscribed: z.boolean() }), 'Subscribed'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { userId } = readConfirmationToken(deps.config.jwtSecret, c.req.valid('json').token, id, deps.now());
      const started = await confirmNewsletterSubscription(deps.db, { userId, newsletterId: id, now: deps.now() });
      return c.json({ newsletterId: id, subscribed: true as const, alreadySubscribed: !started }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'unsubscribeNewsletter', summary: 'Unsubscribe (one click)',
      method: 'post',
      path: '/v1/newsletters/{id}/unsubscribe',
      tags: ['reader'],
      security: OPTIONAL_READER,
      middleware: readerIfPresent(deps),
      description:
        'With `token` (the link in every issue, and its `List-Unsubscribe` header) nobody needs to sign in: this is the RFC 8058 one-click endpoint, and mail clients POST `List-Unsubscribe=One-Click` to it, which is accepted and not needed. Without a token, the signed-in reader is unsubscribed. Unsubscribing twice is no error.',
      request: { params: NewsletterIdParam, query: z.object({ token: z.string().max(1000).optional() }) },
      responses: { 200: jsonResponse(z.object({ unsubscribed: z.boolean().openapi({ description: 'False when there was no subscription (any more).' }) }), 'Unsubscribed'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { token } = c.req.valid('query');
      const who = token ? readUnsubscribeToken(deps.config.jwtSecret, token, id) : c.get('reader') ? { userId: c.get('reader')!.userId, issueId: undefined } : undefined;
      if (!who) throw new Unauthorized('Unsubscribing needs the link from a newsletter mail, or a reader token.');
      const unsubscribed = await unsubscribeNewsletter(deps.db, { userId: who.userId, newsletterId: id, issueId: who.issueId });
      return c.json({ unsubscribed }, 200);
    },
  );
}
