/**
 * A newsletter issue as mail, built for 100,000 readers without building it
 * 100,000 times: each article is rendered once in both versions (for readers
 * with access: a link to read it; for the others: the teaser, the price and
 * an unlock link), and a reader's mail is those pieces joined, with their own
 * unsubscribe link. Bulk mail: it carries List-Unsubscribe and the RFC 8058
 * one-click List-Unsubscribe-Post.
 */
import { raw } from 'hono/html';
import type { MailMessage } from '../mail/mail-message.js';

export interface IssueArticle {
  id: string;
  title: string;
  dek?: string | undefined;
  author?: string | undefined;
  section?: string | undefined;
  publishedAt: string;
  price: number;
  readingMinutes?: number | undefined;
}

export interface Issue {
  issueId: string;
  newsletterId: string;
  newsletterName: string;
  publisherSlug: string;
  publisherName: string;
  madeAt: string;
  articles: IssueArticle[];
}

const TEXT = 'font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a';
const SMALL = 'font-size:13px;color:#555';

interface ArticlePieces {
  open: { html: string; text: string };
  locked: { html: string; text: string };
}

/** The parts of an issue every reader's mail is made of. */
export interface RenderedIssue {
  issue: Issue;
  subject: string;
  articles: Map<string, ArticlePieces>;
  head: string;
  textHead: string;
}

const articleLink = (publicUrl: string, issue: Issue, articleId: string) => `${publicUrl}/articles/${articleId}?ref=${encodeURIComponent(`newsletter.${issue.issueId}`)}`;

function ArticleBlock(props: { article: IssueArticle; link: string; open: boolean }) {
  const { article } = props;
  const meta = [article.section, article.author, article.readingMinutes ? `${article.readingMinutes} min read` : undefined].filter(Boolean).join(' · ');
  return (
    <tr>
      <td style={`${TEXT};padding:16px 0;border-top:1px solid #ddd`}>
        <h2 style="font-size:19px;margin:0 0 4px">
          <a href={props.link} style="color:#1a1a1a">
            {article.title}
          </a>
        </h2>
        {meta && <p style={`${SMALL};margin:0 0 8px`}>{meta}</p>}
        {article.dek && <p style="margin:0 0 8px">{article.dek}</p>}
        <p style="margin:0">
          <a href={props.link} style="color:#0b5394">
            {props.open ? 'Read it in full' : `Unlock for ${article.price} points`}
          </a>
          {!props.open && <span style={SMALL}> · or with a subscription or your monthly free article</span>}
        </p>
      </td>
    </tr>
  );
}

export function renderIssue(issue: Issue, publicUrl: string): RenderedIssue {
  const articles = new Map<string, ArticlePieces>();
  for (const article of issue.articles) {
    const link = articleLink(publicUrl, issue, article.id);
    const textOf = (open: boolean) =>
      [article.title.toUpperCase(), article.dek ?? '', open ? `Read it in full: ${link}` : `Unlock for ${article.price} points: ${link}`, ''].filter((line, i) => line !== '' || i === 3).join('\n');
    articles.set(article.id, {
      open: { html: (<ArticleBlock article={article} link={link} open />).toString(), text: textOf(true) },
      locked: { html: (<ArticleBlock article={article} link={link} open={false} />).toString(), text: textOf(false) },
    });
  }
  const date = new Date(issue.madeAt).toUTCString().slice(0, 16);
  const title = `${issue.newsletterName} from ${issue.publisherName}`;
  const head = (
    <>
      {raw('<!DOCTYPE html>')}
      {raw('<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">')}
      <title>{title}</title>
      {raw('</head><body style="margin:0;padding:24px;background:#f6f5f1"><table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px">')}
      <tr>
        <td style={TEXT}>
          <p style={`${SMALL};letter-spacing:0.08em;text-transform:uppercase`}>postwire · {issue.publisherName}</p>
          <h1 style="font-size:24px;margin:0 0 4px">{issue.newsletterName}</h1>
          <p style={`${SMALL};margin:0 0 8px`}>{date}</p>
        </td>
      </tr>
    </>
  ).toString();
  return { issue, subject: `${issue.newsletterName}: ${issue.articles[0]?.title ?? ''}`.slice(0, 200), articles, head, textHead: `${title}\n${date}\n` };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One reader's mail: the articles they may read open, the others locked, their own unsubscribe links. */
export function issueMailFor(
  rendered: RenderedIssue,
  reader: { userId: string; email: string; handle: string },
  canRead: (articleId: string) => boolean,
  links: { unsubscribeApi: string; unsubscribePage: string; preferencesPage: string },
): MailMessage {
  const { issue } = rendered;
  const parts = issue.articles.map((article) => rendered.articles.get(article.id)![canRead(article.id) ? 'open' : 'locked']);
  const footer = `You get this because @${reader.handle} subscribed to ${issue.newsletterName} from ${issue.publisherName} on postwire.`;
  const html =
    rendered.head +
    parts.map((part) => part.html).join('') +
    `<tr><td style="${SMALL};border-top:1px solid #ddd;padding-top:12px">${escapeHtml(footer)} <a href="${escapeHtml(links.unsubscribePage)}">Unsubscribe</a> · <a href="${escapeHtml(links.preferencesPage)}">Mail preferences</a></td></tr></table></body></html>`;
  const text = [rendered.textHead, ...parts.map((part) => part.text), '--', footer, `Unsubscribe: ${links.unsubscribePage}`, `Mail preferences: ${links.preferencesPage}`, ''].join('\n');
  return {
    // One id per reader and issue: a retried page hands over the very same mail.
    id: `newsletter.${issue.issueId}.${reader.userId}`,
    kind: 'newsletter',
    to: reader.email,
    subject: rendered.subject,
    html,
    text,
    headers: { 'List-Unsubscribe': `<${links.unsubscribeApi}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': `${issue.newsletterName} <${issue.newsletterId}.newsletters.postwire>` },
    tags: { newsletter: issue.newsletterId, issue: issue.issueId, publisher: issue.publisherSlug },
  };
}
