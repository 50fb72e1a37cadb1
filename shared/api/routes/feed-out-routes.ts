/**
 * Feeds out: every publisher's and section's public Atom feed, and each
 * reader's private one at a revocable address. Served with ETag and
 * Last-Modified (a conditional GET gets 304) and cached briefly.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { NotFound } from '../../errors.js';
import { atomResponse } from '../../feeds-out/atom.js';
import { privateFeed, publicFeed } from '../../feeds-out/feeds-out.js';
import { newPrivateFeedToken, privateFeedOwner, revokePrivateFeed } from '../../feeds-out/private-feed-token.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';

const ATOM = { 'application/atom+xml': { schema: z.string().openapi({ description: 'An Atom 1.0 document (RFC 4287).' }) } };
const atomResponses = (what: string) => ({ 200: { description: what, content: ATOM }, 304: { description: 'Not modified since the copy the ETag or date names' }, ...errorResponses(404) });
/** Public feeds change at most as often as their publisher posts: readers and caches may keep them five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';
const PRIVATE_CACHE = 'private, max-age=60';
const atomName = (name: string) => (name.endsWith('.atom') ? name.slice(0, -'.atom'.length) : undefined);

export function registerFeedOutRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const context = () => ({ publicUrl: deps.config.feeds.publicUrl, defaultPrice: deps.config.defaultArticlePrice, now: deps.now() });

  // The paths end in `.atom`, which route templates do not express: the document lists them, plain handlers serve them.
  app.openAPIRegistry.registerPath({ operationId: 'getPublisherFeed', summary: 'A publisher’s public Atom feed', method: 'get', path: '/feeds/{slug}.atom', tags: ['everyone'], request: { params: z.object({ slug: z.string() }) }, responses: atomResponses('The newest 50 articles, as teasers linking to their pages') });
  app.openAPIRegistry.registerPath({ operationId: 'getSectionFeed', summary: 'A section’s public Atom feed', method: 'get', path: '/feeds/{slug}/{section}.atom', tags: ['everyone'], request: { params: z.object({ slug: z.string(), section: z.string() }) }, responses: atomResponses('The section’s newest 50 articles') });
  app.openAPIRegistry.registerPath({ operationId: 'getPrivateFeed', summary: 'A reader’s private Atom feed, in full text', method: 'get', path: '/feeds/private/{token}.atom', tags: ['reader'], description: 'The address `POST /v1/me/private-feed` gave: what the reader unlocked or was given, and the newest articles of the publishers they subscribe to, in full. No sign-in: the token is the key; revoking it makes the address 404.', request: { params: z.object({ token: z.string() }) }, responses: atomResponses('The newest 100, in full') });

  app.get('/feeds/private/:file', async (c) => {
    const token = atomName(c.req.param('file'));
    const userId = token ? await privateFeedOwner(deps.db, token) : undefined;
    if (!token || !userId) throw new NotFound('The feed');
    return atomResponse(await privateFeed(deps.db, userId, token, context()), c.req.raw, PRIVATE_CACHE);
  });

  app.get('/feeds/:slug/:file', async (c) => {
    const section = atomName(c.req.param('file'));
    if (!section) throw new NotFound('The feed');
    return atomResponse(await publicFeed(deps.db, c.req.param('slug'), decodeURIComponent(section), context()), c.req.raw, PUBLIC_CACHE);
  });

  app.get('/feeds/:file', async (c) => {
    const slug = atomName(c.req.param('file'));
    if (!slug) throw new NotFound('The feed');
    return atomResponse(await publicFeed(deps.db, slug, undefined, context()), c.req.raw, PUBLIC_CACHE);
  });

  const reader = { tags: ['reader'], security: [{ bearer: [] }], middleware: requireReader(deps) };
  app.openapi(
    createRoute({ operationId: 'createPrivateFeed', summary: 'A new private feed address (the old one stops working)',
      ...reader,
      method: 'post',
      path: '/v1/me/private-feed',
      description: 'Any feed reader can follow the address without signing in, so keep it to yourself. Asking again makes a new one and revokes the old.',
      responses: { 201: jsonResponse(z.object({ url: z.string().openapi({ example: 'https://postwire.example/feeds/private/3q2-7wPy….atom' }) }), 'The address'), ...errorResponses(401, 404, 503) },
    }),
    async (c) => {
      const token = await newPrivateFeedToken(deps.db, c.get('reader')!.userId, deps.now());
      return c.json({ url: `${deps.config.feeds.publicUrl}/feeds/private/${token}.atom` }, 201);
    },
  );
  app.openapi(
    createRoute({ operationId: 'revokePrivateFeed', summary: 'Revoke the private feed address', ...reader, method: 'delete', path: '/v1/me/private-feed', responses: { 200: jsonResponse(z.object({ revoked: z.boolean() }), 'False when there was none'), ...errorResponses(401, 404, 503) } }),
    async (c) => c.json({ revoked: await revokePrivateFeed(deps.db, c.get('reader')!.userId) }, 200),
  );
}
