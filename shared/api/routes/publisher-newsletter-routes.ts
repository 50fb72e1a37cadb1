/** A publisher managing its newsletters. Served by the publisher function. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../db/batch.js';
import { INDEX, newsletterDueKeys, newsletterKey, publisherIssuesPk } from '../../db/keys.js';
import { NotFound } from '../../errors.js';
import { newsletterIdOf, publisherOfNewsletterId, type Newsletter } from '../../newsletters/newsletter.js';
import { createNewsletter, getNewsletter, listNewsletters } from '../../newsletters/newsletter-store.js';
import { nextSendAt } from '../../newsletters/send-schedule.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requirePublisher } from '../auth.js';
import { newsletterRouteSpecs as spec } from './newsletter-route-specs.js';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export function registerPublisherNewsletterRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const auth = requirePublisher(deps);
  /** The publisher's own newsletter, or 404 (another publisher's newsletter is not there for it). */
  const own = async (slug: string, newsletterId: string) => {
    if (publisherOfNewsletterId(newsletterId) !== slug) throw new NotFound('The newsletter');
    return getNewsletter(deps.db, newsletterId);
  };

  app.openapi({ ...spec.list, middleware: auth }, async (c) => c.json({ items: await listNewsletters(deps.db, c.get('publisher').slug) }, 200));

  app.openapi({ ...spec.create, middleware: auth }, async (c) => {
    const body = c.req.valid('json');
    const slug = c.get('publisher').slug;
    const now = deps.now();
    const weekdays = body.frequency === 'daily' ? EVERY_DAY : [body.weekday ?? 1];
    const newsletter: Newsletter = {
      newsletterId: newsletterIdOf(slug, body.key),
      publisherSlug: slug,
      name: body.name,
      ...(body.description ? { description: body.description } : {}),
      ...(body.sections?.length ? { sections: body.sections } : {}),
      sendTime: body.sendTime,
      timeZone: body.timeZone,
      weekdays,
      maxArticles: body.maxArticles,
      createdAt: now.toISOString(),
      nextSendAt: nextSendAt({ sendTime: body.sendTime, timeZone: body.timeZone, weekdays }, now).toISOString(),
      subscriberCount: 0,
    };
    await createNewsletter(deps.db, newsletter);
    return c.json({ newsletter }, 201);
  });

  app.openapi({ ...spec.sendNow, middleware: auth }, async (c) => {
    const newsletter = await own(c.get('publisher').slug, c.req.valid('param').id);
    const now = deps.now().toISOString();
    const due = newsletterDueKeys(now, newsletter.newsletterId);
    await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.tableName,
        Key: newsletterKey(newsletter.newsletterId),
        UpdateExpression: 'SET nextSendAt = :now, GSI2PK = :pk, GSI2SK = :due',
        ExpressionAttributeValues: { ':now': now, ':pk': due.GSI2PK, ':due': due.GSI2SK },
      }),
    );
    return c.json({ nextSendAt: now }, 202);
  });

  app.openapi({ ...spec.issues, middleware: auth }, async (c) => {
    const newsletter = await own(c.get('publisher').slug, c.req.valid('param').id);
    const { Items = [] } = await deps.db.doc.send(
      new QueryCommand({ TableName: deps.db.tableName, IndexName: INDEX.byPublisher, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': publisherIssuesPk(newsletter.publisherSlug) }, ScanIndexForward: false, Limit: 200 }),
    );
    const issues = await batchGetAll(deps.db, Items.map((item) => ({ PK: item.PK as string, SK: item.SK as string })), ['issueId', 'newsletterId', 'madeAt', 'articles', 'sent', 'delivered', 'bounced', 'unsubscribed']);
    const items = issues
      .filter((issue) => issue.newsletterId === newsletter.newsletterId)
      .sort((a, b) => String(b.madeAt).localeCompare(String(a.madeAt)))
      .slice(0, 50)
      .map((issue) => ({
        issueId: issue.issueId as string,
        newsletterId: issue.newsletterId as string,
        madeAt: issue.madeAt as string,
        articles: (issue.articles as Array<{ id: string; title: string; price: number; publishedAt: string }>).map(({ id, title, price, publishedAt }) => ({ id, title, price, publishedAt })),
        sent: (issue.sent as number) ?? 0,
        delivered: (issue.delivered as number) ?? 0,
        bounced: (issue.bounced as number) ?? 0,
        unsubscribed: (issue.unsubscribed as number) ?? 0,
      }));
    return c.json({ items }, 200);
  });
}
