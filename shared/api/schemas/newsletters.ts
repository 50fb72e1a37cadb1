/** Newsletters, their issues and the subscription tokens. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { isTimeZone } from '../../newsletters/send-schedule.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const NewsletterSchema = z
  .object({
    newsletterId: z.string().openapi({ example: 'worldwire.daily' }),
    publisherSlug: z.string(),
    name: z.string().openapi({ example: 'The Daily Briefing' }),
    description: z.string().optional(),
    sections: z.array(z.string()).optional().openapi({ description: 'Only articles of these sections; all when absent.' }),
    sendTime: z.string().openapi({ example: '07:00' }),
    timeZone: z.string().openapi({ example: 'Europe/Berlin' }),
    weekdays: z.array(z.number().int()).openapi({ description: 'Days it goes out: 0 = Sunday … 6 = Saturday.', example: [1, 2, 3, 4, 5] }),
    maxArticles: z.number().int(),
    nextSendAt: z.string().openapi({ description: 'When the next issue is made (UTC).' }),
    lastIssueAt: z.string().optional(),
    subscriberCount: z.number().int().openapi({ description: 'Confirmed subscribers.' }),
    createdAt: z.string(),
  })
  .openapi('Newsletter');

export const CreateNewsletterBody = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, '1–30 lower-case letters, digits or dashes').openapi({ description: 'Short and unique among your newsletters: its id is `<your slug>.<key>`.', example: 'daily' }),
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(300).optional(),
    sections: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
    sendTime: z.string().regex(HHMM, 'a time of day, HH:MM').openapi({ example: '07:00' }),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, such as Europe/Berlin').openapi({ example: 'Europe/Berlin' }),
    frequency: z.enum(['daily', 'weekly']).openapi({ description: '`weekly` goes out on `weekday`.' }),
    weekday: z.number().int().min(0).max(6).optional().openapi({ description: 'For a weekly: 0 = Sunday … 6 = Saturday (default 1, Monday).' }),
    maxArticles: z.number().int().min(1).max(20).default(10),
  })
  .strict()
  .openapi('CreateNewsletter');

export const IssueSchema = z
  .object({
    issueId: z.string(),
    newsletterId: z.string(),
    madeAt: z.string(),
    articles: z.array(z.object({ id: z.string(), title: z.string(), price: z.number().int(), publishedAt: z.string() })),
    sent: z.number().int(),
    delivered: z.number().int(),
    bounced: z.number().int(),
    unsubscribed: z.number().int(),
  })
  .openapi('NewsletterIssue');

export const NewsletterTokenBody = z.object({ token: z.string().min(10).max(1000).openapi({ description: 'The `token` parameter of the link in the mail.' }) }).strict().openapi('NewsletterToken');

export const NewsletterIdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'worldwire.daily' }) });

// ---- webhooks -----------------------------------------------------------------------
