/** The home timeline and the post lists of readers and publishers. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { publisherAccount, readerAccount, type AccountKey } from '../../db/keys.js';
import { NotFound } from '../../errors.js';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import { findReaderByHandle } from '../../readers/reader-store.js';
import { listAuthorPosts } from '../../social/post-store.js';
import { readTimeline } from '../../social/timeline.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { HandleParam, SlugParam, socialRouteKit } from './social-route-kit.js';
import { errorResponses, jsonResponse, PageQuery, pageOf } from '../schemas/common.js';
import { PostSchema } from '../schemas/social.js';


export function registerTimelineRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { reader, anyone, viewsOf } = socialRouteKit(deps);

  app.openapi(
    createRoute({ operationId: 'getTimeline', summary: 'The home timeline',
      ...reader,
      method: 'get',
      path: '/v1/timeline',
      request: { query: PageQuery },
      responses: { 200: jsonResponse(pageOf(PostSchema, 'TimelinePage'), 'Posts of followed readers and publishers, newest first'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { limit, cursor } = c.req.valid('query');
      const scope = `timeline:${userId}`;
      const before = deps.cursors.decode(scope, cursor)?.before as string | undefined;
      const page = await readTimeline(deps.db, userId, limit, before);
      return c.json({ items: await viewsOf(page.posts, userId), nextCursor: deps.cursors.encode(scope, page.nextBefore ? { before: page.nextBefore } : undefined) }, 200);
    },
  );


  const postsOf = async (account: AccountKey, limit: number, cursor: string | undefined, viewerId: string | undefined) => {
    const scope = `posts:${account}`;
    const page = await listAuthorPosts(deps.db, account, limit, deps.cursors.decode(scope, cursor));
    return { items: await viewsOf(page.items.filter((post) => !post.deleted), viewerId), nextCursor: deps.cursors.encode(scope, page.lastKey) };
  };

  app.openapi(
    createRoute({ operationId: 'listUserPosts', summary: 'A reader’s posts',
      ...anyone,
      method: 'get',
      path: '/v1/users/{handle}/posts',
      request: { params: HandleParam, query: PageQuery },
      responses: { 200: jsonResponse(pageOf(PostSchema, 'UserPostPage'), 'A reader’s posts, newest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
      if (!found) throw new NotFound('The reader');
      const { limit, cursor } = c.req.valid('query');
      return c.json(await postsOf(readerAccount(found.userId), limit, cursor, c.get('reader')?.userId), 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listPublisherPosts', summary: 'A publisher’s posts',
      ...anyone,
      method: 'get',
      path: '/v1/publishers/{slug}/posts',
      request: { params: SlugParam, query: PageQuery },
      responses: { 200: jsonResponse(pageOf(PostSchema, 'PublisherPostPage'), 'A publisher’s posts (its new articles), newest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      if (!SLUG_PATTERN.test(slug)) throw new NotFound('The publisher');
      const { limit, cursor } = c.req.valid('query');
      return c.json(await postsOf(publisherAccount(slug), limit, cursor, c.get('reader')?.userId), 200);
    },
  );

}
