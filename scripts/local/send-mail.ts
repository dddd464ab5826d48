/**
 * Sends one message to the local SMTP stand-in (`npm start` listens on ORDO_SMTP_PORT, 2525), as a
 * person's mail program would:
 *
 *   npx tsx scripts/local/send-mail.ts --to facilities@in.ordo.localhost --from anna.kowalska@example.com \
 *     --subject "Broken chair in room 3.02" --text "The backrest fell off." [--attach photo.png] [--header "Auto-Submitted: auto-replied"]
 *
 * Reply to an order with the Reply-To address of its mail in the mail viewer (order+FAC-1001.…@in.ordo.localhost).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    from: { type: 'string', default: 'anna.kowalska@example.com' },
    subject: { type: 'string', default: 'Sent from the command line' },
    text: { type: 'string', default: 'Hello from the command line.' },
    attach: { type: 'string', multiple: true },
    header: { type: 'string', multiple: true },
    port: { type: 'string', default: process.env.ORDO_SMTP_PORT ?? '2525' },
  },
});
if (!values.to) {
  process.stderr.write(
    'Usage: send-mail.ts --to <address> [--from …] [--subject …] [--text …] [--attach FILE] [--header "Name: value"]\n',
  );
  process.exit(2);
}
const headers = Object.fromEntries(
  (values.header ?? []).map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
);
const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(values.port),
  secure: false,
  ignoreTLS: true,
});
const info = await transport.sendMail({
  from: values.from,
  to: values.to,
  subject: values.subject,
  text: values.text,
  headers,
  attachments: (values.attach ?? []).map((file) => ({ filename: basename(file), content: readFileSync(file) })),
});
process.stdout.write(`${info.response}\n`);
transport.close();
