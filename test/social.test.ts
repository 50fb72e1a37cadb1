import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (stack: TestStack, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

async function timelineTexts(stack: TestStack, auth: Record<string, string>, limit = 100): Promise<string[]> {
  return (await json(await stack.request(`/v1/timeline?limit=${limit}`, { headers: auth }))).items.map((post: { text: string }) => post.text);
}

let tick = Date.parse('2026-11-28T12:00:00Z');
/** A clock that moves one second per reading, so every post has its own instant. */
const clock = () => new Date((tick += 1000));

async function socialStack(env: Record<string, string> = {}, stream = false) {
  return createTestStack({ now: clock, env, stream });
}

describe('the home timeline', () => {
  it('shows posts of followed readers and new articles of followed publishers, newest first, with my own posts', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('tl_ana');
    const ben = await stack.signUp('tl_ben');
    const { auth: publisher } = await stack.createPublisher('tl-pub');
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'tl_ben' })).status).toBe(201);
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { publisher: 'tl-pub' })).status).toBe(201);
    await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Ben says hello https://example.org/hello.' });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(2, 'tl')) });
    await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Ana thinks aloud' });
    const timeline = await json(await stack.request('/v1/timeline', { headers: ana.auth }));
    expect(timeline.items.map((post: { text: string }) => post.text)).toEqual([
      'Ana thinks aloud',
      'Story number 1 from the wires',
      'Story number 0 from the wires',
      'Ben says hello https://example.org/hello.',
    ]);
    expect(timeline.items[3]).toMatchObject({ author: { kind: 'reader', handle: 'tl_ben' }, links: ['https://example.org/hello'] });
    expect(timeline.items[1]).toMatchObject({ author: { kind: 'publisher', handle: 'tl-pub' }, articleId: expect.stringMatching(/^tl-pub_/) });
    // Ben does not follow Ana: her post is not on his timeline.
    expect(await timelineTexts(stack, ben.auth)).toEqual(['Ben says hello https://example.org/hello.']);
  });

  it('posts each new article once: re-pushes and edits post nothing more', async () => {
    const stack = await socialStack();
    const { auth: publisher } = await stack.createPublisher('once-pub');
    const items = articleItems(2, 'once');
    const push = () => stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(items) });
    await push();
    await push();
    items[0]!.content = '<p>Edited.</p>';
    await push();
    const posts = await json(await stack.request('/v1/publishers/once-pub/posts'));
    expect(posts.items).toHaveLength(2);
  });

  it('a deleted post leaves every timeline; replies stay and show that the parent is gone', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('del_ana');
    const ben = await stack.signUp('del_ben');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'del_ben' });
    const parent = (await json(await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Soon gone' }))).post;
    const reply = await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'A reply', replyTo: parent.postId });
    expect(reply.status).toBe(201);
    expect((await json(await stack.request(`/v1/posts/${parent.postId}`))).post.replyCount).toBe(1);
    expect((await send(stack, 'DELETE', `/v1/posts/${parent.postId}`, ana.auth)).status).toBe(403);
    expect((await stack.request(`/v1/posts/${parent.postId}`, { method: 'DELETE' })).status).toBe(401);
    expect((await send(stack, 'DELETE', `/v1/posts/${parent.postId}`, ben.auth)).status).toBe(204);
    expect(await timelineTexts(stack, ana.auth)).toEqual(['A reply']);
    expect(await timelineTexts(stack, ben.auth)).toEqual([]);
    expect((await json(await stack.request(`/v1/posts/${parent.postId}`))).post).toMatchObject({ deleted: true, text: '' });
    const replies = await json(await stack.request(`/v1/posts/${parent.postId}/replies`));
    expect(replies.items.map((post: { text: string }) => post.text)).toEqual(['A reply']);
    expect((await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Too late', replyTo: parent.postId })).status).toBe(404);
  });

  it('after an unfollow, that account’s posts leave the timeline and new ones do not arrive', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('uf_ana');
    const ben = await stack.signUp('uf_ben');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'uf_ben' });
    await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Before' });
    expect(await timelineTexts(stack, ana.auth)).toEqual(['Before']);
    expect((await send(stack, 'DELETE', '/v1/follows/user/uf_ben', ana.auth)).status).toBe(204);
    await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'After' });
    expect(await timelineTexts(stack, ana.auth)).toEqual([]);
    expect((await send(stack, 'DELETE', '/v1/follows/user/uf_ben', ana.auth)).status).toBe(404);
  });

  it('pages without duplicates or gaps while new posts arrive', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('pg_ana');
    const ben = await stack.signUp('pg_ben');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'pg_ben' });
    for (let i = 0; i < 25; i++) await send(stack, 'POST', '/v1/posts', ben.auth, { text: `old ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page = await json(await stack.request(`/v1/timeline?limit=10${cursor ? `&cursor=${cursor}` : ''}`, { headers: ana.auth }));
      seen.push(...page.items.map((post: { text: string }) => post.text));
      cursor = page.nextCursor;
      // New posts land between page reads.
      await send(stack, 'POST', '/v1/posts', ben.auth, { text: `new ${round++}` });
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `old ${24 - i}`));
  });

  it('fan-out and read-merge accounts give the same timeline', async () => {
    const scenario = async (stack: TestStack) => {
      const reader = await stack.signUp('mx_reader');
      const small = await stack.signUp('mx_small');
      const { auth: publisher } = await stack.createPublisher('mx-pub');
      const fans = await Promise.all([1, 2, 3].map((i) => stack.signUp(`mx_fan${i}`)));
      for (const fan of fans) await send(stack, 'POST', '/v1/follows', fan.auth, { publisher: 'mx-pub' });
      await send(stack, 'POST', '/v1/follows', reader.auth, { publisher: 'mx-pub' });
      await send(stack, 'POST', '/v1/follows', reader.auth, { handle: 'mx_small' });
      await send(stack, 'POST', '/v1/posts', small.auth, { text: 'small one' });
      await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(3, 'mx')) });
      await send(stack, 'POST', '/v1/posts', small.auth, { text: 'small two' });
      return { texts: await timelineTexts(stack, reader.auth), fanTexts: await timelineTexts(stack, fans[0]!.auth) };
    };
    const fannedOut = await scenario(await socialStack({ TIMELINE_MERGE_THRESHOLD: '1000' }));
    const merged = await scenario(await socialStack({ TIMELINE_MERGE_THRESHOLD: '2' }));
    expect(merged).toEqual(fannedOut);
    expect(fannedOut.texts).toEqual(['small two', 'Story number 2 from the wires', 'Story number 1 from the wires', 'Story number 0 from the wires', 'small one']);
  });
});

describe('likes and follows', () => {
  it('like counts stay exact under 50 concurrent likes and unlikes, and liking twice counts once', async () => {
    const stack = await socialStack();
    const author = await stack.signUp('lk_author');
    const post = (await json(await send(stack, 'POST', '/v1/posts', author.auth, { text: 'Like me' }))).post;
    const likers = await Promise.all(Array.from({ length: 25 }, (_, i) => stack.signUp(`lk_fan${i}`)));
    // 25 readers like twice each, all at once: 50 requests.
    await Promise.all(likers.flatMap((liker) => [1, 2].map(() => send(stack, 'POST', `/v1/posts/${post.postId}/like`, liker.auth))));
    expect((await json(await stack.request(`/v1/posts/${post.postId}`))).post.likeCount).toBe(25);
    // 10 unlike and 10 like again, all at once.
    await Promise.all([
      ...likers.slice(0, 10).map((liker) => send(stack, 'DELETE', `/v1/posts/${post.postId}/like`, liker.auth)),
      ...likers.slice(10, 20).map((liker) => send(stack, 'POST', `/v1/posts/${post.postId}/like`, liker.auth)),
    ]);
    expect((await json(await stack.request(`/v1/posts/${post.postId}`))).post.likeCount).toBe(15);
    expect((await send(stack, 'POST', '/v1/posts/nope/like', author.auth)).status).toBe(404);
  });

  it('fifty follows at once across the merge threshold promote the account exactly once: every follower sees its posts', async () => {
    const stack = await socialStack({ TIMELINE_MERGE_THRESHOLD: '20' });
    const star = await stack.signUp('cross_star');
    const early = await Promise.all(Array.from({ length: 10 }, (_, i) => stack.signUp(`cross_early${i}`)));
    for (const reader of early) expect((await send(stack, 'POST', '/v1/follows', reader.auth, { handle: 'cross_star' })).status).toBe(201);
    const rush = await Promise.all(Array.from({ length: 50 }, (_, i) => stack.signUp(`cross_rush${i}`)));
    const follows = await Promise.all(rush.map((reader) => send(stack, 'POST', '/v1/follows', reader.auth, { handle: 'cross_star' })));
    expect(follows.map((response) => response.status)).toEqual(follows.map(() => 201));
    expect(await json(await stack.request('/v1/users/cross_star'))).toMatchObject({ followerCount: 60 });

    // 60 followers > 20: the post is not copied into timelines; every follower must merge it at read time.
    await send(stack, 'POST', '/v1/posts', star.auth, { text: 'Seen by all sixty' });
    const missing: string[] = [];
    for (const [index, reader] of [...early, ...rush].entries()) {
      if (!(await timelineTexts(stack, reader.auth)).includes('Seen by all sixty')) missing.push(`follower ${index}`);
    }
    expect(missing).toEqual([]);
  });

  it('thirty readers following one account at the same moment all succeed, and the counts are exact', async () => {
    const stack = await socialStack();
    await stack.createPublisher('rush-pub');
    await stack.signUp('rush_star');
    const readers = await Promise.all(Array.from({ length: 30 }, (_, i) => stack.signUp(`rush_${i}`)));
    const follows = await Promise.all(
      readers.flatMap((reader) => [send(stack, 'POST', '/v1/follows', reader.auth, { publisher: 'rush-pub' }), send(stack, 'POST', '/v1/follows', reader.auth, { handle: 'rush_star' })]),
    );
    expect(follows.map((response) => response.status)).toEqual(follows.map(() => 201));
    expect(await json(await stack.request('/v1/users/rush_star'))).toMatchObject({ followerCount: 30, followingCount: 0 });
    expect(await json(await stack.request('/v1/users/rush_0'))).toMatchObject({ followerCount: 0, followingCount: 2 });
    const unfollows = await Promise.all(
      readers.slice(0, 10).flatMap((reader) => [send(stack, 'DELETE', '/v1/follows/publisher/rush-pub', reader.auth), send(stack, 'DELETE', '/v1/follows/user/rush_star', reader.auth)]),
    );
    expect(unfollows.map((response) => response.status)).toEqual(unfollows.map(() => 204));
    expect(await json(await stack.request('/v1/users/rush_star'))).toMatchObject({ followerCount: 20 });
    expect((await json(await stack.request('/v1/publishers/rush-pub/followers?limit=100'))).items).toHaveLength(20);
  });

  it('a follow or like that collides with another transaction on the same count is retried, not answered with an error', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('clash_ana');
    await stack.signUp('clash_ben');
    const post = (await json(await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Contended' }))).post;
    // DynamoDB cancels a transaction that meets another on the same item; DynamoDB Local serialises
    // them instead, so the next two transactions are cancelled the way DynamoDB would.
    let collisions = 2;
    stack.deps.db.raw.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand' && collisions > 0) {
          collisions--;
          throw new TransactionCanceledException({
            $metadata: {},
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
            CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'collideTwice' },
    );
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'clash_ben' })).status).toBe(201);
    expect(collisions).toBe(0);
    collisions = 1;
    expect((await send(stack, 'POST', `/v1/posts/${post.postId}/like`, ana.auth)).status).toBe(200);
    expect(collisions).toBe(0);
    expect(await json(await stack.request('/v1/users/clash_ben'))).toMatchObject({ followerCount: 1 });
    expect((await json(await stack.request(`/v1/posts/${post.postId}`))).post.likeCount).toBe(1);
  });

  it('answers 503 with Retry-After, changing nothing, when a follow, like, tip or unlock meets contention every time', async () => {
    const stack = await socialStack();
    const {
      ids: [articleId],
    } = await stack.publisherWithArticles('busy-pub', 1, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const ana = await stack.signUp('busy_ana');
    const ben = await stack.signUp('busy_ben');
    const post = (await json(await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Popular' }))).post;
    await send(stack, 'POST', '/v1/me/wallet/dev-top-up', ana.auth, { points: 20 });
    // Every transaction is cancelled by a conflict, as on an item far hotter than retries can outlast.
    let contended = true;
    stack.deps.db.raw.middlewareStack.add(
      (next, context) => async (args) => {
        if (contended && context.commandName === 'TransactWriteItemsCommand') {
          throw new TransactionCanceledException({
            $metadata: {},
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'alwaysContended' },
    );
    const answers = {
      follow: await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'busy_ben' }),
      like: await send(stack, 'POST', `/v1/posts/${post.postId}/like`, ana.auth),
      tip: await send(stack, 'POST', `/v1/posts/${post.postId}/tip`, ana.auth, { points: 5 }),
      unlock: await send(stack, 'POST', `/v1/articles/${articleId}/unlock`, ana.auth),
    };
    contended = false;
    for (const [what, response] of Object.entries(answers)) {
      expect({ what, status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({ what, status: 503, retryAfter: '1' });
      expect((await json(response)).error.code).toBe('contention');
    }
    expect(await json(await stack.request('/v1/users/busy_ben'))).toMatchObject({ followerCount: 0 });
    expect((await json(await stack.request(`/v1/posts/${post.postId}`))).post.likeCount).toBe(0);
    expect((await json(await send(stack, 'GET', '/v1/me/wallet', ana.auth))).balance).toBe(70);
  });

  it('counts followers and following, refuses self-follows and unknown accounts, and nobody posts as someone else', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('fw_ana');
    await stack.signUp('fw_ben');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'fw_ben' });
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'fw_ben' });
    expect(await json(await stack.request('/v1/users/fw_ben'))).toMatchObject({ handle: 'fw_ben', followerCount: 1, followingCount: 0 });
    expect(await json(await stack.request('/v1/users/fw_ana'))).toMatchObject({ followerCount: 0, followingCount: 1 });
    expect(JSON.stringify(await json(await stack.request('/v1/users/fw_ana')))).not.toContain('@');
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'fw_ana' })).status).toBe(400);
    // Unfollowing yourself is refused the same way, every time (it once touched one count item twice: a 500 one time in eight).
    const selfUnfollows = await Promise.all(Array.from({ length: 16 }, () => send(stack, 'DELETE', '/v1/follows/user/fw_ana', ana.auth)));
    expect(new Set(selfUnfollows.map((response) => response.status))).toEqual(new Set([400]));
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'nobody_here' })).status).toBe(404);
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { publisher: 'no-such-pub' })).status).toBe(404);
    expect((await send(stack, 'POST', '/v1/follows', {}, { handle: 'fw_ben' })).status).toBe(401);
    const spoof = await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'I am Ben', author: 'r:ben' });
    expect(spoof.status).toBe(400);
    expect((await send(stack, 'POST', '/v1/posts', {}, { text: 'anonymous' })).status).toBe(401);
    expect((await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'x'.repeat(1001) })).status).toBe(400);
    const mine = await json(await stack.request('/v1/users/fw_ana/posts'));
    expect(mine.items).toEqual([]);
  });
});

describe('article cards in posts', () => {
  it('show title, publisher and price with this viewer’s own access state', async () => {
    const stack = await socialStack();
    const { auth: publisher } = await stack.createPublisher('card-pub', { articlePrice: 10, freeArticlesPerMonth: 0 });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(1, 'card')) });
    const ana = await stack.signUp('card_ana');
    const ben = await stack.signUp('card_ben');
    const anonymous = await json(await stack.request('/v1/publishers/card-pub/posts'));
    const articleId = anonymous.items[0].articleId as string;
    expect(anonymous.items[0].article).toMatchObject({ id: articleId, title: 'Story number 0 from the wires', publisher: { slug: 'card-pub' }, price: 10, access: { granted: false } });
    await stack.request(`/v1/articles/${articleId}/unlock`, { method: 'POST', headers: ana.auth });
    await send(stack, 'POST', '/v1/follows', ben.auth, { handle: 'card_ana' });
    const shared = await json(await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Worth reading', articleId }));
    expect(shared.post.article.access).toEqual({ granted: true, via: 'already' });
    const bensView = await json(await stack.request('/v1/timeline', { headers: ben.auth }));
    expect(bensView.items[0]).toMatchObject({ text: 'Worth reading', article: { id: articleId, access: { granted: false } } });
    expect((await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Ghost', articleId: 'card-pub_AAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(404);
  });
});

describe('abuse limits', () => {
  it('answer 429 with Retry-After once a reader posts, likes or follows too often in an hour', async () => {
    // Well inside one hourly window, whatever earlier tests did with the clock.
    tick = Date.parse('2026-11-28T14:00:00Z');
    const stack = await socialStack({ SOCIAL_RATE_LIMITS: 'posts:3,likes:2,follows:1' });
    const ana = await stack.signUp('rl_ana');
    await stack.signUp('rl_ben');
    await stack.signUp('rl_cy');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(stack, 'POST', '/v1/posts', ana.auth, { text: `post ${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'again' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(limited)).error.code).toBe('rate_limited');
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'rl_ben' })).status).toBe(201);
    expect((await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'rl_cy' })).status).toBe(429);
    // Another reader has limits of their own.
    const ben = await stack.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'rl_ben@readers.example', password: 'correct horse battery' }) });
    const benAuth = { authorization: `Bearer ${(await json(ben)).token}` };
    expect((await send(stack, 'POST', '/v1/posts', benAuth, { text: 'fresh' })).status).toBe(201);
  });
});

describe('blocking', () => {
  it('hides two readers from each other, ends follows between them, and stops replies and new follows', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('bl_ana');
    const ben = await stack.signUp('bl_ben');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'bl_ben' });
    await send(stack, 'POST', '/v1/follows', ben.auth, { handle: 'bl_ana' });
    const bensPost = (await json(await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Ben before the block' }))).post;
    await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Ana before the block' });
    expect(await timelineTexts(stack, ana.auth)).toEqual(['Ana before the block', 'Ben before the block']);

    expect((await send(stack, 'POST', '/v1/blocks', ana.auth, { handle: 'bl_ben' })).status).toBe(201);
    expect(await timelineTexts(stack, ana.auth)).toEqual(['Ana before the block']);
    expect(await timelineTexts(stack, ben.auth)).toEqual(['Ben before the block']);
    expect(await json(await stack.request('/v1/users/bl_ana'))).toMatchObject({ followerCount: 0, followingCount: 0 });
    expect((await send(stack, 'POST', '/v1/follows', ben.auth, { handle: 'bl_ana' })).status).toBe(403);
    expect((await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'reply', replyTo: bensPost.postId })).status).toBe(403);
    expect((await send(stack, 'POST', '/v1/blocks', ana.auth, { handle: 'bl_ana' })).status).toBe(400);
    // The blocked side cannot reach the blocker's posts by any other way either.
    const anasPost = (await json(await send(stack, 'POST', '/v1/posts', ana.auth, { text: 'Ana after the block' }))).post;
    const attempts = {
      like: await send(stack, 'POST', `/v1/posts/${anasPost.postId}/like`, ben.auth),
      tip: await send(stack, 'POST', `/v1/posts/${anasPost.postId}/tip`, ben.auth, { points: 5 }),
      repost: await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'reposting', repostOf: anasPost.postId }),
      quote: await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'quoting', quoteOf: anasPost.postId }),
      reply: await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'replying', replyTo: anasPost.postId }),
    };
    expect(Object.fromEntries(Object.entries(attempts).map(([what, response]) => [what, response.status]))).toEqual({ like: 403, tip: 403, repost: 403, quote: 403, reply: 403 });
    expect((await json(await stack.request(`/v1/posts/${anasPost.postId}`))).post).toMatchObject({ likeCount: 0, replyCount: 0 });
    expect((await json(await send(stack, 'GET', '/v1/me/wallet', ben.auth))).balance).toBe(50);

    expect((await send(stack, 'DELETE', '/v1/blocks/bl_ben', ana.auth)).status).toBe(204);
    expect((await send(stack, 'POST', '/v1/follows', ben.auth, { handle: 'bl_ana' })).status).toBe(201);
  });
});

describe('tips', () => {
  it('move points from the tipper to a reader author, or into a publisher’s earnings, never below zero and once per key', async () => {
    const stack = await socialStack({}, true);
    const ana = await stack.signUp('tip_ana');
    const ben = await stack.signUp('tip_ben');
    const { auth: publisher } = await stack.createPublisher('tip-pub');
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(1, 'tip')) });
    const bensPost = (await json(await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'Tip jar' }))).post;
    const pubPost = (await json(await stack.request('/v1/publishers/tip-pub/posts'))).items[0];

    // Ana buys 50 points (the development top-up stands in for a purchase) beside her 50 promotional ones.
    await send(stack, 'POST', '/v1/me/wallet/dev-top-up', ana.auth, { points: 50 });
    const headers = { ...ana.auth, 'idempotency-key': 'tip-1' };
    expect(await json(await send(stack, 'POST', `/v1/posts/${bensPost.postId}/tip`, headers, { points: 20 }))).toEqual({ tipped: 20, balance: 80 });
    expect(await json(await send(stack, 'POST', `/v1/posts/${bensPost.postId}/tip`, headers, { points: 20 }))).toEqual({ tipped: 20, balance: 80 });
    expect(await json(await stack.request('/v1/me/wallet', { headers: ben.auth }))).toMatchObject({ balance: 70, promotional: 50 });

    expect((await send(stack, 'POST', `/v1/posts/${pubPost.postId}/tip`, ana.auth, { points: 10 })).status).toBe(200);
    const tooMuch = await send(stack, 'POST', `/v1/posts/${pubPost.postId}/tip`, ana.auth, { points: 25 });
    expect(tooMuch.status).toBe(402);
    expect((await json(tooMuch)).error).toMatchObject({
      details: { price: 25, balance: 20, promotional: 50 },
      message: expect.stringMatching(/must come from purchased points; you have 20 \(your 50 promotional points only unlock articles\)/),
    });
    expect((await send(stack, 'POST', `/v1/posts/${bensPost.postId}/tip`, ben.auth, { points: 1 })).status).toBe(400);

    const wallet = await json(await stack.request('/v1/me/wallet', { headers: ana.auth }));
    expect(wallet).toMatchObject({ balance: 70, promotional: 50 });
    expect(wallet.entries.reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0)).toBe(70);
    await stack.rollUpStats();
    expect(await json(await stack.request('/v1/publisher/stats', { headers: publisher }))).toMatchObject({ tips: 1, pointsEarned: 10 });
  });

  it('cannot mint points: starter points of throwaway accounts cannot be tipped to anyone', async () => {
    const stack = await socialStack();
    const collector = await stack.signUp('mint_collector');
    const jar = (await json(await send(stack, 'POST', '/v1/posts', collector.auth, { text: 'Send me your points' }))).post;
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const throwaway = await stack.signUp(`mint_throwaway_${i}`);
      statuses.push((await send(stack, 'POST', `/v1/posts/${jar.postId}/tip`, throwaway.auth, { points: 50 })).status);
    }
    expect(statuses).toEqual([402, 402, 402, 402, 402]);
    expect(await json(await stack.request('/v1/me/wallet', { headers: collector.auth }))).toMatchObject({ balance: 50, promotional: 50 });
  });
});

describe('reposts and quotes', () => {
  it('share a post with followers; a deleted original takes its reposts away and leaves quotes showing it is gone', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('rp_ana');
    const ben = await stack.signUp('rp_ben');
    const cy = await stack.signUp('rp_cy');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'rp_ben' });
    const original = (await json(await send(stack, 'POST', '/v1/posts', cy.auth, { text: 'Original thought' }))).post;
    expect((await send(stack, 'POST', '/v1/posts', ben.auth, { repostOf: original.postId })).status).toBe(201);
    expect((await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'So true', quoteOf: original.postId })).status).toBe(201);
    expect((await send(stack, 'POST', '/v1/posts', ben.auth, {})).status).toBe(400);
    expect((await send(stack, 'POST', '/v1/posts', ben.auth, { text: 'both', replyTo: original.postId, quoteOf: original.postId })).status).toBe(400);

    const before = (await json(await stack.request('/v1/timeline', { headers: ana.auth }))).items;
    expect(before.map((post: { text: string; original?: { text: string } }) => [post.text, post.original?.text])).toEqual([
      ['So true', 'Original thought'],
      ['', 'Original thought'],
    ]);
    expect((await json(await stack.request(`/v1/posts/${original.postId}`))).post.repostCount).toBe(2);

    await send(stack, 'DELETE', `/v1/posts/${original.postId}`, cy.auth);
    const after = (await json(await stack.request('/v1/timeline', { headers: ana.auth }))).items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ text: 'So true', original: { deleted: true, text: '' } });
    expect((await send(stack, 'POST', '/v1/posts', ben.auth, { repostOf: original.postId })).status).toBe(404);
  });
});

describe('follower lists and authorization', () => {
  it('list followers and following of readers and publishers', async () => {
    const stack = await socialStack();
    const ana = await stack.signUp('ls_ana');
    const ben = await stack.signUp('ls_ben');
    await stack.createPublisher('ls-pub');
    await send(stack, 'POST', '/v1/follows', ana.auth, { handle: 'ls_ben' });
    await send(stack, 'POST', '/v1/follows', ana.auth, { publisher: 'ls-pub' });
    await send(stack, 'POST', '/v1/follows', ben.auth, { publisher: 'ls-pub' });
    expect((await json(await stack.request('/v1/users/ls_ben/followers'))).items).toEqual([{ kind: 'reader', handle: 'ls_ana' }]);
    const following = (await json(await stack.request('/v1/users/ls_ana/following'))).items;
    expect(following).toEqual(expect.arrayContaining([{ kind: 'reader', handle: 'ls_ben' }, { kind: 'publisher', handle: 'ls-pub' }]));
    expect((await json(await stack.request('/v1/publishers/ls-pub/followers'))).items).toEqual([
      { kind: 'reader', handle: 'ls_ben' },
      { kind: 'reader', handle: 'ls_ana' },
    ]);
    expect((await stack.request('/v1/users/nobody_x/followers')).status).toBe(404);
  });

  it('every mutating social endpoint refuses requests without a reader token', async () => {
    const stack = await socialStack();
    const { auth: publisherKey } = await stack.createPublisher('authz-pub');
    for (const [method, path] of [
      ['POST', '/v1/posts'],
      ['DELETE', '/v1/posts/p1'],
      ['POST', '/v1/posts/p1/like'],
      ['DELETE', '/v1/posts/p1/like'],
      ['POST', '/v1/posts/p1/tip'],
      ['POST', '/v1/follows'],
      ['DELETE', '/v1/follows/user/someone'],
      ['POST', '/v1/blocks'],
      ['DELETE', '/v1/blocks/someone'],
      ['POST', '/v1/articles/authz-pub_AAAAAAAAAAAAAAAAAAAAAA/gifts'],
      ['POST', '/v1/gifts/g1/redeem'],
    ] as const) {
      expect((await send(stack, method, path, {}, {})).status, `${method} ${path}`).toBe(401);
      expect((await send(stack, method, path, publisherKey, {})).status, `${method} ${path} with a publisher key`).toBe(401);
    }
  });
});
