/** Newsletters on the site: subscribing from a publisher's page, and the pages the mails' links open. */
import type { Hono } from 'hono';
import { CsrfField, Layout } from '../layout.js';
import { errorText, formOf, readerHeaders, seeOther, type WebDeps, type WebEnv } from '../web-context.js';

const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

export interface NewsletterSummary {
  newsletterId: string;
  name: string;
  description?: string | undefined;
  sendTime: string;
  timeZone: string;
  weekdays: number[];
}

const whenSent = (newsletter: NewsletterSummary) =>
  `${newsletter.weekdays.length === 7 ? 'Every day' : newsletter.weekdays.map((day) => DAYS[day]).join(', ')} at ${newsletter.sendTime} (${newsletter.timeZone.replaceAll('_', ' ')})`;

/** A publisher's newsletters with a subscribe button each (a sign-in link for visitors). */
export function NewsletterList(props: { newsletters: NewsletterSummary[]; slug: string; signedIn: boolean; csrf: string }) {
  if (props.newsletters.length === 0) return null;
  return (
    <section aria-labelledby="newsletters-title">
      <h2 id="newsletters-title">Newsletters</h2>
      <ul class="newsletters">
        {props.newsletters.map((newsletter) => (
          <li>
            <strong>{newsletter.name}</strong>
            {newsletter.description ? <> — {newsletter.description}</> : null}
            <br />
            <span class="muted">{whenSent(newsletter)}</span>
            {props.signedIn ? (
              <form method="post" action={`/newsletters/${encodeURIComponent(newsletter.newsletterId)}/subscribe`}>
                <CsrfField token={props.csrf} />
                <button type="submit" class="secondary" aria-label={`Subscribe to ${newsletter.name}`}>
                  Subscribe
                </button>
              </form>
            ) : (
              <a class="button secondary" href={`/login?next=${encodeURIComponent(`/p/${props.slug}`)}`}>
                Sign in to subscribe
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function registerNewsletterPages(app: Hono<WebEnv>, deps: WebDeps): void {
  const { api } = deps;

  app.post('/newsletters/:id/subscribe', async (c) => {
    const id = c.req.param('id');
    const slug = id.slice(0, id.indexOf('.'));
    if (!c.get('readerToken')) return seeOther(c, `/login?next=${encodeURIComponent(`/p/${slug}`)}`);
    const result = await api.POST('/v1/newsletters/{id}/subscribe', { params: { path: { id } }, headers: readerHeaders(c) });
    if (!result.data) return c.html(<Problem viewer={c.get('viewer')} text={errorText(result.error)} />, result.response.status === 429 ? 429 : 400);
    return seeOther(c, `/p/${encodeURIComponent(slug)}`, result.data.status === 'pending' ? 'newsletter_pending' : 'newsletter_active');
  });

  // The double opt-in link. Confirming twice is harmless, so a mail scanner that opens it first does no harm.
  app.get('/newsletters/confirm', async (c) => {
    const id = c.req.query('newsletter') ?? '';
    const result = await api.POST('/v1/newsletters/{id}/confirm', { params: { path: { id } }, body: { token: c.req.query('token') ?? '' } });
    if (!result.data) return c.html(<Problem viewer={c.get('viewer')} text={errorText(result.error)} />, 400);
    return c.html(
      <Outcome viewer={c.get('viewer')} title="You are subscribed" text={result.data.alreadySubscribed ? 'You were subscribed already: nothing changed.' : 'The next issue comes to your inbox. Every issue has a link to unsubscribe in one click.'} />,
    );
  });

  // The unsubscribe link in every issue. Opening it asks; only the button unsubscribes, so link scanners change nothing.
  app.get('/newsletters/unsubscribe', (c) => {
    const viewer = c.get('viewer');
    return c.html(
      <Layout title="Unsubscribe" viewer={viewer}>
        <h1>Unsubscribe</h1>
        <p>You will get no more issues of this newsletter. You can subscribe again at any time from the publisher's page.</p>
        <form method="post" action="/newsletters/unsubscribe">
          <CsrfField token={viewer.csrf} />
          <input type="hidden" name="newsletter" value={c.req.query('newsletter') ?? ''} />
          <input type="hidden" name="token" value={c.req.query('token') ?? ''} />
          <button type="submit">Unsubscribe</button>
        </form>
      </Layout>,
    );
  });

  app.post('/newsletters/unsubscribe', async (c) => {
    const form = await formOf(c);
    const result = await api.POST('/v1/newsletters/{id}/unsubscribe', { params: { path: { id: form.newsletter ?? '' }, query: { token: form.token ?? '' } } });
    if (!result.data) return c.html(<Problem viewer={c.get('viewer')} text={errorText(result.error)} />, 400);
    return c.html(
      <Outcome viewer={c.get('viewer')} title="You are unsubscribed" text={result.data.unsubscribed ? 'No more issues of this newsletter will come.' : 'You were not subscribed (any more): nothing changed.'} />,
    );
  });
}

/** What a mail's link did, in a sentence, and the way on. */
function Outcome(props: { viewer: WebEnv['Variables']['viewer']; title: string; text: string }) {
  return (
    <Layout title={props.title} viewer={props.viewer}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/">Go to the latest articles</a>
      </p>
    </Layout>
  );
}

const Problem = (props: { viewer: WebEnv['Variables']['viewer']; text: string }) => <Outcome viewer={props.viewer} title="This link did not work" text={props.text} />;
