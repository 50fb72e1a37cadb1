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

export function passwordResetMail(input: { to: string; handle: string; link: string; validMinutes: number }): MailMessage {
  const { html, text } = renderMail({
    title: 'Choose a new password',
    paragraphs: [
      `Hello @${input.handle}, someone (we hope you) asked to reset the password of your postwire account.`,
      `The link works once, for ${input.validMinutes} minutes. Choosing a new password signs you out everywhere else.`,
    ],
    action: { label: 'Choose a new password', url: input.link },
    footer: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  });
  return { id: randomUUID(), kind: 'password_reset', to: input.to, subject: 'Reset your postwire password', html, text };
}
