/** Posts: writing, reading, deleting, replies, likes and tips. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isArticleId } from '../../access/access-facts.js';
import { readerAccount } from '../../db/keys.js';
import { NotFound } from '../../errors.js';
import { setLike } from '../../social/likes.js';
import { detectLinks, newPostId, type Post } from '../../social/post.js';
import { deletePost, getPost, listReplies } from '../../social/post-store.js';
import { writeReaderPost } from '../../social/reader-posts.js';
import { tipAuthor } from '../../social/tips.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { PostIdParam, socialRouteKit } from './social-route-kit.js';
import { cardsWithAccess } from '../article-cards.js';
import { rateLimited } from '../rate-limit.js';
import { ErrorSchema, errorResponses, IdempotencyHeader, jsonResponse, PageQuery, pageOf } from '../schemas/common.js';
import { CreatePostBody, PostSchema } from '../schemas/social.js';


export function registerPostRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { auth, reader, anyone, viewsOf } = socialRouteKit(deps);

  app.openapi(
    createRoute({ operationId: 'createPost', summary: 'Write a post, a reply, a repost or a quote',
      ...reader,
      middleware: [auth, rateLimited(deps, 'posts')],
      method: 'post',
      path: '/v1/posts',
      request: { body: { required: true, content: { 'application/json': { schema: CreatePostBody } } } },
      responses: { 201: jsonResponse(z.object({ post: PostSchema }), 'Posted, and on followers’ timelines'), ...errorResponses(400, 401, 403, 404, 429, 503) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const claims = c.get('reader')!;
      if (body.articleId && !(isArticleId(body.articleId) && (await cardsWithAccess(deps, [body.articleId], claims.userId)).has(body.articleId))) {
        throw new NotFound('The article to attach');
      }
      const now = deps.now();
      const post: Post = {
        postId: newPostId(now),
        author: readerAccount(claims.userId),
        authorHandle: claims.handle,
        text: body.text,
        links: detectLinks(body.text),
        articleId: body.articleId,
        replyTo: body.replyTo,
        repostOf: body.repostOf,
        quoteOf: body.quoteOf,
        createdAt: now.toISOString(),
        likeCount: 0,
        replyCount: 0,
      };
      await writeReaderPost(deps.db, claims.userId, post);
      await deps.fanOut.postsWritten({ author: post.author, posts: [post] });
      const [view] = await viewsOf([post], claims.userId);
      return c.json({ post: view! }, 201);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getPost', summary: 'A post', ...anyone, method: 'get', path: '/v1/posts/{id}', request: { params: PostIdParam }, responses: { 200: jsonResponse(z.object({ post: PostSchema }), 'The post (a tombstone if deleted)'), ...errorResponses(401, 404) } }),
    async (c) => {
      const [post] = await viewsOf([await getPost(deps.db, c.req.valid('param').id)], c.get('reader')?.userId);
      return c.json({ post: post! }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listReplies', summary: 'A post’s replies, oldest first',
      ...anyone,
      method: 'get',
      path: '/v1/posts/{id}/replies',
      request: { params: PostIdParam, query: PageQuery },
      responses: { 200: jsonResponse(pageOf(PostSchema, 'PostPage'), 'Replies, oldest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const page = await listReplies(deps.db, id, limit, deps.cursors.decode(`replies:${id}`, cursor));
      return c.json({ items: await viewsOf(page.items, c.get('reader')?.userId), nextCursor: deps.cursors.encode(`replies:${id}`, page.lastKey) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'deletePost', summary: 'Delete one’s own post', ...reader, method: 'delete', path: '/v1/posts/{id}', request: { params: PostIdParam }, responses: { 204: { description: 'Deleted everywhere; replies stay' }, ...errorResponses(401, 403, 404) } }),
    async (c) => {
      await deletePost(deps.db, c.req.valid('param').id, readerAccount(c.get('reader')!.userId));
      return c.body(null, 204);
    },
  );

  for (const [method, liked] of [['post', true], ['delete', false]] as const) {
    app.openapi(
      createRoute({
        operationId: liked ? 'likePost' : 'unlikePost',
        summary: liked ? 'Like a post' : 'Take a like back',
        ...reader,
        middleware: [auth, rateLimited(deps, 'likes')],
        method,
        path: '/v1/posts/{id}/like',
        request: { params: PostIdParam },
        responses: { 200: jsonResponse(z.object({ liked: z.boolean(), likeCount: z.number().int() }), liked ? 'Liked (again is a no-op)' : 'Not liked'), ...errorResponses(401, 403, 404, 429, 503) },
      }),
      async (c) => {
        const post = await getPost(deps.db, c.req.valid('param').id);
        const changed = await setLike(deps.db, post, c.get('reader')!.userId, liked, deps.now());
        // The post was read before the change: its count moves by the one like this request made, if any.
        return c.json({ liked, likeCount: post.likeCount + (changed ? (liked ? 1 : -1) : 0) }, 200);
      },
    );
  }


  app.openapi(
    createRoute({ operationId: 'tipPost', summary: 'Tip a post’s author with purchased points',
      ...reader,
      middleware: [auth, rateLimited(deps, 'tips')],
      method: 'post',
      path: '/v1/posts/{id}/tip',
      description: 'Gives points to the post’s author (a reader’s wallet or a publisher’s earnings), in one transaction. Safe to retry with an Idempotency-Key.',
      request: { params: PostIdParam, headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: z.object({ points: z.number().int().min(1).max(10_000) }).strict() } } } },
      responses: {
        200: jsonResponse(z.object({ tipped: z.number().int(), balance: z.number().int() }), 'Tipped'),
        402: { description: 'Not enough points (details: price, balance)', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses(400, 401, 403, 404, 429, 503),
      },
    }),
    async (c) => {
      const post = await getPost(deps.db, c.req.valid('param').id);
      if (post.deleted) throw new NotFound('The post');
      const { points } = c.req.valid('json');
      const { balance } = await tipAuthor(deps.db, c.get('reader')!.userId, post, points, deps.now);
      return c.json({ tipped: points, balance }, 200);
    },
  );

}
