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

export interface LocalOutboxOptions {
  from: string;
  perSecond: number;
  attempts: number;
  retryBaseMs: number;
  logger: Logger;
  /** Told what became of each mail, as SES delivery events tell the mail worker in AWS. */
  onOutcome?: ((message: MailMessage, outcome: 'delivered' | 'failed') => Promise<void>) | undefined;
}

export function localOutbox(transport: MailTransport, options: LocalOutboxOptions): LocalOutbox {
  const deadLetters: MailMessage[] = [];
  let last: Promise<void> = Promise.resolve();
  let nextSlot = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const report = async (message: MailMessage, outcome: 'delivered' | 'failed') => {
    await options.onOutcome?.(message, outcome).catch((error: Error) => options.logger.warn('Mail outcome not recorded', { id: message.id, error: error.message }));
  };
  // A mail handed over twice (a retried newsletter page) is one mail: ids seen lately are remembered.
  const recent = new Set<string>();

  const deliver = async (message: MailMessage) => {
    for (let attempt = 1; ; attempt++) {
      // The send rate limit: one slot every 1/perSecond seconds, shared by all mails.
      const wait = nextSlot - Date.now();
      nextSlot = Math.max(nextSlot, Date.now()) + 1000 / options.perSecond;
      if (wait > 0) await pause(wait);
      try {
        await transport.send(message, options.from);
        options.logger.info('Mail sent', { id: message.id, kind: message.kind });
        await report(message, 'delivered');
        return;
      } catch (error) {
        if (attempt >= options.attempts) {
          deadLetters.push(message);
          options.logger.error('Mail not sent; kept as a dead letter', { id: message.id, kind: message.kind, error: (error as Error).message });
          await report(message, 'failed');
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
      if (recent.has(message.id)) return;
      recent.add(message.id);
      if (recent.size > 100_000) recent.delete(recent.values().next().value!);
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
