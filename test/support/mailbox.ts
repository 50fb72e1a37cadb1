/** Reading the test run's mail catcher (MailDev's REST API): the mails an address received, as a mail client shows them. */
import { inject } from 'vitest';

export interface CaughtMail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
  from: Array<{ address: string; name: string }>;
  headers: Record<string, string>;
  html: string;
  text: string;
  /** When the catcher received it (to the second). */
  time: string;
}

/** Every mail to `address`, oldest first (the catcher lists in arrival order; the sort is stable within a second). */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${inject('mailInboxUrl')}/api/email`);
  if (!response.ok) throw new Error(`mail catcher: ${response.status}`);
  const mails = (await response.json()) as CaughtMail[];
  return mails.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase())).sort((a, b) => a.time.localeCompare(b.time));
}

/** The first link in a mail's plain text that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): URL {
  const found = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`no link to ${prefix} in "${mail.subject}"`);
  return new URL(found);
}

/** A mail's header as it arrived (from the raw message: the catcher's parsed headers leave list headers out). */
export async function rawHeader(mail: CaughtMail, name: string): Promise<string | undefined> {
  const response = await fetch(`${inject('mailInboxUrl')}/api/email/${mail.id}/source`);
  if (!response.ok) throw new Error(`mail catcher: ${response.status}`);
  const head = (await response.text()).split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
