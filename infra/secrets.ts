/**
 * A key ring in Secrets Manager: `{"current":"<key id>","<key id>":"<key>",…}`, made with one random key
 * `k1`. Keys are rotated by hand (add a key id, make it current, drop the old one later) so that what
 * was signed with an older key still verifies; the reason says what that means for this ring.
 */
import { Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';

export interface KeyRing {
  config: OrdoConfig;
  /** The secret's name after the stage prefix. */
  name: string;
  description: string;
  /** Why it is rotated by hand (cdk-nag AwsSolutions-SMG4). */
  manualRotation: string;
}

export function keyRingSecret(scope: Construct, id: string, ring: KeyRing): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, id, {
    secretName: resourceName(ring.config, ring.name),
    description: ring.description,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ current: 'k1' }),
      generateStringKey: 'k1',
      passwordLength: 64,
      excludePunctuation: true,
    },
    removalPolicy: removalPolicyOf(ring.config),
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: ring.manualRotation });
  return secret;
}
