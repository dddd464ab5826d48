import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/model.ts';
import { composeOrderMail } from '#shared/notifications.ts';

const order = {
  number: 'HR-1001',
  title: 'Onboard <script>alert(1)</script>',
  serviceName: 'Onboard a new employee',
  requesterName: 'Anna "A" Kowalska',
  version: 3,
} as Order;

describe('order mail', () => {
  it('escapes user text in HTML and links to the order', () => {
    const mail = composeOrderMail({
      event: 'order_received',
      order,
      to: ['a@example.com', 'a@example.com'],
      audience: 'requester',
      portalUrl: 'http://localhost:3000/',
      comment: '<b>hi</b>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(mail.text).toContain('http://localhost:3000/orders/HR-1001');
    expect(mail.to).toEqual(['a@example.com']);
    expect(mail.id).toBe('HR-1001.order_received.v3.requester');
  });
});
