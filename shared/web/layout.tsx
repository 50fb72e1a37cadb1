/** The frame of every page: language, title, skip link, landmarks, the site's navigation. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { STYLESHEET } from './assets.js';

export interface Viewer {
  /** The signed-in reader's handle, when there is one. */
  handle?: string | undefined;
  /** The token every form of this page carries. */
  csrf: string;
}

export function Layout(props: { title: string; viewer: Viewer; children: Child; description?: string; feed?: string | undefined }) {
  const { viewer } = props;
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · postwire`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.feed ? <link rel="alternate" type="application/atom+xml" title={`${props.title} (Atom)`} href={props.feed} /> : null}
        <link rel="stylesheet" href={STYLESHEET.path} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              postwire
            </a>
            <nav aria-label="Main">
              <ul>
                <li>
                  <a href="/">Latest</a>
                </li>
                {viewer.handle ? (
                  <>
                    <li>
                      <a href="/timeline">Timeline</a>
                    </li>
                    <li>
                      <a href="/compose">Write a post</a>
                    </li>
                    <li>
                      <a href="/library">Library</a>
                    </li>
                    <li>
                      <a href="/wallet">Wallet</a>
                    </li>
                    <li>
                      <a href="/subscriptions">Subscriptions</a>
                    </li>
                  </>
                ) : null}
              </ul>
            </nav>
            {viewer.handle ? (
              <form method="post" action="/logout">
                <CsrfField token={viewer.csrf} />
                <a href="/account" class="muted">
                  @{viewer.handle}
                </a>
                <span class="muted"> · </span>
                <button type="submit" class="link">
                  Sign out
                </button>
              </form>
            ) : (
              <span>
                <a href="/login">Sign in</a> · <a href="/signup">Create an account</a>
              </span>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          postwire: news from many publishers, one wallet. <a href="/publisher">For publishers</a> · <a href="/docs">API</a>
        </footer>
      </body>
    </html>
    </>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A message from the previous step (a redirect's `?m=`), from a fixed list: nothing of the URL is echoed. */
export function Notice(props: { message?: { text: string; error?: boolean } | undefined }) {
  if (!props.message) return null;
  return (
    <p class={props.message.error ? 'notice error' : 'notice'} role={props.message.error ? 'alert' : 'status'}>
      {props.message.text}
    </p>
  );
}
