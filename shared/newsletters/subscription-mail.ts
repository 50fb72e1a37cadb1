/** The double opt-in mail: the link that makes a reader a subscriber. */
import { randomUUID } from 'node:crypto';
import { renderMail } from '../mail/mail-layout.js';
import type { MailMessage } from '../mail/mail-message.js';

export function subscriptionConfirmMail(input: { to: string; handle: string; newsletterName: string; publisherName: string; link: string; validDays: number }): MailMessage {
  const { html, text } = renderMail({
    title: `Confirm your subscription to ${input.newsletterName}`,
    paragraphs: [
      `Hello @${input.handle}, you asked to get ${input.newsletterName} from ${input.publisherName} by mail.`,
      `Confirm with the link below within ${input.validDays} days. Every issue has a link to unsubscribe in one click.`,
    ],
    action: { label: 'Yes, send it to me', url: input.link },
    footer: 'If you did not ask for this, ignore this mail: without the link you get nothing.',
  });
  return { id: randomUUID(), kind: 'newsletter_confirm', to: input.to, subject: `Confirm your subscription to ${input.newsletterName}`, html, text };
}
