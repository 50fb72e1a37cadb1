/**
 * The mail queue on one machine, as SQS and the mail-sender function are in
 * AWS: mails go out in the background at no more than `perSecond`, a failed
 * send is tried again with growing pauses, and a mail that fails every time is
 * kept as a dead letter and logged as an error, never dropped in silence.
 */
import type { Logger } from '../api/app-env.js';
import type { MailMessage, MailOutbox, MailTransport } from './mail-message.js';

export interface LocalOutbox extends MailOutbox {
  /** Resolves when every mail handed over so far is sent or dead. */
  idle(): Promise<void>;
  readonly deadLetters: MailMessage[];
}

export function localOutbox(transport: MailTransport, options: { from: string; perSecond: number; attempts: number; retryBaseMs: number; logger: Logger }): LocalOutbox {
  const deadLetters: MailMessage[] = [];
  let last: Promise<void> = Promise.resolve();
  let nextSlot = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const deliver = async (message: MailMessage) => {
    for (let attempt = 1; ; attempt++) {
      // The send rate limit: one slot every 1/perSecond seconds, shared by all mails.
      const wait = nextSlot - Date.now();
      nextSlot = Math.max(nextSlot, Date.now()) + 1000 / options.perSecond;
      if (wait > 0) await pause(wait);
      try {
        await transport.send(message, options.from);
        options.logger.info('Mail sent', { id: message.id, kind: message.kind });
        return;
      } catch (error) {
        if (attempt >= options.attempts) {
          deadLetters.push(message);
          options.logger.error('Mail not sent; kept as a dead letter', { id: message.id, kind: message.kind, error: (error as Error).message });
          return;
        }
        options.logger.warn('Mail send failed; retrying', { id: message.id, kind: message.kind, attempt, error: (error as Error).message });
        await pause(options.retryBaseMs * 2 ** (attempt - 1));
      }
    }
  };

  return {
    deadLetters,
    async enqueue(message) {
      // One after another, in order: the local stand-in for a queue with one consumer.
      last = last.then(() => deliver(message));
    },
    async idle() {
      await last;
    },
  };
}

/** Where mail goes when none is configured: nowhere, said in the log so nobody waits for it. */
export function discardingOutbox(logger: Logger): MailOutbox {
  return {
    async enqueue(message) {
      logger.warn('No mail transport configured; mail not sent', { id: message.id, kind: message.kind, to: message.to });
    },
  };
}
