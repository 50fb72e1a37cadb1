/**
 * The reader's account page: their address (and changing it), which mails
 * they want, their newsletters, taking all their data away, and deleting
 * the account. The newsletter mails' footer links here.
 */
import type { Hono } from 'hono';
import { must } from '../api-client.js';
import { CsrfField, Layout, Notice } from '../layout.js';
import { READER_COOKIE } from '../session.js';
import { errorText, formOf, messageOf, readerHeaders, seeOther, type WebContext, type WebDeps, type WebEnv } from '../web-context.js';
import { points } from '../components.js';

export function registerSettingsPages(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;

  const accountPage = async (c: WebContext, status: 200 | 400 | 401 | 409 | 429 = 200, problem?: string) => {
    const headers = readerHeaders(c);
    const [me, newsletters] = await Promise.all([api.GET('/v1/me', { headers }).then(must), api.GET('/v1/me/newsletters', { headers }).then(must)]);
    const viewer = c.get('viewer');
    const wantsNewsletters = me.mailPreferences?.newsletters ?? true;
    return c.html(
      <Layout title="Your account" viewer={viewer}>
        <Notice message={problem ? { text: problem, error: true } : messageOf(c)} />
        <h1>Your account</h1>
        <p>
          @{me.handle} · {me.email} · {me.emailVerifiedAt ? 'confirmed' : 'not confirmed yet'} · balance {points(me.balance)}
        </p>
        {me.emailVerifiedAt ? null : (
          <form method="post" action="/account/confirmation">
            <CsrfField token={viewer.csrf} />
            <button type="submit" class="secondary">
              Send the confirmation mail again
            </button>
          </form>
        )}

        <section aria-labelledby="mail-title">
          <h2 id="mail-title">Mail</h2>
          <form method="post" action="/account/mail-preferences">
            <CsrfField token={viewer.csrf} />
            <label>
              <input type="checkbox" name="newsletters" value="on" checked={wantsNewsletters} /> Send me the newsletters I subscribed to
            </label>
            <button type="submit" class="secondary">
              Save
            </button>
          </form>
          <p class="muted">Mails about your account itself (confirming an address, a new password) always come.</p>
          {newsletters.items.length > 0 ? (
            <ul>
              {newsletters.items.map((newsletter) => (
                <li>
                  {newsletter.name} ({newsletter.publisherSlug}){newsletter.status === 'pending' ? ': waiting for you to confirm by mail' : ''}
                  <form method="post" action={`/account/newsletters/${encodeURIComponent(newsletter.newsletterId)}/unsubscribe`}>
                    <CsrfField token={viewer.csrf} />
                    <button type="submit" class="link" aria-label={`Unsubscribe from ${newsletter.name}`}>
                      Unsubscribe
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No newsletters yet: subscribe from a publisher's page.</p>
          )}
        </section>

        <section aria-labelledby="address-title">
          <h2 id="address-title">Change your address</h2>
          <p class="muted">We mail a link to the new address and, if your current one is confirmed, one to it too: the change happens when both are used.</p>
          <form method="post" action="/account/email-change" class="stack">
            <CsrfField token={viewer.csrf} />
            <label>
              New address
              <input type="email" name="newEmail" autocomplete="email" required />
            </label>
            <label>
              Your password
              <input type="password" name="password" autocomplete="current-password" required />
            </label>
            <button type="submit">Send the links</button>
          </form>
        </section>

        <section aria-labelledby="data-title">
          <h2 id="data-title">Your data</h2>
          <p>
            <a href="/account/export" download>
              Download everything postwire keeps about you (JSON)
            </a>
          </p>
        </section>

        <section aria-labelledby="delete-title">
          <h2 id="delete-title">Delete your account</h2>
          <p class="muted">
            Your posts stay in their threads as "deleted account", without their words. Your wallet's ledger is kept without your name or address for as long as accounting law requires. Points
            left in the wallet are given up.
          </p>
          <form method="post" action="/account/delete" class="stack">
            <CsrfField token={viewer.csrf} />
            <label>
              Your password, to confirm
              <input type="password" name="password" autocomplete="current-password" required />
            </label>
            <label>
              <input type="checkbox" name="forfeitPoints" value="on" /> I give up the purchased points left in my wallet
            </label>
            <button type="submit" class="danger">
              Delete my account
            </button>
          </form>
        </section>
      </Layout>,
      status,
    );
  };
  const signedIn = (c: WebContext) => Boolean(c.get('readerToken'));
  const statusOf = (status: number) => (status === 401 || status === 409 || status === 429 ? status : 400);

  app.get('/account', async (c) => (signedIn(c) ? accountPage(c) : seeOther(c, '/login?next=/account')));

  app.post('/account/confirmation', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    const result = await api.POST('/v1/me/email-verification', { headers: readerHeaders(c) });
    return result.data ? seeOther(c, '/account', 'confirmation_sent') : accountPage(c, statusOf(result.response.status), errorText(result.error));
  });

  app.post('/account/mail-preferences', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    const form = await formOf(c);
    must(await api.PUT('/v1/me/mail-preferences', { headers: readerHeaders(c), body: { newsletters: form.newsletters === 'on' } }));
    return seeOther(c, '/account', 'saved');
  });

  app.post('/account/newsletters/:id/unsubscribe', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    must(await api.POST('/v1/newsletters/{id}/unsubscribe', { params: { path: { id: c.req.param('id') }, query: {} }, headers: readerHeaders(c) }));
    return seeOther(c, '/account', 'unsubscribed');
  });

  app.post('/account/email-change', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    const form = await formOf(c);
    const result = await api.POST('/v1/me/email-change', { headers: readerHeaders(c), body: { newEmail: form.newEmail ?? '', password: form.password ?? '' } });
    return result.data ? seeOther(c, '/account', 'email_change_sent') : accountPage(c, statusOf(result.response.status), errorText(result.error));
  });

  // The export as a file: the API's JSON, passed through with its download name.
  app.get('/account/export', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    const result = await api.GET('/v1/me/export', { headers: readerHeaders(c) });
    if (!result.data) return accountPage(c, statusOf(result.response.status), errorText(result.error));
    c.header('content-disposition', result.response.headers.get('content-disposition') ?? 'attachment; filename="postwire-account.json"');
    return c.json(result.data);
  });

  app.post('/account/delete', async (c) => {
    if (!signedIn(c)) return seeOther(c, '/login?next=/account');
    const form = await formOf(c);
    const result = await api.DELETE('/v1/me', { headers: readerHeaders(c), body: { password: form.password ?? '', forfeitPoints: form.forfeitPoints === 'on' } });
    if (!result.data) return accountPage(c, statusOf(result.response.status), errorText(result.error));
    deps.sessions.signOut(c, READER_COOKIE);
    return seeOther(c, '/', 'account_deleted');
  });
}
