/**
 * Sends one message through SES v2. The only module that talks to SES. The SES client is loaded on
 * the first send: the API builds a mailer but never sends (mail leaves through the outbox worker),
 * so its cold start does not pay for SES.
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
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
  let ses: Promise<{ client: SESv2Client; sdk: typeof import('@aws-sdk/client-sesv2') }> | undefined;
  const load = () =>
    (ses ??= import('@aws-sdk/client-sesv2').then((sdk) => ({
      sdk,
      client: new sdk.SESv2Client({
        region: opts.region,
        ...(opts.endpoint
          ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
        maxAttempts: 2,
      }),
    })));
  return {
    async send(message) {
      const { client, sdk } = await load();
      const { SendEmailCommand } = sdk;
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
