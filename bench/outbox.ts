/**
 * The mail outbox: delivery rate to the SES stand-in, and an outage of the stand-in with nothing lost.
 *
 * Rate: orders filed through the workflow queue their mails in the outbox (same transaction); the
 * product's MailDelivery (claim → send → mark sent) drains them the way the local poller does
 * (`deliverDue(50)` until nothing is due), timed.
 * Outage: a dedicated stand-in is stopped, orders are filed, delivery rounds run during the outage
 * (every attempt fails and is rescheduled with its error), the stand-in restarts on the same port, and
 * delivery runs on a clock moved past the retry backoff. Every message must then be in the stand-in's
 * mailbox exactly once (by the X-Ordo-Message-Id header) and marked sent in the outbox.
 */
import type { Deps } from '../functions/deps.ts';
import { MailDelivery } from '../functions/mail/delivery.ts';
import { silentLogger } from '../functions/observability/logger.ts';
import { clearMailbox, readMailbox } from '../scripts/local/ses.ts';
import type { User } from '../shared/model.ts';
import { CERTIFICATE } from './api.ts';
import type { BenchContext } from './context.ts';
import { depsFor, freshEnv, sleep, startSes } from './env.ts';
import { type Row, type Section, table, verdict } from './results.ts';

function messageIdOf(mail: { headers?: Array<{ name?: string; key?: string; value: string }> }): string | undefined {
  return mail.headers?.find((h) => (h.name ?? h.key)?.toLowerCase() === 'x-ordo-message-id')?.value;
}

async function fileOrders(deps: Deps, count: number): Promise<void> {
  const anna = (await deps.users.get('anna')) as User;
  for (let i = 0; i < count; i++) await deps.orderWorkflow.create(anna, CERTIFICATE);
}

/** Delivers until nothing is due (bounded); returns messages sent. */
async function drain(delivery: MailDelivery, maxRounds = 1_000): Promise<number> {
  let sent = 0;
  for (let round = 0; round < maxRounds; round++) {
    const n = await delivery.deliverDue(50);
    sent += n;
    if (n === 0) return sent;
  }
  throw new Error('The outbox did not drain.');
}

export async function runOutbox(ctx: BenchContext): Promise<Section> {
  const orders = ctx.quick ? 100 : 300;
  const outageSeconds = ctx.quick ? 5 : 30;
  const outageOrders = ctx.quick ? 20 : 50;

  // ---- rate ----
  ctx.log(`  ${orders} orders → ${orders * 2} mails, delivered by MailDelivery…`);
  const { deps } = await freshEnv(ctx.dynamo.endpoint, ctx.ses.endpoint);
  await clearMailbox(ctx.ses.endpoint);
  await fileOrders(deps, orders);
  const pending = (await deps.outbox.due(new Date(Date.now() + 1_000), 10_000)).length;
  const delivery = new MailDelivery(deps.outbox, deps.mailer, silentLogger, deps.now);
  const started = performance.now();
  const sent = await drain(delivery);
  const seconds = (performance.now() - started) / 1000;
  const rate = sent / seconds;
  const mailbox = await readMailbox(ctx.ses.endpoint);
  const rateIds = new Set(mailbox.map(messageIdOf));

  // ---- outage ----
  ctx.log(`  outage: stand-in stopped for ${outageSeconds} s while ${outageOrders} orders are filed…`);
  const ses = await startSes();
  const outage = await freshEnv(ctx.dynamo.endpoint, ses.endpoint);
  let shiftMs = 0;
  const clock = () => new Date(Date.now() + shiftMs);
  const outageDeps = depsFor(outage.env, clock);
  const outageDelivery = new MailDelivery(outageDeps.outbox, outageDeps.mailer, silentLogger, clock);
  await ses.stop();
  const downAt = performance.now();
  await fileOrders(outageDeps, outageOrders);
  const ids = await outageDeps.outbox.due(new Date(Date.now() + 1_000), 10_000);
  let rounds = 0;
  let sentWhileDown = 0;
  const attempted = async () => {
    for (const id of ids) if (((await outageDeps.outbox.get(id))?.attempts ?? 0) === 0) return false;
    return true;
  };
  // Rounds every second while the stand-in is down (bounded by the outage and 4× its length).
  while (performance.now() - downAt < outageSeconds * 1000 || !(await attempted())) {
    if (performance.now() - downAt > outageSeconds * 4000)
      throw new Error('Delivery rounds did not reach every message.');
    sentWhileDown += await outageDelivery.deliverDue(50);
    rounds++;
    await sleep(1_000);
  }
  const duringOutage = await Promise.all(ids.map((id) => outageDeps.outbox.get(id)));
  const keptPending = duringOutage.filter((m) => m?.status === 'pending' && m.lastError && m.attempts >= 1).length;
  const restarted = await startSes(ses.port);
  const downSeconds = (performance.now() - downAt) / 1000;
  shiftMs = 2 * 3_600_000; // past any retry backoff (capped at 1 h)
  const catchUpStarted = performance.now();
  const caughtUp = await drain(outageDelivery);
  const catchUpSeconds = (performance.now() - catchUpStarted) / 1000;
  const after = await Promise.all(ids.map((id) => outageDeps.outbox.get(id)));
  const delivered = await readMailbox(restarted.endpoint);
  await restarted.stop();
  const times = new Map<string, number>();
  for (const mail of delivered) {
    const id = messageIdOf(mail);
    if (id) times.set(id, (times.get(id) ?? 0) + 1);
  }
  const lost = ids.filter((id) => !times.has(id)).length;
  const duplicated = ids.filter((id) => (times.get(id) ?? 0) > 1).length;
  const notSent = after.filter((m) => m?.status !== 'sent').length;
  const failed = after.filter((m) => m?.status === 'failed').length;
  const ok = lost === 0 && duplicated === 0 && notSent === 0 && sentWhileDown === 0 && keptPending === ids.length;

  const rows: Row[] = [
    {
      figure: 'outbox: mails delivered per second to the SES stand-in',
      target: 'report',
      measured: `${rate.toFixed(0)} mails/s (${sent} mails in ${seconds.toFixed(1)} s, one poller)`,
      verdict: sent === pending && rateIds.size === sent ? 'report' : 'not met',
    },
    {
      figure: `outbox: mails lost with the stand-in stopped for ${outageSeconds} s`,
      target: '0 lost',
      measured: `${lost} lost, ${duplicated} duplicated of ${ids.length} (all kept pending with their error while down: ${keptPending}/${ids.length})`,
      verdict: verdict(ok),
    },
  ];
  const unmet: string[] = [];
  if (!ok) {
    unmet.push(
      `Outage: ${lost} lost, ${duplicated} duplicated, ${notSent} not marked sent (${failed} parked as failed), ` +
        `${sentWhileDown} reported sent while the stand-in was down, ${keptPending}/${ids.length} kept pending.`,
    );
  }
  if (sent !== pending || rateIds.size !== sent) {
    unmet.push(`Rate run: ${pending} queued, ${sent} sent, ${rateIds.size} distinct messages in the mailbox.`);
  }
  return {
    id: 'outbox',
    title: 'Outbox delivery and an SES outage',
    rows,
    unmet,
    details: [
      `Rate: ${orders} orders filed through the workflow (each queues "order received" and "new in the queue"), then ` +
        "the product's MailDelivery drains the outbox like the local poller (deliverDue(50) until nothing is due; " +
        'each mail: conditional claim, SendEmail, mark sent). Sequential by design; the stand-in keeps every mail in memory.',
      `Outage: a dedicated stand-in was stopped; ${outageOrders} orders were filed (${ids.length} mails); ${rounds} ` +
        `delivery rounds ran while it was down (${downSeconds.toFixed(0)} s); it restarted on the same port and ` +
        `delivery ran on a clock 2 h ahead (past the backoff), catching up ${caughtUp} mails in ${catchUpSeconds.toFixed(1)} s.`,
      table(
        ['check', 'result'],
        [
          ['mails queued by the orders filed during the outage', String(ids.length)],
          ['reported sent while the stand-in was down', String(sentWhileDown)],
          ['pending with their error after the outage rounds', `${keptPending} / ${ids.length}`],
          ['delivered after the restart (in the mailbox, by X-Ordo-Message-Id)', String(times.size)],
          ['lost', String(lost)],
          ['delivered more than once', String(duplicated)],
          ['not marked sent in the outbox / parked as failed', `${notSent} / ${failed}`],
        ],
      ),
    ],
  };
}
