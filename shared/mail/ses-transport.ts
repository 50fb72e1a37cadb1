/** Mail through Amazon SES (API v2), in AWS: the configuration set routes bounces and complaints back to postwire. */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailTransport } from './mail-message.js';

export function sesTransport(configurationSetName: string | undefined, client = new SESv2Client({})): MailTransport {
  return {
    async send(message, from) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          ConfigurationSetName: configurationSetName,
          // SES tag values allow letters, digits, _ and -: anything else becomes _. Delivery events carry them back (a newsletter's issue).
          EmailTags: Object.entries({ kind: message.kind, ...message.tags }).map(([Name, Value]) => ({ Name, Value: Value.replace(/[^A-Za-z0-9_-]/g, '_') })),
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: message.html, Charset: 'UTF-8' }, Text: { Data: message.text, Charset: 'UTF-8' } },
              Headers: Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
    },
  };
}
