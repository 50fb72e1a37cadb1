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

/** To the new address: proves it reaches the reader. */
export function emailChangeNewMail(input: { to: string; handle: string; link: string; validHours: number; oldMustAgree: boolean }): MailMessage {
  const { html, text } = renderMail({
    title: 'Confirm your new address',
    paragraphs: [
      `Hello @${input.handle}, you asked to use this address for your postwire account.`,
      input.oldMustAgree
        ? `Confirm it with the link below. We also sent a link to your current address: the change happens once both are used, within ${input.validHours} hours.`
        : `Confirm it with the link below, within ${input.validHours} hours.`,
    ],
    action: { label: 'Confirm my new address', url: input.link },
    footer: 'If you did not ask for this, ignore this mail: nothing changes without the link.',
  });
  return { id: randomUUID(), kind: 'email_change_new', to: input.to, subject: 'Confirm your new address for postwire', html, text };
}

/** To the current address: the reader (not someone with a stolen session) agrees to move away from it. */
export function emailChangeOldMail(input: { to: string; handle: string; newEmail: string; link: string; validHours: number }): MailMessage {
  const { html, text } = renderMail({
    title: 'Agree to the change of your address',
    paragraphs: [
      `Hello @${input.handle}, someone signed in to your postwire account asked to change its address to ${input.newEmail}.`,
      `If that was you, agree with the link below within ${input.validHours} hours; the change also needs the link we sent to the new address.`,
    ],
    action: { label: 'Yes, change my address', url: input.link },
    footer: 'If this was not you, do not use the link, and choose a new password: your account stays at this address.',
  });
  return { id: randomUUID(), kind: 'email_change_old', to: input.to, subject: 'Agree to the change of your postwire address', html, text };
}
