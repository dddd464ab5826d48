/**
 * Sends one message through SES v2. The only module that talks to SES.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailMessage } from '#shared/model.ts';

export interface Mailer {
  send(message: MailMessage): Promise<string | undefined>;
}

export function createSesMailer(opts: {
  region: string;
  endpoint?: string;
  from: string;
  configurationSet?: string;
}): Mailer {
  const client = new SESv2Client({
    region: opts.region,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 2,
  });
  return {
    async send(message) {
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: opts.from,
          Destination: { ToAddresses: message.to },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
              Headers: [{ Name: 'X-Ordo-Message-Id', Value: message.id }],
            },
          },
          ...(opts.configurationSet ? { ConfigurationSetName: opts.configurationSet } : {}),
        }),
      );
      return out.MessageId;
    },
  };
}
