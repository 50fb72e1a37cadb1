/**
 * The local mail catcher (MailDev): an SMTP server that keeps every mail it is
 * sent, and a web inbox to read them, on free ports of this machine. `npm
 * start` runs one so a newcomer can read every mail postwire sends; the test
 * run starts one and reads mailboxes through its REST API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { MailDev } from 'maildev';
import { freePort } from './dynamodb-local.js';

export interface MailCatcher {
  /** Where postwire sends mail: `smtp://127.0.0.1:<port>`. */
  smtpUrl: string;
  /** The web inbox, and the REST API under it (`/email`). */
  inboxUrl: string;
  stop(): Promise<void>;
}

/** `port` when nothing on this machine listens on it, otherwise undefined (a free port is then chosen). */
export async function portIfFree(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}

export async function startMailCatcher(options: { smtpPort?: number | undefined; webPort?: number | undefined } = {}): Promise<MailCatcher> {
  const smtp = options.smtpPort ?? (await freePort());
  const web = options.webPort ?? (await freePort());
  // Its own folder for the mails it keeps, gone when it stops.
  const mailDirectory = await mkdtemp(join(tmpdir(), 'postwire-mail-'));
  const maildev = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true, maxEmails: 10_000, mailDirectory });
  // MailDev's web server announces itself on the console whatever `silent` says; our caller says where the inbox is.
  const info = console.info;
  console.info = () => undefined;
  try {
    await maildev.start();
  } finally {
    console.info = info;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    inboxUrl: `http://127.0.0.1:${web}`,
    async stop() {
      await maildev.stop();
      await rm(mailDirectory, { recursive: true, force: true });
    },
  };
}
