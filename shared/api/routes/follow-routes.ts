/** Follows, blocks, follower lists and reader profiles. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { publisherAccount, readerAccount, type AccountKey } from '../../db/keys.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import { findPublisher } from '../../publishers/publisher-store.js';
import { findReaderByHandle, handlesOf } from '../../readers/reader-store.js';
import { block, unblock } from '../../social/blocks.js';
import { follow, getCounts, listFollowers, listFollowing, unfollow } from '../../social/follow-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { HandleParam, SlugParam, socialRouteKit } from './social-route-kit.js';
import { rateLimited } from '../rate-limit.js';
import { errorResponses, jsonResponse, PageQuery, pageOf } from '../schemas/common.js';
import { FollowBody, ProfileSchema } from '../schemas/social.js';


export function registerFollowRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { auth, reader } = socialRouteKit(deps);
  const { social } = deps.config;

  /** Resolves `{handle}` or `{publisher}` to an account, or 404. */
  const accountOf = async (target: { handle: string } | { publisher: string }): Promise<AccountKey> => {
    if ('handle' in target) {
      const found = await findReaderByHandle(deps.db, target.handle);
      if (!found) throw new NotFound('The reader');
      return readerAccount(found.userId);
    }
    if (!(await findPublisher(deps.db, target.publisher))) throw new NotFound('The publisher');
    return publisherAccount(target.publisher);
  };

  app.openapi(
    createRoute({ operationId: 'follow', summary: 'Follow a reader or a publisher',
      ...reader,
      middleware: [auth, rateLimited(deps, 'follows')],
      method: 'post',
      path: '/v1/follows',
      request: { body: { required: true, content: { 'application/json': { schema: FollowBody } } } },
      responses: { 201: jsonResponse(z.object({ following: z.boolean() }), 'Following (again is a no-op)'), ...errorResponses(400, 401, 403, 404, 429, 503) },
    }),
    async (c) => {
      const me = readerAccount(c.get('reader')!.userId);
      const target = await accountOf(c.req.valid('json'));
      await follow(deps.db, me, target, social.mergeThreshold, deps.now());
      return c.json({ following: true }, 201);
    },
  );

  app.openapi(
    createRoute({ operationId: 'unfollow', summary: 'Stop following a reader or a publisher',
      ...reader,
      method: 'delete',
      path: '/v1/follows/{kind}/{name}',
      request: { params: z.object({ kind: z.enum(['user', 'publisher']).openapi({ param: { name: 'kind', in: 'path' } }), name: z.string().max(40).openapi({ param: { name: 'name', in: 'path' } }) }) },
      responses: { 204: { description: 'Unfollowed; their posts leave your timeline' }, ...errorResponses(400, 401, 404, 503) },
    }),
    async (c) => {
      const { kind, name } = c.req.valid('param');
      const target = await accountOf(kind === 'user' ? { handle: name } : { publisher: name });
      if ((await unfollow(deps.db, readerAccount(c.get('reader')!.userId), target)) === 'not_following') throw new NotFound('A follow of this account');
      return c.body(null, 204);
    },
  );


  app.openapi(
    createRoute({ operationId: 'getUser', summary: 'A reader’s public profile', method: 'get', path: '/v1/users/{handle}', tags: ['social'], request: { params: HandleParam }, responses: { 200: jsonResponse(ProfileSchema, 'A reader’s public profile'), ...errorResponses(404) } }),
    async (c) => {
      const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
      if (!found) throw new NotFound('The reader');
      const { followerCount, followingCount } = await getCounts(deps.db, readerAccount(found.userId));
      return c.json({ handle: found.handle, ...(found.displayName ? { displayName: found.displayName } : {}), createdAt: found.createdAt, followerCount, followingCount }, 200);
    },
  );


  app.openapi(
    createRoute({ operationId: 'blockUser', summary: 'Block a reader',
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
    createRoute({ operationId: 'unblockUser', summary: 'Unblock a reader', ...reader, method: 'delete', path: '/v1/blocks/{handle}', request: { params: HandleParam }, responses: { 204: { description: 'Unblocked' }, ...errorResponses(401, 404) } }),
    async (c) => {
      const found = await findReaderByHandle(deps.db, c.req.valid('param').handle);
      if (!found) throw new NotFound('The reader');
      await unblock(deps.db, c.get('reader')!.userId, found.userId);
      return c.body(null, 204);
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

  for (const [path, direction, operationId] of [
    ['/v1/users/{handle}/followers', 'followers', 'listUserFollowers'],
    ['/v1/users/{handle}/following', 'following', 'listUserFollowing'],
  ] as const) {
    app.openapi(
      createRoute({
        operationId,
        summary: direction === 'followers' ? 'Who follows a reader' : 'Whom a reader follows',
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
    createRoute({ operationId: 'listPublisherFollowers', summary: 'Who follows a publisher',
      method: 'get',
      path: '/v1/publishers/{slug}/followers',
      tags: ['social'],
      request: { params: SlugParam, query: PageQuery },
      responses: { 200: jsonResponse(AccountPage, 'Who follows this publisher, newest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      if (!(await findPublisher(deps.db, slug))) throw new NotFound('The publisher');
      const { limit, cursor } = c.req.valid('query');
      const scope = `followers:p:${slug}`;
      const page = await listFollowers(deps.db, publisherAccount(slug), limit, deps.cursors.decode(scope, cursor));
      return c.json({ items: await describeAccounts(page.accounts), nextCursor: deps.cursors.encode(scope, page.lastKey) }, 200);
    },
  );
}
