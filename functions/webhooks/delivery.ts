/**
 * Delivers webhook events from the outbox (the mail worker hands over items of kind `webhook`):
 * signed per the Standard Webhooks spec (`webhook-id` = the outbox id, stable across retries), POSTed
 * with a 5 s timeout and no redirects followed, to an address checked on connection (address.ts).
 *
 * Per order and subscription, events go out in the order's own order: an event whose lane has an
 * earlier one still waiting steps back until that one is delivered or given up. A failure is retried
 * with exponential backoff; every attempt is logged on the subscription. A subscription that fails
 * 10 times in a row, or for 24 hours, pauses (its events wait) and its department's head gets a mail.
 */
import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { shouldPause, type WebhookSubscription } from '#shared/integrations.ts';
import type { Language } from '#shared/model.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import { DepartmentRepository } from '../repositories/departments.ts';
import { retryDelayMs } from '../repositories/outbox.ts';
import { UserRepository } from '../repositories/users.ts';
import { type WebhookMessage, WebhookRepository } from '../repositories/webhooks.ts';
import type { Db } from '../storage/client.ts';
import { guardedLookup, parseTarget, type TargetPolicy } from './address.ts';
import { pausedMail } from './pause-mail.ts';

export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Attempts per event before it is given up (about 4 hours of backoff). */
export const MAX_WEBHOOK_ATTEMPTS = 10;

export type WebhookResult = 'sent' | 'skipped' | 'retry';

/** POSTs a body; answers the status, or throws when nothing came back. */
export type Post = (url: URL, body: string, headers: Record<string, string>) => Promise<number>;

export function httpPost(policy: TargetPolicy, timeoutMs = WEBHOOK_TIMEOUT_MS): Post {
  return (url, body, headers) =>
    new Promise<number>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Ordo-Webhooks/1',
          },
          lookup: guardedLookup(policy) as never,
          timeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          // Only the status matters; the body is read and dropped. A redirect is an answer, not followed.
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`No answer in ${timeoutMs} ms.`)));
      request.on('error', reject);
      request.end(body);
    });
}

export interface WebhookDeliveryDeps {
  webhooks: WebhookRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  policy: TargetPolicy;
  log: Logger;
  now: () => Date;
  portalUrl: string;
  post?: Post;
}

export class WebhookDelivery {
  private readonly post: Post;

  constructor(private readonly deps: WebhookDeliveryDeps) {
    this.post = deps.post ?? httpPost(deps.policy);
  }

  /** One claimed message: send it, or step back for an earlier one of its order, or hold it while paused. */
  async deliver(message: WebhookMessage): Promise<WebhookResult> {
    const { webhooks } = this.deps;
    const now = this.deps.now();
    const at = now.toISOString();
    const sub = await webhooks.get(message.department, message.subscriptionId);
    if (!sub) {
      await webhooks.markGivenUp(message.id, 'dropped', at);
      return 'skipped';
    }
    if (sub.status === 'paused') {
      await webhooks.hold(message, at, false);
      return 'skipped';
    }
    const head = await webhooks.laneHead(message);
    if (head && head.id !== message.id) {
      const after = Math.max(now.getTime() + 1_000, Date.parse(head.nextAttemptAt) + 1_000);
      await webhooks.reschedule(message, new Date(after).toISOString(), false);
      return 'skipped';
    }

    const started = performance.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const url = parseTarget(sub.url, this.deps.policy);
      // The signature's time is the real time of sending: receivers check it against their clocks.
      const sentAt = new Date();
      const headers = {
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': new Webhook(sub.secret).sign(message.id, sentAt, message.payload),
      };
      status = await this.post(url, message.payload, headers);
      if (status < 200 || status > 299) error = `Answered ${status}.`;
    } catch (e) {
      error = (e as Error).message || String(e);
    }
    const ok = error === undefined;
    const durationMs = Math.round(performance.now() - started);
    await webhooks.log(sub.id, {
      at,
      messageId: message.id,
      event: message.event,
      ...(message.orderNumber ? { orderNumber: message.orderNumber } : {}),
      attempt: message.attempts,
      ...(status !== undefined ? { status } : {}),
      durationMs,
      ok,
      ...(error ? { error: error.slice(0, 300) } : {}),
    });
    const after = await webhooks.recordOutcome(sub, ok, at, status);
    if (ok) {
      await webhooks.markSent(message.id, at);
      this.deps.log.info('webhook.sent', { messageId: message.id, status, durationMs });
      return 'sent';
    }
    this.deps.log.warn('webhook.failed', { messageId: message.id, status, attempts: message.attempts });
    if (after && shouldPause(after, now) && (await webhooks.pauseFailing(sub.department, sub.id, at))) {
      await this.tellHead(after, at);
    }
    const current = after ?? sub;
    if (current.status === 'paused' || (after && shouldPause(after, now))) {
      await webhooks.hold(message, at, true);
    } else if (message.attempts >= MAX_WEBHOOK_ATTEMPTS) {
      await webhooks.markGivenUp(message.id, 'failed', at);
    } else {
      await webhooks.reschedule(
        message,
        new Date(now.getTime() + retryDelayMs(message.attempts)).toISOString(),
        true,
        error,
      );
    }
    return 'retry';
  }

  /** Mails the department's head that the subscription was paused. */
  private async tellHead(sub: WebhookSubscription, at: string): Promise<void> {
    const department = await this.deps.departments.get(sub.department);
    const head = department ? await this.deps.users.get(department.headId) : undefined;
    const to = head?.email || department?.contactEmail;
    if (!to) return;
    const language: Language = head?.language ?? 'en';
    await this.deps.webhooks.enqueueMail(
      pausedMail({ subscription: sub, to, language, portalUrl: this.deps.portalUrl, at }),
      at,
    );
  }
}

/** What the workers build to hand webhook items to (the mail worker in AWS, the poller locally). */
export function createWebhookDelivery(
  config: Pick<Config, 'portalUrl' | 'webhooksAllowLocal'>,
  db: Db,
  log: Logger,
  now: () => Date = () => new Date(),
): WebhookDelivery {
  return new WebhookDelivery({
    webhooks: new WebhookRepository(db),
    departments: new DepartmentRepository(db),
    users: new UserRepository(db),
    policy: { allowLocal: config.webhooksAllowLocal === true },
    log,
    now,
    portalUrl: config.portalUrl,
  });
}
