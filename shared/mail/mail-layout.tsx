/**
 * The frame of every mail: a plain, single-column HTML body that mail clients
 * render the same, with its plain-text twin built from the same parts.
 * Styles are inline: most clients drop `<style>` blocks.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export interface MailAction {
  label: string;
  url: string;
}

/** The parts of a mail that both bodies show. */
export interface MailParts {
  title: string;
  paragraphs: string[];
  action?: MailAction | undefined;
  /** Small print: why the reader got this mail. */
  footer: string;
}

const TEXT = 'font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a';

function MailHtml(props: MailParts & { children?: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width" />
          <title>{props.title}</title>
        </head>
        <body style="margin:0;padding:24px;background:#f6f5f1">
          <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px">
            <tr>
              <td style={TEXT}>
                <p style="font-size:13px;letter-spacing:0.08em;text-transform:uppercase;color:#555">postwire</p>
                <h1 style="font-size:22px;margin:0 0 16px">{props.title}</h1>
                {props.paragraphs.map((paragraph) => (
                  <p>{paragraph}</p>
                ))}
                {props.action && (
                  <p style="margin:24px 0">
                    <a href={props.action.url} style="background:#1a1a1a;color:#ffffff;padding:12px 20px;text-decoration:none;display:inline-block">
                      {props.action.label}
                    </a>
                  </p>
                )}
                {props.action && <p style="font-size:13px;color:#555">Or paste this address into your browser: {props.action.url}</p>}
                <p style="font-size:13px;color:#555;border-top:1px solid #ddd;padding-top:12px;margin-top:24px">{props.footer}</p>
              </td>
            </tr>
          </table>
        </body>
      </html>
    </>
  );
}

/** Both bodies of a mail from its parts. */
export function renderMail(parts: MailParts): { html: string; text: string } {
  const text = [parts.title, '', ...parts.paragraphs.flatMap((paragraph) => [paragraph, '']), ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []), '--', parts.footer, ''].join('\n');
  return { html: (<MailHtml {...parts} />).toString(), text };
}
