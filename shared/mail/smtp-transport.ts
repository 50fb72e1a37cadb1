/** Mail over SMTP: on one machine, to the local mail catcher `npm start` runs. */
import { createTransport } from 'nodemailer';
import type { MailTransport } from './mail-message.js';

export function smtpTransport(url: string): MailTransport & { close(): void } {
  const transporter = createTransport(url);
  return {
    async send(message, from) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
        messageId: `<${message.id}@postwire>`,
      });
    },
    close: () => transporter.close(),
  };
}
