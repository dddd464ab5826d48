/**
 * A head's webhook subscriptions: subscribe an HTTPS URL (its host must resolve to public addresses
 * only), list, pause and resume (resuming releases what waited, in order), delete, read the
 * delivery log, send a test event. The signing secret is made here and shown once.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError } from '#shared/errors.ts';
import type { CreateSubscriptionBody } from '#shared/integration-routes.ts';
import {
  MAX_SUBSCRIPTIONS,
  TEST_EVENT,
  type WebhookDeliveryLog,
  type WebhookPayload,
  type WebhookSubscription,
} from '#shared/integrations.ts';
import type { User } from '#shared/model.ts';
import { refusal } from '#shared/refusals.ts';
import type { WebhookRepository } from '../../repositories/webhooks.ts';
import { checkTarget, type TargetPolicy, TargetRefusedError } from '../../webhooks/address.ts';
import { fieldRefused } from './refuse.ts';

export interface WebhookWorkflowDeps {
  webhooks: WebhookRepository;
  policy: TargetPolicy;
  now: () => Date;
}

export class WebhookWorkflow {
  constructor(private readonly deps: WebhookWorkflowDeps) {}

  list(department: string): Promise<WebhookSubscription[]> {
    return this.deps.webhooks.list(department);
  }

  async subscribe(
    user: User,
    department: string,
    body: CreateSubscriptionBody,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const existing = await this.deps.webhooks.ofDepartment(department);
    if (existing.length >= MAX_SUBSCRIPTIONS) {
      throw fieldRefused('url', refusal('too_many', { max: MAX_SUBSCRIPTIONS }));
    }
    try {
      await checkTarget(body.url, this.deps.policy);
    } catch (error) {
      if (error instanceof TargetRefusedError) {
        throw fieldRefused('url', refusal('webhook_target', { reason: error.reason }));
      }
      throw error;
    }
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const subscription = await this.deps.webhooks.create({
      id: randomBytes(8).toString('hex'),
      department,
      url: body.url,
      events: [...new Set(body.events)],
      status: 'active',
      createdAt: this.deps.now().toISOString(),
      createdBy: user.id,
      consecutiveFailures: 0,
      secret,
    });
    return { subscription, secret };
  }

  async setStatus(department: string, id: string, status: 'active' | 'paused'): Promise<WebhookSubscription> {
    const at = this.deps.now().toISOString();
    const changed = await this.deps.webhooks.setStatus(department, id, status, 'by_head', at);
    if (!changed) throw new NotFoundError('not_found');
    if (status === 'active') await this.deps.webhooks.release(id, at);
    return changed;
  }

  async remove(department: string, id: string): Promise<void> {
    if (!(await this.deps.webhooks.remove(department, id))) throw new NotFoundError('not_found');
  }

  async deliveries(department: string, id: string): Promise<WebhookDeliveryLog[]> {
    await this.existing(department, id);
    return this.deps.webhooks.deliveries(id);
  }

  async sendTest(department: string, id: string): Promise<{ messageId: string }> {
    const sub = await this.existing(department, id);
    const now = this.deps.now().toISOString();
    const messageId = `wh.${sub.id}.test.${randomBytes(6).toString('hex')}`;
    const payload: WebhookPayload = { type: TEST_EVENT, timestamp: now, data: { department, subscriptionId: sub.id } };
    await this.deps.webhooks.enqueueTest(sub, messageId, JSON.stringify(payload), now);
    return { messageId };
  }

  private async existing(department: string, id: string): Promise<WebhookSubscription> {
    const sub = await this.deps.webhooks.get(department, id);
    if (!sub) throw new NotFoundError('not_found');
    return sub;
  }
}
