/** The social layer: posts, likes, follows, the home timeline and profiles. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isArticleId } from '../../access/access-facts.js';
import { publisherAccount, readerAccount, type AccountKey } from '../../db/keys.js';
import { Forbidden, NotFound, ValidationFailed } from '../../errors.js';
import { findPublisher } from '../../publishers/publisher-store.js';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import { findReaderByHandle, handlesOf } from '../../readers/reader-store.js';
import { block, hiddenAccounts, unblock } from '../../social/blocks.js';
import { follow, getCounts, listFollowers, listFollowing, unfollow } from '../../social/follow-store.js';
import { setLike } from '../../social/likes.js';
import { detectLinks, newPostId, type Post } from '../../social/post.js';
import { createPost, deletePost, getPost, getPosts, listAuthorPosts, listReplies } from '../../social/post-store.js';
import { readTimeline } from '../../social/timeline.js';
import { tipAuthor } from '../../social/tips.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { cardsWithAccess, type CardWithAccess } from '../article-cards.js';
import { readerIfPresent, requireReader } from '../auth.js';
import { idempotent } from '../idempotency.js';
import { rateLimited } from '../rate-limit.js';
import { CreatePostBody, ErrorSchema, errorResponses, IdempotencyHeader, FollowBody, jsonResponse, OPTIONAL_READER, PageQuery, pageOf, PostSchema, ProfileSchema } from '../schemas.js';

const PostIdParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) });
const HandleParam = z.object({ handle: z.string().max(30).openapi({ param: { name: 'handle', in: 'path' } }) });
const SlugParam = z.object({ slug: z.string().max(40).openapi({ param: { name: 'slug', in: 'path' } }) });

export function toPostView(post: Post, cards: Map<string, CardWithAccess> = new Map()) {
  const { author, authorHandle, ...rest } = post;
  const article = post.articleId ? cards.get(post.articleId) : undefined;
  return {
    ...rest,
    author: { kind: author.startsWith('p:') ? ('publisher' as const) : ('reader' as const), handle: authorHandle },
    ...(article ? { article } : {}),
  };
}

export function registerSocialRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const auth = requireReader(deps);
  const reader = { tags: ['social'], security: [{ bearer: [] }], middleware: auth };
  const anyone = { tags: ['social'], security: OPTIONAL_READER, middleware: readerIfPresent(deps) };
  const { social } = deps.config;

  /** Posts as the viewer sees them: article cards with their own access state. */
  const viewsOf = async (posts: Post[], viewerId: string | undefined) => {
    const originals = await getPosts(deps.db, posts.flatMap((post) => post.repostOf ?? post.quoteOf ?? []));
    // A repost of a deleted post has nothing left to show; a quote keeps its own words.
    const shown = posts.filter((post) => !post.repostOf || !originals.get(post.repostOf)?.deleted);
    const articleIds = [...shown, ...originals.values()].flatMap((post) => (post.articleId ? [post.articleId] : []));
    const cards = await cardsWithAccess(deps, articleIds, viewerId);
    return shown.map((post) => {
      const original = originals.get(post.repostOf ?? post.quoteOf ?? '');
      return { ...toPostView(post, cards), ...(original ? { original: toPostView(original, cards) } : {}) };
    });
  };

  /** Resolves `{handle}` or `{publisher}` to an account, or 404. */
  const accountOf = async (target: { handle: string } | { publisher: string }): Promise<AccountKey> => {
    if ('handle' in target) {
      const found = await findReaderByHandle(deps.db, target.handle);
      if (!found) throw new NotFound('The reader');
      return readerAccount(found.userId);
    }
    if (!SLUG_PATTERN.test(target.publisher) || !(await findPublisher(deps.db, target.publisher))) throw new NotFound('The publisher');
    return publisherAccount(target.publisher);
  };

  app.openapi(
    createRoute({
      ...reader,
      middleware: [auth, rateLimited(deps, 'posts')],
      method: 'post',
      path: '/v1/posts',
      request: { body: { required: true, content: { 'application/json': { schema: CreatePostBody } } } },
      responses: { 201: jsonResponse(z.object({ post: PostSchema }), 'Posted, and on followers’ timelines'), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const claims = c.get('reader')!;
      if (body.articleId && !(isArticleId(body.articleId) && (await cardsWithAccess(deps, [body.articleId], claims.userId)).has(body.articleId))) {
        throw new NotFound('The article to attach');
      }
      if (body.replyTo) {
        const parent = await getPost(deps.db, body.replyTo);
        if ((await hiddenAccounts(deps.db, claims.userId)).has(parent.author)) throw new Forbidden('One of you has blocked the other.');
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
      await createPost(deps.db, post);
      await deps.fanOut.enqueue({ author: post.author, posts: [post] });
      const [view] = await viewsOf([post], claims.userId);
      return c.json({ post: view! }, 201);
    },
  );

  app.openapi(
    createRoute({ ...anyone, method: 'get', path: '/v1/posts/{id}', request: { params: PostIdParam }, responses: { 200: jsonResponse(z.object({ post: PostSchema }), 'The post (a tombstone if deleted)'), ...errorResponses(401, 404) } }),
    async (c) => {
      const [post] = await viewsOf([await getPost(deps.db, c.req.valid('param').id)], c.get('reader')?.userId);
      return c.json({ post: post! }, 200);
    },
  );

  app.openapi(
    createRoute({
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
    createRoute({ ...reader, method: 'delete', path: '/v1/posts/{id}', request: { params: PostIdParam }, responses: { 204: { description: 'Deleted everywhere; replies stay' }, ...errorResponses(401, 403, 404) } }),
    async (c) => {
      await deletePost(deps.db, c.req.valid('param').id, readerAccount(c.get('reader')!.userId));
      return c.body(null, 204);
    },
  );

  for (const [method, liked] of [['post', true], ['delete', false]] as const) {
    app.openapi(
      createRoute({
        ...reader,
        middleware: [auth, rateLimited(deps, 'likes')],
        method,
        path: '/v1/posts/{id}/like',
        request: { params: PostIdParam },
        responses: { 200: jsonResponse(z.object({ liked: z.boolean(), likeCount: z.number().int() }), liked ? 'Liked (again is a no-op)' : 'Not liked'), ...errorResponses(401, 404, 429) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await setLike(deps.db, id, c.get('reader')!.userId, liked, deps.now());
        return c.json({ liked, likeCount: (await getPost(deps.db, id)).likeCount }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...reader,
      middleware: [auth, rateLimited(deps, 'follows')],
      method: 'post',
      path: '/v1/follows',
      request: { body: { required: true, content: { 'application/json': { schema: FollowBody } } } },
      responses: { 201: jsonResponse(z.object({ following: z.boolean() }), 'Following (again is a no-op)'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const me = readerAccount(c.get('reader')!.userId);
      const target = await accountOf(c.req.valid('json'));
      if (target === me) throw new ValidationFailed('You cannot follow yourself.', [{ field: 'handle', message: 'is you' }]);
      if ((await hiddenAccounts(deps.db, c.get('reader')!.userId)).has(target)) throw new Forbidden('One of you has blocked the other.');
      await follow(deps.db, me, target, social.mergeThreshold, deps.now());
      return c.json({ following: true }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...reader,
      method: 'delete',
      path: '/v1/follows/{kind}/{name}',
      request: { params: z.object({ kind: z.enum(['user', 'publisher']).openapi({ param: { name: 'kind', in: 'path' } }), name: z.string().max(40).openapi({ param: { name: 'name', in: 'path' } }) }) },
      responses: { 204: { description: 'Unfollowed; their posts leave your timeline' }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { kind, name } = c.req.valid('param');
      const target = await accountOf(kind === 'user' ? { handle: name } : { publisher: name });
      if ((await unfollow(deps.db, readerAccount(c.get('reader')!.userId), target)) === 'not_following') throw new NotFound('A follow of this account');
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
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

  app.openapi(
    createRoute({ method: 'get', path: '/v1/users/{handle}', tags: ['social'], request: { params: HandleParam }, responses: { 200: jsonResponse(ProfileSchema, 'A reader’s public profile'), ...errorResponses(404) } }),
    async (c) => {
      const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
      if (!found) throw new NotFound('The reader');
      const counts = await getCounts(deps.db, readerAccount(found.userId));
      return c.json({ handle: found.handle, ...(found.displayName ? { displayName: found.displayName } : {}), createdAt: found.createdAt, ...counts }, 200);
    },
  );

  const postsOf = async (account: AccountKey, limit: number, cursor: string | undefined, viewerId: string | undefined) => {
    const scope = `posts:${account}`;
    const page = await listAuthorPosts(deps.db, account, limit, deps.cursors.decode(scope, cursor));
    return { items: await viewsOf(page.items.filter((post) => !post.deleted), viewerId), nextCursor: deps.cursors.encode(scope, page.lastKey) };
  };

  app.openapi(
    createRoute({
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
    createRoute({
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

  app.openapi(
    createRoute({
      ...reader,
      method: 'post',
      path: '/v1/blocks',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ handle: z.string().min(1).max(30) }).strict() } } } },
      responses: { 201: jsonResponse(z.object({ blocked: z.boolean() }), 'Blocked: you no longer see each other, and follows between you end'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const me = c.get('reader')!.userId;
      const found = await findReaderByHandle(deps.db, c.req.valid('json').handle);
      if (!found) throw new NotFound('The reader');
      if (found.userId === me) throw new ValidationFailed('You cannot block yourself.', [{ field: 'handle', message: 'is you' }]);
      await block(deps.db, me, found.userId, deps.now());
      return c.json({ blocked: true }, 201);
    },
  );

  app.openapi(
    createRoute({ ...reader, method: 'delete', path: '/v1/blocks/{handle}', request: { params: HandleParam }, responses: { 204: { description: 'Unblocked' }, ...errorResponses(401, 404) } }),
    async (c) => {
      const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
      if (!found) throw new NotFound('The reader');
      await unblock(deps.db, c.get('reader')!.userId, found.userId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...reader,
      middleware: [auth, rateLimited(deps, 'tips'), idempotent(deps, (c) => `reader:${c.get('reader')!.userId}`)],
      method: 'post',
      path: '/v1/posts/{id}/tip',
      description: 'Gives points to the post’s author (a reader’s wallet or a publisher’s earnings), in one transaction. Safe to retry with an Idempotency-Key.',
      request: { params: PostIdParam, headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: z.object({ points: z.number().int().min(1).max(10_000) }).strict() } } } },
      responses: {
        200: jsonResponse(z.object({ tipped: z.number().int(), balance: z.number().int() }), 'Tipped'),
        402: { description: 'Not enough points (details: price, balance)', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses(400, 401, 404, 429),
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

  /** Accounts as the public sees them: kind and handle (a reader's handle, a publisher's slug). */
  const describeAccounts = async (accounts: AccountKey[]): Promise<Array<{ kind: 'reader' | 'publisher'; handle: string }>> => {
    const readerIds = accounts.filter((account) => account.startsWith('r:')).map((account) => account.slice(2));
    const handles = await handlesOf(deps.db, readerIds);
    return accounts.flatMap((account): Array<{ kind: 'reader' | 'publisher'; handle: string }> => {
      if (account.startsWith('p:')) return [{ kind: 'publisher', handle: account.slice(2) }];
      const handle = handles.get(account.slice(2));
      return handle ? [{ kind: 'reader', handle }] : [];
    });
  };
  const AccountPage = pageOf(z.object({ kind: z.enum(['reader', 'publisher']), handle: z.string() }), 'AccountPage');

  for (const [path, direction] of [
    ['/v1/users/{handle}/followers', 'followers'],
    ['/v1/users/{handle}/following', 'following'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path,
        tags: ['social'],
        request: { params: HandleParam, query: PageQuery },
        responses: { 200: jsonResponse(AccountPage, direction === 'followers' ? 'Who follows this reader, newest first' : 'Whom this reader follows'), ...errorResponses(400, 404) },
      }),
      async (c) => {
        const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
        if (!found) throw new NotFound('The reader');
        const { limit, cursor } = c.req.valid('query');
        const account = readerAccount(found.userId);
        const scope = `${direction}:${account}`;
        const page = direction === 'followers'
          ? await listFollowers(deps.db, account, limit, deps.cursors.decode(scope, cursor))
          : await listFollowing(deps.db, account, limit, deps.cursors.decode(scope, cursor));
        return c.json({ items: await describeAccounts(page.accounts), nextCursor: deps.cursors.encode(scope, page.lastKey) }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/publishers/{slug}/followers',
      tags: ['social'],
      request: { params: SlugParam, query: PageQuery },
      responses: { 200: jsonResponse(AccountPage, 'Who follows this publisher, newest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      if (!SLUG_PATTERN.test(slug) || !(await findPublisher(deps.db, slug))) throw new NotFound('The publisher');
      const { limit, cursor } = c.req.valid('query');
      const scope = `followers:p:${slug}`;
      const page = await listFollowers(deps.db, publisherAccount(slug), limit, deps.cursors.decode(scope, cursor));
      return c.json({ items: await describeAccounts(page.accounts), nextCursor: deps.cursors.encode(scope, page.lastKey) }, 200);
    },
  );
}
