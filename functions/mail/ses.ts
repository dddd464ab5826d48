/**
 * Sends one message through SES v2. The only module that talks to SES. The SES client is loaded on
 * the first send: the API builds a mailer but never sends (mail leaves through the outbox worker),
 * so its cold start does not pay for SES.
 */
import type { MailMessage } from '#shared/model.ts';
import type { Instrument } from '../observability/tracer.ts';
import { clientOnFirstUse } from '../sdk-on-first-use.ts';
import { isDeadline, NoAnswerError } from '../storage/client.ts';

/**
 * SES answers SendEmail in about 100 ms. Only the workers send, so the budget is looser than storage's,
 * yet a stuck endpoint ends a send in 5 s instead of holding the worker for as long as it hangs (and,
 * locally, the SLA timer loop that runs after the poller). A connection failure is retried once.
 */
export const MAIL_BUDGET = { connectionMs: 1_000, attemptMs: 5_000, maxAttempts: 2 } as const;

export interface Mailer {
  send(message: MailMessage): Promise<string | undefined>;
}

export function createSesMailer(opts: {
  region: string;
  endpoint?: string;
  from: string;
  configurationSet?: string;
  /** Traces the client in Lambda. */
  instrument?: Instrument;
  /** The signed reply address of an order (mail in), so a reply to mail about an order comes back to it. */
  replyTo?: (orderNumber: string) => Promise<string>;
}): Mailer {
  const load = clientOnFirstUse(
    () => import('@aws-sdk/client-sesv2'),
    (sdk) => {
      const client = new sdk.SESv2Client({
        region: opts.region,
        ...(opts.endpoint
          ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
        maxAttempts: MAIL_BUDGET.maxAttempts,
        requestHandler: {
          connectionTimeout: MAIL_BUDGET.connectionMs,
          requestTimeout: MAIL_BUDGET.attemptMs,
          throwOnRequestTimeout: true,
        },
      });
      // A send that got no answer may still have gone out, so the SDK must not send it again at once.
      // The outbox retries it later with backoff (mail/delivery.ts), the one path that records why.
      client.middlewareStack.add(
        (next) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            if (isDeadline(error)) throw new NoAnswerError(`SES gave no answer within ${MAIL_BUDGET.attemptMs} ms.`);
            throw error;
          }
        },
        { step: 'deserialize', name: 'ordoNoRetryAfterDeadline', priority: 'low' },
      );
      return client;
    },
    opts.instrument,
  );
  return {
    async send(message) {
      const { client, sdk } = await load();
      const { SendEmailCommand } = sdk;
      const replyTo = message.orderNumber && opts.replyTo ? await opts.replyTo(message.orderNumber) : undefined;
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: opts.from,
          Destination: { ToAddresses: message.to },
          ...(replyTo ? { ReplyToAddresses: [replyTo] } : {}),
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
