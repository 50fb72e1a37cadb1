/**
 * What the mail worker logs about a mail that was not sent: the provider's
 * own error (SES's exception name and text, or the SMTP code and answer) and
 * the recipient's domain, never a reader's address. SES quotes addresses in
 * its text ("… failed the check in region EU-WEST-1: reader@example.com"), so
 * every address in it but the sender's loses its local part.
 */
import type { MailMessage } from './mail-message.js';

export interface SendFailure {
  /** The queue's id for the message, to hand it back. */
  messageId: string;
  kind?: string | undefined;
  /** The recipient's domain: enough to see that one provider refuses, without an address in the log. */
  domain?: string | undefined;
  /** SES's exception name (`MessageRejected`, `TooManyRequestsException`…), or the SMTP error code. */
  code: string;
  message: string;
}

const ADDRESS = /[^\s<>()[\]"',;:]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** The text with every address but `keep` shown as `…@domain`. */
export function withoutAddresses(text: string, keep?: string): string {
  return text.replace(ADDRESS, (address, domain: string) => (keep && address.toLowerCase() === keep.toLowerCase() ? address : `…@${domain}`));
}

/** The address in a `Name <address>` sender, or the sender itself. */
export const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from;

export function sendFailure(messageId: string, message: MailMessage | undefined, error: unknown, from: string): SendFailure {
  const { name, code, message: text } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  return {
    messageId,
    kind: message?.kind,
    domain: message?.to.split('@').pop()?.toLowerCase(),
    code: typeof code === 'string' ? code : typeof name === 'string' ? name : 'Error',
    message: withoutAddresses(typeof text === 'string' ? text : String(error), addressOf(from)),
  };
}
