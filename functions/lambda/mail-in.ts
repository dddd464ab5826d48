/**
 * SES receiving → mail in. The receipt rule first stores the raw message in the inbound bucket
 * (`<prefix><SES message id>`), then invokes this function asynchronously with the receipt: who it
 * was for and the SPF, DKIM and DMARC verdicts. The function reads the raw object and hands it to
 * MailIn (functions/inbound/mail-in.ts).
 *
 * A failure throws: Lambda retries the event twice, then hands it to the function's on-failure
 * queue; the raw message stays in the bucket and its record says it was not finished, so it can be
 * processed again. Processing is idempotent by the object key, so a retry never acts twice.
 */
import { verdictsFromReceipt } from '#shared/inbound.ts';
import { loadConfig } from '../config.ts';
import { createMailIn } from '../inbound/deps.ts';
import { lambdaObservability } from '../observability/lambda.ts';

interface SesReceiptEvent {
  Records: Array<{
    ses: {
      mail: { messageId: string };
      receipt: {
        recipients: string[];
        spfVerdict?: { status?: string };
        dkimVerdict?: { status?: string };
        dmarcVerdict?: { status?: string };
      };
    };
  }>;
}

const config = loadConfig();
const observed = lambdaObservability(config);
const prefix = config.inboundPrefix ?? '';
const { mailIn } = await createMailIn(config, observed);

export const handler = observed.handler(receive);

async function receive(event: SesReceiptEvent): Promise<{ outcomes: string[] }> {
  const outcomes: string[] = [];
  for (const record of event.Records ?? []) {
    const { mail, receipt } = record.ses;
    const done = await mailIn.receive({
      key: `${prefix}${mail.messageId}`,
      recipients: receipt.recipients,
      verdicts: verdictsFromReceipt({
        ...(receipt.spfVerdict?.status ? { spf: receipt.spfVerdict.status } : {}),
        ...(receipt.dkimVerdict?.status ? { dkim: receipt.dkimVerdict.status } : {}),
        ...(receipt.dmarcVerdict?.status ? { dmarc: receipt.dmarcVerdict.status } : {}),
      }),
    });
    outcomes.push(done.outcome ?? 'unknown');
  }
  return { outcomes };
}
