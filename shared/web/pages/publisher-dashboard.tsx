/**
 * The publisher's pages: feeds with their fetch status, stats, earnings, plans
 * and key rotation. A publisher signs in with its API key, which is kept in an
 * HttpOnly cookie for a working day and sent to the API as its bearer token.
 */
import type { Hono } from 'hono';
import { must } from '../api-client.js';
import { dollars, formatDate, points } from '../components.js';
import { CsrfField, Layout, Notice } from '../layout.js';
import { PUBLISHER_COOKIE } from '../session.js';
import { formOf, messageOf, seeOther, type WebContext, type WebDeps, type WebEnv } from '../web-context.js';

export function registerPublisherDashboard(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;
  const publisherHeaders = (c: WebContext) => ({ authorization: `Bearer ${deps.sessions.publisherKey(c) ?? ''}` });

  const signInPage = (c: WebContext, error?: string) =>
    c.html(
      <Layout title="Publisher sign-in" viewer={c.get('viewer')}>
        <Notice message={error ? { text: error, error: true } : messageOf(c)} />
        <h1>For publishers</h1>
        <p>Sign in with your publisher API key (it starts with pk_). Your operator gives it to you when your publisher is created.</p>
        <form method="post" action="/publisher/login" class="stack">
          <CsrfField token={c.get('viewer').csrf} />
          <label>
            API key
            <input type="password" name="apiKey" required autocomplete="off" pattern="pk_.+" />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </Layout>,
      error ? 401 : 200,
    );

  app.get('/publisher', async (c) => {
    if (!deps.sessions.publisherKey(c)) return signInPage(c);
    const headers = publisherHeaders(c);
    const me = await api.GET('/v1/publisher', { headers });
    if (me.response.status === 401) {
      deps.sessions.signOut(c, PUBLISHER_COOKIE);
      return signInPage(c, 'That key no longer works; it may have been rotated. Sign in with the current key.');
    }
    const publisher = must(me);
    const [feeds, stats, balance, newsletters, webhooks] = await Promise.all([
      api.GET('/v1/publisher/feeds', { headers }).then(must),
      api.GET('/v1/publisher/stats', { params: { query: {} }, headers }).then(must),
      api.GET('/v1/publisher/balance', { headers }).then(must),
      api.GET('/v1/publisher/newsletters', { headers }).then(must),
      api.GET('/v1/publisher/webhooks', { headers }).then(must),
    ]);
    const viewer = c.get('viewer');
    return c.html(
      <Layout title={`${publisher.name}: dashboard`} viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>{publisher.name}</h1>
        <p class="muted">
          Articles at {points(publisher.articlePrice)} · {publisher.freeArticlesPerMonth} free a month · <a href={`/p/${publisher.slug}`}>Your public page</a>
        </p>
        <form method="post" action="/publisher/logout">
          <CsrfField token={viewer.csrf} />
          <button type="submit" class="link">
            Sign out of the dashboard
          </button>
        </form>

        <h2>Last 30 days</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">Unlocks</th>
              <td class="num">{stats.unlocks}</td>
            </tr>
            <tr>
              <th scope="row">Points earned</th>
              <td class="num">{stats.pointsEarned}</td>
            </tr>
            <tr>
              <th scope="row">Subscribers (trials)</th>
              <td class="num">
                {stats.activeSubscribers} ({stats.activeTrials})
              </td>
            </tr>
            <tr>
              <th scope="row">Gift readers who later paid</th>
              <td class="num">
                {stats.gifts.readersWhoPaid} of {stats.gifts.readers}
              </td>
            </tr>
            <tr>
              <th scope="row">Newsletter mails sent (delivered, bounced)</th>
              <td class="num">
                {stats.newsletters.sent} ({stats.newsletters.delivered}, {stats.newsletters.bounced})
              </td>
            </tr>
            <tr>
              <th scope="row">Unsubscribes from newsletters · unlocks from their links</th>
              <td class="num">
                {stats.newsletters.unsubscribed} · {stats.newsletters.unlocks}
              </td>
            </tr>
          </tbody>
        </table>

        <h2>Newsletters</h2>
        {newsletters.items.length === 0 ? (
          <p class="muted">
            No newsletters yet. Define one with the API (<code>POST /v1/publisher/newsletters</code>): readers then find it on your public page.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Newsletter</th>
                <th scope="col">Subscribers</th>
                <th scope="col">Next issue (UTC)</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {newsletters.items.map((newsletter) => (
                <tr>
                  <td>{newsletter.name}</td>
                  <td class="num">{newsletter.subscriberCount}</td>
                  <td>{newsletter.nextSendAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    <form method="post" action={`/publisher/newsletters/${encodeURIComponent(newsletter.newsletterId)}/send-now`}>
                      <CsrfField token={viewer.csrf} />
                      <button type="submit" class="secondary" aria-label={`Send now: ${newsletter.name}`}>
                        Send now
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>Webhooks</h2>
        {webhooks.items.length === 0 ? (
          <p class="muted">
            No webhook endpoints. Register one with the API (<code>POST /v1/publisher/webhooks</code>) to hear of unlocks, subscriptions, gifts, tips and payouts as they happen.
          </p>
        ) : (
          <ul>
            {webhooks.items.map((webhook) => (
              <li>
                <code>{webhook.url}</code> · {webhook.events.join(', ')} ·{' '}
                {webhook.status === 'disabled' ? (
                  <strong class="error">disabled: {webhook.disabledReason}</strong>
                ) : webhook.failingSince ? (
                  <strong>failing since {webhook.failingSince.slice(0, 16).replace('T', ' ')} UTC ({webhook.attempts} attempts; last: {webhook.lastError}), retrying</strong>
                ) : (
                  'delivering'
                )}
              </li>
            ))}
          </ul>
        )}

        <h2>Earnings</h2>
        <p>
          Available {dollars(balance.availableCents)} · held {dollars(balance.heldCents)} ({balance.holdDays} days) · paid out {dollars(balance.paidOutCents)} · payout
          account: {balance.payoutAccount}
        </p>

        <h2>Feeds</h2>
        {feeds.items.length === 0 ? <p class="muted">No feeds polled yet. Add one, or push your feed to the ingest API.</p> : null}
        {feeds.items.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Status</th>
                <th scope="col">Last fetched</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {feeds.items.map((feed) => (
                <tr>
                  <td>
                    {feed.url}
                    {feed.section ? <span class="muted"> ({feed.section})</span> : null}
                  </td>
                  <td>
                    {feed.lastStatus}
                    {feed.lastError ? <span class="muted">: {feed.lastError}</span> : null}
                    {feed.consecutiveFailures > 0 ? <span class="muted"> ({feed.consecutiveFailures} failures in a row)</span> : null}
                  </td>
                  <td>{feed.lastFetchedAt ? formatDate(feed.lastFetchedAt) : 'not yet'}</td>
                  <td class="row">
                    <form method="post" action={`/publisher/feeds/${feed.feedId}/refresh`}>
                      <CsrfField token={viewer.csrf} />
                      <button type="submit" class="secondary" aria-label={`Fetch now: ${feed.url}`}>
                        Fetch now
                      </button>
                    </form>
                    <form method="post" action={`/publisher/feeds/${feed.feedId}/delete`}>
                      <CsrfField token={viewer.csrf} />
                      <button type="submit" class="secondary" aria-label={`Remove: ${feed.url}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <form method="post" action="/publisher/feeds" class="stack">
          <CsrfField token={viewer.csrf} />
          <label>
            Feed URL
            <input type="url" name="url" required placeholder="https://example.com/rss.xml" />
          </label>
          <label>
            Section (optional)
            <input type="text" name="section" maxlength={60} />
          </label>
          <button type="submit">Add feed</button>
        </form>

        <h2>Plans</h2>
        {publisher.plans?.length ? (
          <ul>
            {publisher.plans.map((plan) => (
              <li>
                {plan.name}: {dollars(plan.priceCents)} a {plan.interval}
                {plan.trialDays > 0 ? `, ${plan.trialDays}-day trial${plan.trialRequiresCard ? ' (card needed)' : ''}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No plans yet. Plans are set with PATCH /v1/publisher.</p>
        )}

        <h2>API key</h2>
        <form method="post" action="/publisher/keys/rotate">
          <CsrfField token={viewer.csrf} />
          <button type="submit" class="secondary">
            Rotate the API key
          </button>
        </form>
      </Layout>,
    );
  });

  app.post('/publisher/login', async (c) => {
    const form = await formOf(c);
    const apiKey = form.apiKey ?? '';
    const me = await api.GET('/v1/publisher', { headers: { authorization: `Bearer ${apiKey}` } });
    if (!me.response.ok) return signInPage(c, 'That API key is not valid.');
    deps.sessions.signInPublisher(c, apiKey);
    return seeOther(c, '/publisher');
  });

  app.post('/publisher/logout', (c) => {
    deps.sessions.signOut(c, PUBLISHER_COOKIE);
    return seeOther(c, '/publisher', 'signed_out');
  });

  app.post('/publisher/feeds', async (c) => {
    const form = await formOf(c);
    must(await api.POST('/v1/publisher/feeds', { body: { url: form.url ?? '', ...(form.section ? { section: form.section } : {}) }, headers: publisherHeaders(c) }));
    return seeOther(c, '/publisher', 'feed_added');
  });

  app.post('/publisher/feeds/:feedId/refresh', async (c) => {
    must(await api.POST('/v1/publisher/feeds/{feedId}/refresh', { params: { path: { feedId: c.req.param('feedId') } }, headers: publisherHeaders(c) }));
    return seeOther(c, '/publisher', 'refreshed');
  });

  app.post('/publisher/feeds/:feedId/delete', async (c) => {
    const result = await api.DELETE('/v1/publisher/feeds/{feedId}', { params: { path: { feedId: c.req.param('feedId') } }, headers: publisherHeaders(c) });
    if (!result.response.ok) must(result);
    return seeOther(c, '/publisher', 'feed_removed');
  });

  app.post('/publisher/newsletters/:id/send-now', async (c) => {
    must(await api.POST('/v1/publisher/newsletters/{id}/send-now', { params: { path: { id: c.req.param('id') } }, headers: publisherHeaders(c) }));
    return seeOther(c, '/publisher', 'newsletter_due');
  });

  app.post('/publisher/keys/rotate', async (c) => {
    const { apiKey } = must(await api.POST('/v1/publisher/keys/rotate', { headers: publisherHeaders(c) }));
    deps.sessions.signInPublisher(c, apiKey);
    // Shown once, in this response only: never in a URL, where logs and history would keep it.
    return c.html(
      <Layout title="Your new API key" viewer={c.get('viewer')}>
        <h1>Your new API key</h1>
        <p class="notice" role="status">
          Store it now; it is shown once. The old key no longer works.
        </p>
        <p>
          <code class="key">{apiKey}</code>
        </p>
        <p>
          <a href="/publisher">Back to the dashboard</a>
        </p>
      </Layout>,
    );
  });
}
