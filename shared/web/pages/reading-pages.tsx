/** Reading: the latest articles, a publisher's page and archive, an article with its paywall box, gift links. */
import { UNLOCK_REF } from '../../newsletters/unlock-ref.js';
import type { Hono } from 'hono';
import { ApiCallFailed, must } from '../api-client.js';
import { paymentsNotConfigured } from '../payments-status.js';
import { ArticleCard, CardList, dollars, formatDate, PaywallBox, points, type Card } from '../components.js';
import { CsrfField, Layout, Notice } from '../layout.js';
import { formOf, messageOf, readerHeaders, safeNext, seeOther, type WebDeps, type WebEnv } from '../web-context.js';
import { allowedReturn, entitledReturn } from './embed-return.js';
import { NewsletterList } from './newsletter-pages.js';
import { publisherSlugOfArticleId } from '../../articles/article-id.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;


export function registerReadingPages(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;

  app.get('/', async (c) => {
    const [articles, publishers] = await Promise.all([
      api.GET('/v1/articles', { params: { query: { limit: 40 } } }).then(must),
      api.GET('/v1/publishers', { params: { query: { limit: 50 } } }).then(must),
    ]);
    const sections = new Map<string, Card[]>();
    for (const card of articles.items) {
      const section = card.section ?? 'News';
      sections.set(section, [...(sections.get(section) ?? []), card]);
    }
    return c.html(
      <Layout title="Latest articles" viewer={c.get('viewer')} description="The latest articles from every publisher on postwire.">
        <Notice message={messageOf(c)} />
        <h1>Latest articles</h1>
        {articles.items.length === 0 ? <p class="muted">No articles yet. Publishers' feeds appear here as soon as they are read.</p> : null}
        {[...sections].map(([section, cards]) => (
          <section aria-labelledby={`section-${slugOf(section)}`}>
            <h2 id={`section-${slugOf(section)}`}>{section}</h2>
            <CardList cards={cards} empty="" />
          </section>
        ))}
        <h2>Publishers</h2>
        <ul>
          {publishers.items.map((publisher) => (
            <li>
              <a href={`/p/${publisher.slug}`}>{publisher.name}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/p/:slug', async (c) => {
    const slug = c.req.param('slug');
    const [publisher, articles, newsletters] = await Promise.all([
      api.GET('/v1/publishers/{slug}', { params: { path: { slug } } }).then(must),
      api.GET('/v1/articles', { params: { query: { publisher: slug, limit: 30 } } }).then(must),
      api.GET('/v1/publishers/{slug}/newsletters', { params: { path: { slug } } }).then(must),
    ]);
    const viewer = c.get('viewer');
    const month = new Date().toISOString().slice(0, 7);
    return c.html(
      <Layout title={publisher.name} viewer={viewer} feed={`/feeds/${slug}.atom`}>
        <Notice message={messageOf(c)} />
        <h1>{publisher.name}</h1>
        <p class="muted">
          {publisher.freeArticlesPerMonth > 0 ? `${publisher.freeArticlesPerMonth} free ${publisher.freeArticlesPerMonth === 1 ? 'article' : 'articles'} a month · ` : ''}
          articles from {points(publisher.articlePrice)}
          {publisher.homepageUrl ? (
            <>
              {' · '}
              <a href={publisher.homepageUrl} rel="noopener">
                Website
              </a>
            </>
          ) : null}
        </p>
        <div class="row">
          {viewer.handle ? (
            <form method="post" action={`/p/${slug}/follow`}>
              <CsrfField token={viewer.csrf} />
              <button type="submit">Follow {publisher.name}</button>
            </form>
          ) : (
            <a class="button" href={`/login?next=${encodeURIComponent(`/p/${slug}`)}`}>
              Sign in to follow
            </a>
          )}
          <a href={`/p/${slug}/archive/${month}`}>Archive</a>
          <a href={`/feeds/${slug}.atom`}>Feed (Atom)</a>
        </div>
        {publisher.plans?.length ? (
          <>
            <h2>Subscriptions</h2>
            <ul>
              {publisher.plans.map((plan) => (
                <li>
                  {plan.name}: {dollars(plan.priceCents)} a {plan.interval}
                  {plan.trialDays > 0 ? `, first ${plan.trialDays} days free` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <NewsletterList newsletters={newsletters.items} slug={slug} signedIn={Boolean(viewer.handle)} csrf={viewer.csrf} />
        <h2>Latest from {publisher.name}</h2>
        <CardList cards={articles.items} empty="No articles yet." />
      </Layout>,
    );
  });

  app.get('/p/:slug/archive/:month', async (c) => {
    const { slug, month } = c.req.param();
    if (!MONTH.test(month)) return c.notFound();
    const cursor = c.req.query('cursor');
    const [publisher, articles] = await Promise.all([
      api.GET('/v1/publishers/{slug}', { params: { path: { slug } } }).then(must),
      api.GET('/v1/articles', { params: { query: { publisher: slug, month, limit: 50, ...(cursor ? { cursor } : {}) } } }).then(must),
    ]);
    const label = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
    return c.html(
      <Layout title={`${publisher.name}: ${label}`} viewer={c.get('viewer')}>
        <h1>
          {publisher.name}: {label}
        </h1>
        <nav aria-label="Months" class="row">
          <a href={`/p/${slug}/archive/${shiftMonth(month, -1)}`}>← {shiftMonth(month, -1)}</a>
          <a href={`/p/${slug}/archive/${shiftMonth(month, 1)}`}>{shiftMonth(month, 1)} →</a>
          <a href={`/p/${slug}`}>{publisher.name}</a>
        </nav>
        <CardList cards={articles.items} empty="Nothing was published this month." />
        {articles.nextCursor ? <a href={`/p/${slug}/archive/${month}?cursor=${encodeURIComponent(articles.nextCursor)}`}>Older articles of this month</a> : null}
      </Layout>,
    );
  });

  app.post('/p/:slug/follow', async (c) => {
    const slug = c.req.param('slug');
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/p/${slug}`)}`);
    const result = await api.POST('/v1/follows', { body: { publisher: slug }, headers: readerHeaders(c) });
    // Following twice is no error for a reader: they follow, as they wanted.
    if (!result.response.ok && result.response.status !== 409) must(result);
    return seeOther(c, `/p/${slug}`, 'followed');
  });

  app.post('/p/:slug/subscribe', async (c) => {
    const slug = c.req.param('slug');
    const form = await formOf(c);
    const next = safeNext(form.next);
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(next)}`);
    const publisher = must(await api.GET('/v1/publishers/{slug}', { params: { path: { slug } } }));
    const plan = publisher.plans?.find((candidate) => candidate.planId === form.planId);
    if (!plan) throw new ApiCallFailed(404, 'not_found', 'This plan is not offered.');
    if (plan.trialDays > 0 && !plan.trialRequiresCard) {
      const trial = await api.POST('/v1/publishers/{slug}/trial', { params: { path: { slug } }, body: { planId: plan.planId }, headers: readerHeaders(c) });
      if (trial.response.ok) return seeOther(c, next, 'trial_started');
      if (trial.response.status !== 409) must(trial);
      // The trial was used already: on to paying.
    }
    if (!(await deps.payments.available())) return seeOther(c, next, 'payments_off');
    const checkout = await api.POST('/v1/publishers/{slug}/subscribe', { params: { path: { slug } }, body: { planId: plan.planId }, headers: readerHeaders(c) });
    if (paymentsNotConfigured(checkout)) {
      deps.payments.refused();
      return seeOther(c, next, 'payments_off');
    }
    return c.redirect(must(checkout).checkoutUrl, 303);
  });

  app.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const viewer = c.get('viewer');
    const detail = must(await api.GET('/v1/articles/{id}', { params: { path: { id } }, headers: readerHeaders(c) }));
    const { article, access } = detail;
    // Came from the publisher's own page (the embed): offer the way back there, if that page may ask for it.
    const returnTo = (await allowedReturn(deps, article.publisher.slug, c.req.query('return')))?.toString();
    // Where the reader came from (a newsletter issue's link), carried to the unlock so the publisher's stats can count it.
    const refFrom = UNLOCK_REF.test(c.req.query('ref') ?? '') ? c.req.query('ref') : undefined;
    // Plans that need a card are offered only while card payments work; visitors see no buttons either way.
    const payments = !access.granted && viewer.handle ? await deps.payments.available() : false;
    const giftId = c.req.query('gift');
    const gift = giftId && access.granted ? await api.GET('/v1/gifts/{giftId}', { params: { path: { giftId } } }) : undefined;
    return c.html(
      <Layout title={article.title} viewer={viewer} description={article.dek ?? `${article.publisher.name} on postwire`}>
        <Notice message={messageOf(c)} />
        <article class="story" aria-labelledby="story-title">
          <p class="meta">
            <a href={`/p/${article.publisher.slug}`}>{article.publisher.name}</a>
            {article.section ? ` · ${article.section}` : ''}
          </p>
          <h1 id="story-title">{article.title}</h1>
          {article.dek ? <p class="lede">{article.dek}</p> : null}
          <p class="meta">
            {article.author ? `${article.author} · ` : ''}
            <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time> · {article.readingMinutes} min read
            {access.granted ? ' · ' : ''}
            {access.granted ? <span class="badge open">{viaText(access.via)}</span> : null}
          </p>
          {article.imageUrl ? (
            <figure>
              <img src={article.imageUrl} alt={article.imageCaption ?? ''} />
              {article.imageCaption || article.imageCredit ? (
                <figcaption class="meta">{[article.imageCaption, article.imageCredit].filter(Boolean).join(' · ')}</figcaption>
              ) : null}
            </figure>
          ) : null}
          {/* Sanitised at ingest (sanitize-html, an allow-list): safe to place as markup. */}
          <div dangerouslySetInnerHTML={{ __html: access.granted && detail.contentHtml ? detail.contentHtml : article.teaserHtml }} />
        </article>
        {!access.granted && detail.offer ? (
          <PaywallBox articleId={article.id} publisher={article.publisher} offer={detail.offer} signedIn={Boolean(viewer.handle)} payments={payments} csrf={viewer.csrf} returnTo={returnTo} refFrom={refFrom} />
        ) : null}
        {access.granted && viewer.handle && returnTo ? (
          <form method="post" action={`/articles/${encodeURIComponent(article.id)}/return`}>
            <CsrfField token={viewer.csrf} />
            <input type="hidden" name="return" value={returnTo} />
            <button type="submit">Back to {article.publisher.name} to read</button>
          </form>
        ) : null}
        {access.granted && viewer.handle ? (
          <section aria-labelledby="share-title">
            <h2 id="share-title">Share</h2>
            <div class="row">
              <a class="button secondary" href={`/compose?article=${encodeURIComponent(article.id)}`}>
                Share in a post
              </a>
              {article.price > 0 && access.via !== 'gift' && access.via !== 'trial' ? (
                <form method="post" action={`/articles/${encodeURIComponent(article.id)}/gift`}>
                  <CsrfField token={viewer.csrf} />
                  <button type="submit" class="secondary">
                    Make a gift link
                  </button>
                </form>
              ) : null}
            </div>
            {gift?.data ? (
              <p>
                <label>
                  Your gift link (opens the article for up to {gift.data.gift.maxRedemptions} readers until {formatDate(gift.data.gift.expiresAt)})
                  <input type="text" readonly value={gift.data.gift.url} />
                </label>
              </p>
            ) : null}
          </section>
        ) : null}
        <p class="meta">
          <a href={article.url} rel="noopener">
            Original at {article.publisher.name}
          </a>
        </p>
      </Layout>,
    );
  });

  app.post('/articles/:id/unlock', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/articles/${id}`)}`);
    const ref = UNLOCK_REF.test(form.ref ?? '') ? form.ref : undefined;
    const result = await api.POST('/v1/articles/{id}/unlock', { params: { path: { id }, query: ref ? { ref } : {} }, headers: readerHeaders(c) });
    const back = `/articles/${encodeURIComponent(id)}${form.return ? `?return=${encodeURIComponent(form.return)}` : ''}`;
    if (result.response.status === 402) return seeOther(c, back, 'insufficient');
    must(result);
    if (form.return) {
      const onward = await entitledReturn(deps, c, id, publisherSlugOfArticleId(id), form.return);
      if (onward) return c.redirect(onward, 303);
    }
    return seeOther(c, `/articles/${encodeURIComponent(id)}`, 'unlocked');
  });

  // A reader who already may read (a subscriber, an earlier unlock) goes back to the publisher's page without paying again.
  app.post('/articles/:id/return', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/articles/${id}`)}`);
    const onward = form.return ? await entitledReturn(deps, c, id, publisherSlugOfArticleId(id), form.return) : undefined;
    return onward ? c.redirect(onward, 303) : seeOther(c, `/articles/${encodeURIComponent(id)}`);
  });

  app.post('/articles/:id/gift', async (c) => {
    const id = c.req.param('id');
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/articles/${id}`)}`);
    const { gift } = must(await api.POST('/v1/articles/{id}/gifts', { params: { path: { id } }, headers: readerHeaders(c) }));
    return seeOther(c, `/articles/${encodeURIComponent(id)}?gift=${encodeURIComponent(gift.giftId)}`, 'gift_made');
  });

  app.get('/gifts/:giftId', async (c) => {
    const giftId = c.req.param('giftId');
    const viewer = c.get('viewer');
    const view = must(await api.GET('/v1/gifts/{giftId}', { params: { path: { giftId } } }));
    const here = `/gifts/${encodeURIComponent(giftId)}`;
    return c.html(
      <Layout title={`A gift: ${view.article.title}`} viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>Someone gave you an article</h1>
        <ArticleCard card={view.article} headingLevel={2} />
        {!view.open ? (
          <p class="notice error" role="alert">
            This gift link has expired or has been used by all its readers.
          </p>
        ) : viewer.handle ? (
          <form method="post" action={`${here}/redeem`}>
            <CsrfField token={viewer.csrf} />
            <button type="submit">Open the gift and read</button>
          </form>
        ) : (
          <p>
            <a class="button" href={`/signup?next=${encodeURIComponent(here)}`}>
              Create a free account to read
            </a>{' '}
            or <a href={`/login?next=${encodeURIComponent(here)}`}>sign in</a>. The article is free for you.
          </p>
        )}
        <p class="meta">Open until {formatDate(view.gift.expiresAt)}.</p>
      </Layout>,
    );
  });

  app.post('/gifts/:giftId/redeem', async (c) => {
    const giftId = c.req.param('giftId');
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/gifts/${giftId}`)}`);
    const { articleId } = must(await api.POST('/v1/gifts/{giftId}/redeem', { params: { path: { giftId } }, headers: readerHeaders(c) }));
    return seeOther(c, `/articles/${encodeURIComponent(articleId)}`, 'gift_opened');
  });
}

const VIA_TEXT: Record<string, string> = {
  free: 'Free article',
  already: 'In your library',
  subscription: 'With your subscription',
  trial: 'With your free trial',
  cap: 'Within your monthly spend',
  meter: 'Your free article this month',
  points: 'Unlocked with points',
  gift: 'A gift',
};

function viaText(via: string | undefined): string {
  return (via && VIA_TEXT[via]) || 'You can read this';
}

function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
}

function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}

