/** The mails about a reader's own account. */
import { randomUUID } from 'node:crypto';
import { renderMail } from './mail-layout.js';
import type { MailMessage } from './mail-message.js';

export function verificationMail(input: { to: string; handle: string; link: string; validHours: number }): MailMessage {
  const { html, text } = renderMail({
    title: 'Confirm your email address',
    paragraphs: [
      `Hello @${input.handle}, please confirm that this address is yours.`,
      `Confirming it is how postwire knows where to reach you about your account. The link works for ${input.validHours} hours.`,
    ],
    action: { label: 'Confirm my address', url: input.link },
    footer: 'You get this mail because this address was used to sign up for postwire. If that was not you, ignore it: nothing happens without the link.',
  });
  return { id: randomUUID(), kind: 'verify_email', to: input.to, subject: 'Confirm your email address for postwire', html, text };
}
