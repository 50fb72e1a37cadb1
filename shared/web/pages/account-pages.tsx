/** A reader's account: signing up and in, the wallet, the library, subscriptions. */
import type { Hono } from 'hono';
import { must } from '../api-client.js';
import { CardList, dollars, formatDate, points } from '../components.js';
import { CsrfField, Layout, Notice } from '../layout.js';
import { paymentsNotConfigured } from '../payments-status.js';
import { READER_COOKIE } from '../session.js';
import { errorText, formOf, messageOf, readerHeaders, safeNext, seeOther, type WebContext, type WebDeps, type WebEnv } from '../web-context.js';

export function registerAccountPages(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;

  const authPage = (c: WebContext, kind: 'signup' | 'login', status: 200 | 400 | 401 | 409 | 429, error?: string, values: Record<string, string> = {}) => {
    const next = safeNext(values.next ?? c.req.query('next'));
    const signup = kind === 'signup';
    return c.html(
      <Layout title={signup ? 'Create an account' : 'Sign in'} viewer={c.get('viewer')}>
        <Notice message={error ? { text: error, error: true } : messageOf(c)} />
        <h1>{signup ? 'Create an account' : 'Sign in'}</h1>
        <form method="post" action={`/${kind}`} class="stack">
          <CsrfField token={c.get('viewer').csrf} />
          <input type="hidden" name="next" value={next} />
          <label>
            Email
            <input type="email" name="email" autocomplete="email" required value={values.email ?? ''} />
          </label>
          {signup ? (
            <label>
              Handle <span class="muted">(3–30 letters, digits or _)</span>
              <input type="text" name="handle" autocomplete="username" required pattern="[A-Za-z0-9_]{3,30}" value={values.handle ?? ''} />
            </label>
          ) : null}
          <label>
            Password {signup ? <span class="muted">(at least 10 characters)</span> : null}
            <input type="password" name="password" autocomplete={signup ? 'new-password' : 'current-password'} required minlength={signup ? 10 : 1} />
          </label>
          <button type="submit">{signup ? 'Create my account' : 'Sign in'}</button>
        </form>
        <p>
          {signup ? (
            <>
              Already have an account? <a href={`/login?next=${encodeURIComponent(next)}`}>Sign in</a>
            </>
          ) : (
            <>
              New here? <a href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</a>: confirm your address and get starter points.{' '}
              <a href="/forgot-password">Forgot your password?</a>
            </>
          )}
        </p>
      </Layout>,
      status,
    );
  };

  app.get('/signup', (c) => authPage(c, 'signup', 200));
  app.get('/login', (c) => authPage(c, 'login', 200));

  app.post('/signup', async (c) => {
    const form = await formOf(c);
    const result = await api.POST('/v1/auth/signup', { body: { email: form.email ?? '', password: form.password ?? '', handle: form.handle ?? '' } });
    if (!result.data) return authPage(c, 'signup', statusOf(result.response.status), errorText(result.error), form);
    deps.sessions.signInReader(c, result.data.token);
    return seeOther(c, safeNext(form.next), 'welcome');
  });

  app.post('/login', async (c) => {
    const form = await formOf(c);
    const result = await api.POST('/v1/auth/login', { body: { email: form.email ?? '', password: form.password ?? '' } });
    if (!result.data) return authPage(c, 'login', statusOf(result.response.status), errorText(result.error), form);
    deps.sessions.signInReader(c, result.data.token);
    return seeOther(c, safeNext(form.next), 'signed_in');
  });

  const forgotPage = (c: WebContext, status: 200 | 400 | 429, error?: string) =>
    c.html(
      <Layout title="Forgot your password?" viewer={c.get('viewer')}>
        <Notice message={error ? { text: error, error: true } : messageOf(c)} />
        <h1>Forgot your password?</h1>
        <p>Give the address you signed up with: we mail it a link to choose a new password.</p>
        <form method="post" action="/forgot-password" class="stack">
          <CsrfField token={c.get('viewer').csrf} />
          <label>
            Email
            <input type="email" name="email" autocomplete="email" required />
          </label>
          <button type="submit">Mail me a link</button>
        </form>
      </Layout>,
      status,
    );
  app.get('/forgot-password', (c) => forgotPage(c, 200));
  app.post('/forgot-password', async (c) => {
    const form = await formOf(c);
    const result = await api.POST('/v1/auth/password-reset', { body: { email: form.email ?? '' } });
    if (result.response.status !== 202) return forgotPage(c, result.response.status === 429 ? 429 : 400, errorText(result.error));
    return seeOther(c, '/forgot-password', 'reset_mailed');
  });

  const resetPage = (c: WebContext, token: string, status: 200 | 400, error?: string) =>
    c.html(
      <Layout title="Choose a new password" viewer={c.get('viewer')}>
        <Notice message={error ? { text: error, error: true } : undefined} />
        <h1>Choose a new password</h1>
        <form method="post" action="/reset-password" class="stack">
          <CsrfField token={c.get('viewer').csrf} />
          <input type="hidden" name="token" value={token} />
          <label>
            New password <span class="muted">(at least 10 characters)</span>
            <input type="password" name="password" autocomplete="new-password" required minlength={10} />
          </label>
          <button type="submit">Set my new password</button>
        </form>
        <p>Setting it signs you out on every other device.</p>
      </Layout>,
      status,
    );
  // The link in the reset mail: a form, so a mail scanner that follows the link uses nothing up.
  app.get('/reset-password', (c) => resetPage(c, c.req.query('token') ?? '', 200));
  app.post('/reset-password', async (c) => {
    const form = await formOf(c);
    const result = await api.POST('/v1/auth/password-reset/confirm', { body: { token: form.token ?? '', password: form.password ?? '' } });
    if (!result.data) return resetPage(c, form.token ?? '', 400, errorText(result.error));
    deps.sessions.signInReader(c, result.data.token);
    return seeOther(c, '/', 'password_changed');
  });

  app.post('/logout', (c) => {
    deps.sessions.signOut(c, READER_COOKIE);
    return seeOther(c, '/', 'signed_out');
  });

  app.get('/wallet', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, '/login?next=/wallet');
    const [wallet, packs, payments] = await Promise.all([
      api.GET('/v1/me/wallet', { params: { query: { limit: 50 } }, headers: readerHeaders(c) }).then(must),
      api.GET('/v1/points/packs').then(must),
      deps.payments.available(),
    ]);
    const viewer = c.get('viewer');
    return c.html(
      <Layout title="Your wallet" viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>Your wallet</h1>
        <p>
          <strong>Balance: {points(wallet.balance)}</strong>
          {wallet.promotional > 0 ? <span class="muted"> ({points(wallet.promotional)} of them given, not bought)</span> : null}
        </p>
        {wallet.deficit > 0 ? <p class="notice error">Your wallet owes {points(wallet.deficit)} after a refunded purchase. Points you add cover it first.</p> : null}
        <h2>Add points</h2>
        <p class="muted">1 point is 1 US cent of reading, at any publisher.</p>
        {payments ? (
          <ul class="row" aria-label="Point packs">
            {packs.items.map((pack) => (
              <li style="list-style:none">
                <form method="post" action="/wallet/buy">
                  <CsrfField token={viewer.csrf} />
                  <input type="hidden" name="packId" value={pack.packId} />
                  <button type="submit">
                    {points(pack.points)} for {dollars(pack.priceCents)}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : deps.devTopUp ? (
          <form method="post" action="/wallet/top-up" class="row">
            <CsrfField token={viewer.csrf} />
            <label>
              Points to add (development only, no payment)
              <input type="number" name="points" min={1} max={10000} value="500" required />
            </label>
            <button type="submit">Add points</button>
          </form>
        ) : (
          <p class="notice">
            Payments are not available yet: card payments have not been set up on this postwire, so points cannot be bought for now. You can still read with
            the points in your wallet and with each publisher's free articles.
          </p>
        )}
        <h2>History</h2>
        {wallet.entries.length === 0 ? (
          <p class="muted">Nothing yet.</p>
        ) : (
          <table>
            <caption class="muted" style="text-align:left">Newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
                <th scope="col" class="num">Points</th>
                <th scope="col" class="num">Balance</th>
              </tr>
            </thead>
            <tbody>
              {wallet.entries.map((entry) => (
                <tr>
                  <td>{formatDate(entry.at)}</td>
                  <td>
                    {entry.note ?? entry.kind}
                    {entry.articleId ? (
                      <>
                        {' · '}
                        <a href={`/articles/${encodeURIComponent(entry.articleId)}`}>article</a>
                      </>
                    ) : null}
                  </td>
                  <td class="num">{entry.amount > 0 ? `+${entry.amount}` : entry.amount}</td>
                  <td class="num">{entry.balanceAfter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Layout>,
    );
  });

  app.post('/wallet/top-up', async (c) => {
    const form = await formOf(c);
    must(await api.POST('/v1/me/wallet/dev-top-up', { body: { points: Number(form.points) }, headers: readerHeaders(c) }));
    return seeOther(c, '/wallet', 'topped_up');
  });

  app.post('/wallet/buy', async (c) => {
    const form = await formOf(c);
    const checkout = await api.POST('/v1/me/wallet/checkout', { body: { packId: form.packId ?? '' }, headers: readerHeaders(c) });
    if (paymentsNotConfigured(checkout)) {
      deps.payments.refused();
      return seeOther(c, '/wallet', 'payments_off');
    }
    return c.redirect(must(checkout).checkoutUrl, 303);
  });

  // The link in the confirmation mail. Confirming is idempotent, so a mail scanner that follows the link first does no harm.
  app.get('/verify-email', async (c) => {
    const result = await api.POST('/v1/auth/verify-email', { body: { token: c.req.query('token') ?? '' } });
    const confirmed = result.data;
    return c.html(
      <Layout title={confirmed ? 'Email address confirmed' : 'This link did not work'} viewer={c.get('viewer')}>
        <h1>{confirmed ? 'Email address confirmed' : 'This link did not work'}</h1>
        <p>
          {confirmed ? (
            <>
              Thank you: <strong>{confirmed.email}</strong> is confirmed{confirmed.alreadyVerified ? ' (it already was)' : ''}.
              {confirmed.starterPoints > 0 ? ` ${confirmed.starterPoints} starter points are in your wallet: read any publisher with them.` : ''}
            </>
          ) : (
            errorText(result.error)
          )}
        </p>
        <p>
          <a href="/">Go to the latest articles</a>
        </p>
      </Layout>,
      confirmed ? 200 : 400,
    );
  });

  // A link from an address-change mail: each side's link is used once, and the page says what is still needed.
  app.get('/confirm-email-change', async (c) => {
    const result = await api.POST('/v1/auth/email-change/confirm', { body: { token: c.req.query('token') ?? '' } });
    const progress = result.data;
    const title = !progress ? 'This link did not work' : progress.changed ? 'Your address is changed' : 'Thank you: one more link';
    return c.html(
      <Layout title={title} viewer={c.get('viewer')}>
        <h1>{title}</h1>
        <p>
          {!progress ? (
            errorText(result.error)
          ) : progress.changed ? (
            <>
              Your account now uses <strong>{progress.email}</strong>: sign in with it from now on.
              {progress.starterPoints > 0 ? ` ${progress.starterPoints} starter points are in your wallet.` : ''}
            </>
          ) : (
            <>
              The change to <strong>{progress.newEmail}</strong> also needs the link we sent to your {progress.side === 'old' ? 'new' : 'current'} address.
            </>
          )}
        </p>
        <p>
          <a href="/">Go to the latest articles</a>
        </p>
      </Layout>,
      progress ? 200 : 400,
    );
  });

  app.get('/library', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, '/login?next=/library');
    const library = must(await api.GET('/v1/me/library', { params: { query: { limit: 50 } }, headers: readerHeaders(c) }));
    return c.html(
      <Layout title="Your library" viewer={c.get('viewer')}>
        <h1>Your library</h1>
        <CardList cards={library.items.map((item) => ({ ...item, access: { granted: true, via: item.via } }))} empty="Articles you unlock, or receive as gifts, are kept here." />
        <section aria-labelledby="feed-title">
          <h2 id="feed-title">Read it in your feed reader</h2>
          <p class="muted">A private address that any feed reader can follow: your library and your subscriptions' new articles, in full. Keep it to yourself; a new one replaces it.</p>
          <form method="post" action="/library/feed">
            <CsrfField token={c.get('viewer').csrf} />
            <button type="submit" class="secondary">
              Make my private feed address
            </button>
          </form>
        </section>
      </Layout>,
    );
  });

  app.post('/library/feed', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, '/login?next=/library');
    const { url } = must(await api.POST('/v1/me/private-feed', { headers: readerHeaders(c) }));
    return c.html(
      <Layout title="Your private feed" viewer={c.get('viewer')}>
        <h1>Your private feed</h1>
        <p>
          <label>
            Add this address to your feed reader (the previous one no longer works)
            <input type="text" readonly value={url} />
          </label>
        </p>
        <p>
          <a href="/library">Back to your library</a>
        </p>
      </Layout>,
    );
  });

  app.get('/subscriptions', async (c) => {
    if (!c.get('readerToken')) return seeOther(c, '/login?next=/subscriptions');
    const { items } = must(await api.GET('/v1/me/subscriptions', { headers: readerHeaders(c) }));
    const viewer = c.get('viewer');
    return c.html(
      <Layout title="Your subscriptions" viewer={viewer}>
        <Notice message={messageOf(c)} />
        <h1>Your subscriptions</h1>
        {items.length === 0 ? <p class="muted">No subscriptions or trials yet. Publishers' plans are on their pages.</p> : null}
        <ul class="posts">
          {items.map((subscription) => (
            <li class="post">
              <p>
                <a href={`/p/${subscription.publisherSlug}`}>{subscription.publisherSlug}</a>: {subscription.kind === 'trial' ? 'free trial' : subscription.planId} ·{' '}
                {subscription.status}
              </p>
              <p class="meta">
                {subscription.cancelAtPeriodEnd ? 'Ends' : 'Renews'} on {formatDate(subscription.currentPeriodEnd)}
              </p>
              {subscription.kind === 'paid' && ['active', 'trialing', 'past_due'].includes(subscription.status) ? (
                <form method="post" action={`/subscriptions/${subscription.publisherSlug}/${subscription.cancelAtPeriodEnd ? 'resume' : 'cancel'}`}>
                  <CsrfField token={viewer.csrf} />
                  <button type="submit" class="secondary">
                    {subscription.cancelAtPeriodEnd ? 'Keep my subscription' : 'Cancel at the end of the period'}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  for (const action of ['cancel', 'resume'] as const) {
    app.post(`/subscriptions/:slug/${action}`, async (c) => {
      const slug = c.req.param('slug');
      const path = action === 'cancel' ? '/v1/me/subscriptions/{slug}/cancel' : '/v1/me/subscriptions/{slug}/resume';
      must(await api.POST(path, { params: { path: { slug } }, headers: readerHeaders(c) }));
      return seeOther(c, '/subscriptions', action === 'cancel' ? 'cancelled' : 'resumed');
    });
  }
}

function statusOf(status: number): 400 | 401 | 409 | 429 {
  return status === 401 || status === 409 || status === 429 ? status : 400;
}

