/** A publisher's newsletters as route data: the publisher function serves them, the main API documents them. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { CreateNewsletterBody, IssueSchema, NewsletterIdParam, NewsletterSchema } from '../schemas/newsletters.js';

const common = { tags: ['publisher'], security: [{ bearer: [] }] };

export const newsletterRouteSpecs = {
  list: createRoute({ operationId: 'listOwnNewsletters', summary: 'The publisher’s newsletters',
    ...common,
    method: 'get',
    path: '/v1/publisher/newsletters',
    responses: { 200: jsonResponse(z.object({ items: z.array(NewsletterSchema) }), 'Newsletters, by name'), ...errorResponses(401) },
  }),

  create: createRoute({ operationId: 'createNewsletter', summary: 'Define a newsletter',
    ...common,
    method: 'post',
    path: '/v1/publisher/newsletters',
    description:
      'A newsletter goes out at `sendTime` in `timeZone`, daily or weekly. Each issue carries your articles published since the previous issue (in `sections`, when given), newest first, at most `maxArticles`; no issue goes out when there is nothing new. Readers subscribe with double opt-in and unsubscribe in one click. What each reader sees follows the access decision: articles they can read open, the others as teaser, price and unlock link.',
    request: { body: { required: true, content: { 'application/json': { schema: CreateNewsletterBody } } } },
    responses: { 201: jsonResponse(z.object({ newsletter: NewsletterSchema }), 'Created'), ...errorResponses(400, 401, 409) },
  }),

  sendNow: createRoute({ operationId: 'sendNewsletterNow', summary: 'Make the next issue now',
    ...common,
    method: 'post',
    path: '/v1/publisher/newsletters/{id}/send-now',
    description: 'Brings the next issue forward to now: the dispatcher, which runs every minute, makes and sends it. The schedule goes on from there.',
    request: { params: NewsletterIdParam },
    responses: { 202: jsonResponse(z.object({ nextSendAt: z.string() }), 'The next issue is due now'), ...errorResponses(401, 404) },
  }),

  issues: createRoute({ operationId: 'listNewsletterIssues', summary: 'A newsletter’s recent issues and what became of their mails',
    ...common,
    method: 'get',
    path: '/v1/publisher/newsletters/{id}/issues',
    request: { params: NewsletterIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(IssueSchema) }), 'Up to 50 issues, newest first'), ...errorResponses(401, 404) },
  }),
};
