/** The social layer: the timeline with article cards, a post with its replies, writing a post. */
import type { Hono } from 'hono';
import type { components } from '../api-types.js';
import { must } from '../api-client.js';
import { ArticleCard, formatDate } from '../components.js';
import { CsrfField, Layout, Notice } from '../layout.js';
import { formOf, messageOf, readerHeaders, seeOther, type WebDeps, type WebEnv } from '../web-context.js';

type Post = components['schemas']['Post'];

function PostView(props: { post: Post; csrf: string; signedIn: boolean }) {
  const { post } = props;
  if (post.deleted) return <article class="post muted">This post was deleted.</article>;
  return (
    <article class="post">
      <p class="meta">
        {post.author.kind === 'publisher' ? <a href={`/p/${post.author.handle}`}>{post.author.handle}</a> : <span>@{post.author.handle}</span>} ·{' '}
        <a href={`/posts/${encodeURIComponent(post.postId)}`}>
          <time datetime={post.createdAt}>{formatDate(post.createdAt)}</time>
        </a>
      </p>
      {post.text ? <p>{post.text}</p> : null}
      {post.article ? <ArticleCard card={post.article} /> : null}
      <div class="row meta">
        <span>
          {post.likeCount} {post.likeCount === 1 ? 'like' : 'likes'} · {post.replyCount} {post.replyCount === 1 ? 'reply' : 'replies'}
        </span>
        {props.signedIn ? (
          <form method="post" action={`/posts/${encodeURIComponent(post.postId)}/like`}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="link" aria-label={`Like: the post by ${post.author.handle}`}>
              Like
            </button>
          </form>
        ) : null}
      </div>
    </article>
  );
}

export function registerSocialPages(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;

  app.get('/timeline', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, '/login?next=/timeline');
    const cursor = c.req.query('cursor');
    const page = must(await api.GET('/v1/timeline', { params: { query: { limit: 30, ...(cursor ? { cursor } : {}) } }, headers: readerHeaders(c) }));
    const viewer = c.get('viewer');
    return c.html(
      <Layout title="Your timeline" viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>Your timeline</h1>
        <p>
          <a class="button" href="/compose">
            Write a post
          </a>
        </p>
        {page.items.length === 0 ? <p class="muted">Follow publishers and readers: their posts and new articles appear here.</p> : null}
        <ol class="posts" aria-label="Posts, newest first">
          {page.items.map((post) => (
            <li>
              <PostView post={post} csrf={viewer.csrf} signedIn />
            </li>
          ))}
        </ol>
        {page.nextCursor ? <a href={`/timeline?cursor=${encodeURIComponent(page.nextCursor)}`}>Older posts</a> : null}
      </Layout>,
    );
  });

  app.get('/posts/:id', async (c) => {
    const id = c.req.param('id');
    const [{ post }, replies] = await Promise.all([
      api.GET('/v1/posts/{id}', { params: { path: { id } }, headers: readerHeaders(c) }).then(must),
      api.GET('/v1/posts/{id}/replies', { params: { path: { id }, query: { limit: 50 } }, headers: readerHeaders(c) }).then(must),
    ]);
    const viewer = c.get('viewer');
    return c.html(
      <Layout title={`Post by ${post.author.handle}`} viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>Post by {post.author.kind === 'publisher' ? post.author.handle : `@${post.author.handle}`}</h1>
        <PostView post={post} csrf={viewer.csrf} signedIn={Boolean(viewer.handle)} />
        <h2>Replies</h2>
        {replies.items.length === 0 ? <p class="muted">No replies yet.</p> : null}
        <ol class="posts">
          {replies.items.map((reply) => (
            <li>
              <PostView post={reply} csrf={viewer.csrf} signedIn={Boolean(viewer.handle)} />
            </li>
          ))}
        </ol>
        {viewer.handle && !post.deleted ? (
          <form method="post" action="/compose" class="stack">
            <CsrfField token={viewer.csrf} />
            <input type="hidden" name="replyTo" value={post.postId} />
            <label>
              Your reply
              <textarea name="text" required maxlength={500}></textarea>
            </label>
            <button type="submit">Reply</button>
          </form>
        ) : null}
      </Layout>,
    );
  });

  app.post('/posts/:id/like', async (c) => {
    const id = c.req.param('id');
    const result = await api.POST('/v1/posts/{id}/like', { params: { path: { id } }, headers: readerHeaders(c) });
    // Liking twice leaves one like, which is what the reader wanted.
    if (!result.response.ok && result.response.status !== 409) must(result);
    return seeOther(c, `/posts/${encodeURIComponent(id)}`);
  });

  app.get('/compose', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(c.req.url.replace(/^https?:\/\/[^/]+/, ''))}`);
    const articleId = c.req.query('article');
    const detail = articleId ? must(await api.GET('/v1/articles/{id}', { params: { path: { id: articleId } }, headers: readerHeaders(c) })) : undefined;
    const viewer = c.get('viewer');
    return c.html(
      <Layout title="Write a post" viewer={viewer}>
        <h1>Write a post</h1>
        <form method="post" action="/compose" class="stack">
          <CsrfField token={viewer.csrf} />
          {detail ? <input type="hidden" name="articleId" value={detail.article.id} /> : null}
          <label>
            What do you want to say?
            <textarea name="text" required maxlength={500}></textarea>
          </label>
          {detail ? (
            <div>
              <p class="muted">With this article:</p>
              <ArticleCard card={{ ...detail.article, access: detail.access }} />
            </div>
          ) : null}
          <button type="submit">Post</button>
        </form>
      </Layout>,
    );
  });

  app.post('/compose', async (c) => {
    const form = await formOf(c);
    const { post } = must(
      await api.POST('/v1/posts', {
        body: { text: form.text ?? '', ...(form.articleId ? { articleId: form.articleId } : {}), ...(form.replyTo ? { replyTo: form.replyTo } : {}) },
        headers: readerHeaders(c),
      }),
    );
    return seeOther(c, `/posts/${encodeURIComponent(form.replyTo ?? post.postId)}`, 'posted');
  });
}
