/** Pieces several pages share: article cards, the paywall box, numbers as people read them. */
import type { components } from './api-types.js';
import { CsrfField } from './layout.js';

export type Card = components['schemas']['ArticleCard'] & { access?: { granted: boolean; via?: string } };
type Offer = NonNullable<components['schemas']['ArticleDetail']['offer']>;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const points = (count: number) => `${count.toLocaleString('en-US')} ${Math.abs(count) === 1 ? 'point' : 'points'}`;
export const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export function ArticleCard(props: { card: Card; headingLevel?: 2 | 3 }) {
  const { card } = props;
  const title = <a href={`/articles/${encodeURIComponent(card.id)}`}>{card.title}</a>;
  return (
    <article class="card">
      {card.imageUrl ? <img src={card.imageUrl} alt="" loading="lazy" width={320} height={180} /> : null}
      <p class="meta">
        <a href={`/p/${card.publisher.slug}`}>{card.publisher.name}</a>
        {card.section ? ` · ${card.section}` : ''}
      </p>
      {props.headingLevel === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      {card.dek ? <p>{card.dek}</p> : null}
      <p class="meta">
        <time datetime={card.publishedAt}>{formatDate(card.publishedAt)}</time> · {card.readingMinutes} min read ·{' '}
        <AccessBadge card={card} />
      </p>
    </article>
  );
}

function AccessBadge(props: { card: Card }) {
  const { card } = props;
  if (card.access?.granted || card.price === 0) return <span class="badge open">{card.price === 0 ? 'Free' : 'You can read this'}</span>;
  return <span class="badge locked">{points(card.price)}</span>;
}

export function CardList(props: { cards: Card[]; empty: string }) {
  if (props.cards.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="cards">
      {props.cards.map((card) => (
        <li>
          <ArticleCard card={card} />
        </li>
      ))}
    </ul>
  );
}

/**
 * What the reader can do to read on: the meter, the trial, each plan, points, or signing in.
 * `payments`: card payments work now; without them only a card-less trial can be started from a plan.
 */
export function PaywallBox(props: {
  articleId: string;
  publisher: { slug: string; name: string };
  offer: Offer;
  signedIn: boolean;
  payments: boolean;
  csrf: string;
  returnTo?: string | undefined;
  refFrom?: string | undefined;
}) {
  const { offer, publisher, csrf } = props;
  const startable = (plan: Offer['plans'][number]) => props.payments || cardlessTrial(plan, offer);
  const unpayable = props.signedIn && offer.plans.some((plan) => !startable(plan));
  const here = `/articles/${encodeURIComponent(props.articleId)}${props.returnTo ? `?return=${encodeURIComponent(props.returnTo)}` : ''}`;
  const cost = offer.unlockCost ?? offer.price;
  const short = props.signedIn && (offer.balance ?? 0) < cost;
  return (
    <section class="paywall" aria-labelledby="paywall-title">
      <h2 id="paywall-title">Keep reading</h2>
      {!props.signedIn ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(here)}`}>Sign in</a> or <a href={`/signup?next=${encodeURIComponent(here)}`}>create an account</a> to read
          this article. New readers get starter points to spend on any publisher.
        </p>
      ) : offer.freeRemaining > 0 ? (
        <p>
          You have {offer.freeRemaining} free {offer.freeRemaining === 1 ? 'article' : 'articles'} from {publisher.name} left this month.
        </p>
      ) : (
        <p>You've reached your limit of free articles from {publisher.name} this month.</p>
      )}
      {offer.deficit ? (
        <p class="notice error">
          Your wallet owes {points(offer.deficit)} after a refunded purchase; add points to <a href="/wallet">your wallet</a> to unlock again.
        </p>
      ) : null}
      <ul>
        {props.signedIn ? (
          <li>
            <span>
              {cost === 0 ? (
                <strong>Read it free with your monthly article</strong>
              ) : (
                <>
                  <strong>Unlock this article for {points(cost)}</strong>
                  <br />
                  <span class="muted">Your balance: {points(offer.balance ?? 0)}</span>
                </>
              )}
            </span>
            {short && cost > 0 ? (
              <a class="button secondary" href="/wallet">
                Add points
              </a>
            ) : (
              <form method="post" action={`/articles/${encodeURIComponent(props.articleId)}/unlock`}>
                <CsrfField token={csrf} />
                {props.returnTo ? <input type="hidden" name="return" value={props.returnTo} /> : null}
                {props.refFrom ? <input type="hidden" name="ref" value={props.refFrom} /> : null}
                <button type="submit">{cost === 0 ? 'Read free' : `Unlock for ${points(cost)}`}</button>
              </form>
            )}
          </li>
        ) : (
          <li>
            <strong>Unlock this article for {points(offer.price)}</strong>
            <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
              Sign in to unlock
            </a>
          </li>
        )}
        {offer.plans.map((plan) => (
          <li>
            <span>
              <strong>{plan.name}</strong>: {plan.displayPrice}
              {plan.savingText ? (
                <>
                  <br />
                  <span class="muted">{plan.savingText}</span>
                </>
              ) : null}
              {plan.trialText && offer.trialAvailable !== false ? (
                <>
                  <br />
                  <span class="muted">{plan.trialText}</span>
                </>
              ) : null}
            </span>
            {props.signedIn && startable(plan) ? (
              <form method="post" action={`/p/${publisher.slug}/subscribe`}>
                <CsrfField token={csrf} />
                <input type="hidden" name="planId" value={plan.planId} />
                <input type="hidden" name="next" value={here} />
                {/* The plan's name joins the visible words, so each button has a name of its own that starts with what it shows. */}
                <button type="submit" class="secondary" aria-label={`${subscribeText(plan, offer)}: ${plan.name}`}>
                  {subscribeText(plan, offer)}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {unpayable ? (
        <p class="muted">
          Payments are not available yet: subscribing needs a card payment, which has not been set up on this postwire. You can still unlock articles with
          your points.
        </p>
      ) : null}
    </section>
  );
}

function subscribeText(plan: Offer['plans'][number], offer: Offer): string {
  return plan.trialDays > 0 && offer.trialAvailable ? `Start ${plan.trialDays}-day free trial` : 'Subscribe';
}

/** A trial this reader can start without paying anything or giving a card. */
function cardlessTrial(plan: Offer['plans'][number], offer: Offer): boolean {
  return plan.trialDays > 0 && !plan.trialRequiresCard && offer.trialAvailable === true;
}
