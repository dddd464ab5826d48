import { describe, expect, it } from 'vitest';
import {
  createLogger,
  createReadableLogger,
  readableLine,
  redact,
  redactText,
} from '#functions/observability/logger.ts';
import { createEmfMetrics, logMetrics } from '#functions/observability/metrics.ts';
import { captureStdout } from '../support/stdout.ts';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbm5hIiwiZW1haWwiOiJhbm5hQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLXZhbHVl';
const LINK = 'k2.eyJwdXJwb3NlIjoic3VydmV5Iiwib3JkZXJOdW1iZXIiOiJIUi0xMDAxIn0.bWFjLXZhbHVlLW9mLXRoZS1saW5r';

describe('the readable line', () => {
  const at = new Date(2026, 0, 5, 12, 1, 2);

  it('puts an access-log entry on one line: time, level, method, path, status, duration', () => {
    expect(
      readableLine({
        time: at,
        level: 'info',
        msg: 'request',
        data: { method: 'GET', path: '/api/v1/catalog', status: 200, ms: 12 },
      }),
    ).toBe('12:01:02 INFO request GET /api/v1/catalog 200 12ms');
  });

  it('writes other fields as key=value, quoting what has spaces', () => {
    expect(
      readableLine({
        time: at,
        level: 'warn',
        msg: 'mail.retry',
        data: { messageId: 'HR-1001.created.1.requester', attempts: 2, error: 'SES said no', skipped: undefined },
      }),
    ).toBe('12:01:02 WARN mail.retry messageId=HR-1001.created.1.requester attempts=2 error="SES said no"');
  });

  it('is what the local logger writes, after the request fields its bindings', () => {
    const lines: string[] = [];
    const log = createReadableLogger('info', {}, (line) => lines.push(line)).child({ correlation_id: 'c-1' });
    log.debug('hidden below the level');
    log.info('request', { method: 'POST', path: '/api/v1/orders', status: 201, ms: 40 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO request POST \/api\/v1\/orders 201 40ms correlation_id=c-1$/);
  });
});

describe('redaction', () => {
  it('replaces email addresses, bearer credentials, JWTs and signed links in text', () => {
    const text = `Rejected anna.kowalska+hr@example.co.uk; Bearer ${JWT} and /api/v1/surveys/${LINK}?x=1`;
    const clean = redactText(text);
    expect(clean).toBe('Rejected [email]; Bearer [redacted] and /api/v1/surveys/[token]?x=1');
  });

  it('blanks fields that hold personal data or credentials, at any depth, and keeps ids and counts', () => {
    const clean = redact({
      messageId: 'HR-1001.created.1.requester',
      attempts: 3,
      email: 'anna@example.com',
      user: { name: 'Anna Kowalska', id: 'anna' },
      answers: { reason: 'my salary' },
      comment: 'call me on 555',
      authorization: `Bearer ${JWT}`,
      error: new Error(`MessageRejected: Email address is not verified: anna@example.com`),
    });
    expect(clean).toEqual({
      messageId: 'HR-1001.created.1.requester',
      attempts: 3,
      email: '[redacted]',
      user: { name: '[redacted]', id: 'anna' },
      answers: '[redacted]',
      comment: '[redacted]',
      authorization: '[redacted]',
      error: { name: 'Error', message: 'MessageRejected: Email address is not verified: [email]' },
    });
  });

  it('leaves no token or email in a line of either local format', () => {
    for (const create of [createLogger, createReadableLogger]) {
      const lines: string[] = [];
      const log = create('debug', {}, (line) => lines.push(line));
      log.error(`unhandled for anna@example.com`, {
        error: `token ${LINK} refused`,
        stack: `Error: at ${JWT}`,
        to: ['ben@example.com'],
      });
      expect(lines).toHaveLength(1);
      for (const secret of ['anna@example.com', 'ben@example.com', LINK, JWT, 'eyJ']) {
        expect(lines[0]).not.toContain(secret);
      }
    }
  });
});

describe('metrics', () => {
  it('are debug log lines locally', () => {
    const lines: string[] = [];
    const metrics = logMetrics(createLogger('debug', {}, (line) => lines.push(line)));
    metrics.count('OrdersFiled', 1, { department: 'HR' });
    metrics.flush();
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { level: 'debug', msg: 'metric', metric: 'OrdersFiled', value: 1, department: 'HR' },
    ]);
  });

  it('are summed per name and dimensions and written as EMF on flush, nothing before', async () => {
    const metrics = createEmfMetrics({ stage: 'test' });
    const out = await captureStdout(() => {
      metrics.count('OrdersFiled', 1, { department: 'HR' });
      metrics.count('OrdersFiled', 1, { department: 'HR' });
      metrics.count('OrdersFiled', 1, { department: 'IT' });
      metrics.count('Transitions', 1, { action: 'resolve' });
      metrics.count('SlaWarnings', 0);
      metrics.count('SlaBreaches', 2);
    });
    expect(out).toEqual([]);
    const flushed = (await captureStdout(() => metrics.flush())).map((line) => JSON.parse(line));
    expect(flushed).toHaveLength(4);
    const hr = flushed.find((blob) => blob.department === 'HR');
    expect(hr).toMatchObject({ OrdersFiled: 2, stage: 'test', service: 'ordo' });
    expect(hr._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Ordo',
        Dimensions: [['service', 'stage', 'department']],
        Metrics: [{ Name: 'OrdersFiled', Unit: 'Count' }],
      },
    ]);
    expect(flushed.find((blob) => blob.department === 'IT')).toMatchObject({ OrdersFiled: 1 });
    expect(flushed.find((blob) => 'Transitions' in blob)).toMatchObject({ Transitions: 1, action: 'resolve' });
    // Counts without extra dimensions share one line.
    expect(flushed.find((blob) => 'SlaBreaches' in blob)).toMatchObject({ SlaWarnings: 0, SlaBreaches: 2 });
    // Nothing left to write: a second flush is silent.
    expect(await captureStdout(() => metrics.flush())).toEqual([]);
  });
});
