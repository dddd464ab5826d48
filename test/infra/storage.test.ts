/**
 * The attachments bucket's lifecycle: uploads never attached to an order expire. The storage
 * construct is synthesized on its own, so this does not depend on the rest of the stack.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { pendingKey } from '#functions/storage/attachments.ts';
import { readConfig } from '../../infra/config.ts';
import { OrdoStorage } from '../../infra/storage.ts';
import { UPLOAD_STAGING } from '../../shared/model.ts';

interface Rule {
  Id: string;
  Status: string;
  Prefix?: string;
  ExpirationInDays?: number;
  NoncurrentVersionExpiration?: { NoncurrentDays: number };
  TagFilters?: unknown;
}

const synthesized = new Map<string, Rule[]>();

/** The lifecycle rules of the attachments bucket (the versioned one), synthesized once per stage. */
function attachmentRules(stage: 'dev' | 'prod'): Rule[] {
  const known = synthesized.get(stage);
  if (known) return known;
  const app = new App({ context: { stage } });
  const stack = new Stack(app, 'Storage');
  new OrdoStorage(stack, 'Storage', { config: readConfig(app.node) });
  const buckets = Template.fromStack(stack).findResources('AWS::S3::Bucket', {
    Properties: { VersioningConfiguration: { Status: 'Enabled' } },
  });
  const [bucket] = Object.values(buckets) as Array<{ Properties: { LifecycleConfiguration: { Rules: Rule[] } } }>;
  const rules = bucket!.Properties.LifecycleConfiguration.Rules;
  synthesized.set(stage, rules);
  return rules;
}

describe.each(['dev', 'prod'] as const)('attachments bucket (%s)', (stage) => {
  it('deletes uploads left pending (never attached) after a few days, and their data a day later', () => {
    const rule = attachmentRules(stage).find((r) => r.Id === 'expire-unattached-uploads');
    expect(rule).toEqual({
      Id: 'expire-unattached-uploads',
      Status: 'Enabled',
      Prefix: 'pending/',
      ExpirationInDays: UPLOAD_STAGING.days,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
    expect(UPLOAD_STAGING.days).toBeGreaterThanOrEqual(1);
    expect(UPLOAD_STAGING.days).toBeLessThanOrEqual(30);
  });

  it('removes a person’s export archives, every version, after a day', () => {
    expect(attachmentRules(stage).find((r) => r.Id === 'expire-person-exports')).toEqual({
      Id: 'expire-person-exports',
      Status: 'Enabled',
      Prefix: 'exports/',
      ExpirationInDays: 1,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
  });

  it('puts pending uploads under the rule’s prefix and attached ones outside every expiring prefix', () => {
    const key = 'uploads/anna/0b8e2a1c-0000-4000-8000-000000000000/receipt.pdf';
    expect(pendingKey(key)).toBe('pending/anna/0b8e2a1c-0000-4000-8000-000000000000/receipt.pdf');
    const expiring = attachmentRules(stage).filter((r) => r.ExpirationInDays !== undefined);
    expect(expiring.map((r) => r.Prefix)).toEqual(['pending/', 'exports/']);
    expect(expiring.every((r) => !key.startsWith(r.Prefix ?? ''))).toBe(true);
  });
});
