/**
 * `npm run inbox -- ADDRESS [--link TEXT]`: the newest mail the local mail
 * catcher holds for ADDRESS (npm start's inbox), as text; with `--link`, only
 * the first link in it that contains TEXT. It waits up to 15 s for a mail to
 * arrive, since mail goes out through a queue. For scripts and the README's
 * quick start; people can read the same mails in the web inbox.
 *
 *   MAIL_INBOX_URL   the inbox npm start printed (default http://127.0.0.1:1080)
 */
import { fileURLToPath } from 'node:url';

interface CaughtMail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
  text: string;
  /** When the catcher received it (to the second). */
  time: string;
}

export const DEFAULT_INBOX_URL = 'http://127.0.0.1:1080';

/** The newest mail to `address` that `accept` takes, waiting for one up to `waitMs`. */
export async function newestMailTo(inboxUrl: string, address: string, accept: (mail: CaughtMail) => boolean = () => true, waitMs = 15_000): Promise<CaughtMail> {
  const until = Date.now() + waitMs;
  for (;;) {
    const response = await fetch(`${inboxUrl.replace(/\/+$/, '')}/api/email`);
    if (!response.ok) throw new Error(`The mail inbox at ${inboxUrl} answered ${response.status}.`);
    const mails = ((await response.json()) as CaughtMail[]).filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()) && accept(mail));
    // Listed in arrival order; the stable sort keeps that order within a second.
    const newest = mails.sort((a, b) => a.time.localeCompare(b.time)).at(-1);
    if (newest) return newest;
    if (Date.now() > until) throw new Error(`No mail to ${address} arrived in the inbox at ${inboxUrl}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a mail's plain text that contains `text`. */
export function linkContaining(mail: CaughtMail, text: string): string | undefined {
  return mail.text.split(/\s+/).find((word) => /^https?:\/\//.test(word) && word.includes(text));
}

/** The link of the newest mail to `address` that carries one containing `text`. */
export async function mailedLink(inboxUrl: string, address: string, text: string): Promise<string> {
  return linkContaining(await newestMailTo(inboxUrl, address, (mail) => linkContaining(mail, text) !== undefined), text)!;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [address, flag, text] = process.argv.slice(2);
  const inboxUrl = process.env.MAIL_INBOX_URL ?? DEFAULT_INBOX_URL;
  if (!address || (flag !== undefined && (flag !== '--link' || !text))) {
    process.stderr.write('Usage: npm run inbox -- ADDRESS [--link TEXT]   (MAIL_INBOX_URL: the inbox npm start printed)\n');
    process.exit(2);
  }
  const found = text ? mailedLink(inboxUrl, address, text) : newestMailTo(inboxUrl, address).then((mail) => `Subject: ${mail.subject}\n\n${mail.text}`);
  found.then(
    (output) => process.stdout.write(`${output}\n`),
    (error: Error) => {
      process.stderr.write(`${error.cause ? `Is npm start running, with its inbox at ${inboxUrl}? ` : ''}${error.message}\n`);
      process.exit(1);
    },
  );
}
