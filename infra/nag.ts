/**
 * Helpers for cdk-nag acknowledgements that name a single finding, e.g.
 * `AwsSolutions-IAM5[Resource::<AttachmentsBucket1234.Arn>/*]`.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** How cdk-nag writes `Fn::GetAtt [<logical id>, Arn]` of a resource in a finding. */
export function arnInFinding(resource: IConstruct): string {
  const cfn = resource.node.defaultChild ?? resource;
  if (!CfnElement.isCfnElement(cfn)) throw new Error(`${resource.node.path} has no CloudFormation resource.`);
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

/**
 * How cdk-nag writes a value that may hold tokens: `{ Ref: 'AWS::Region' }` as `<AWS::Region>`,
 * joins concatenated (as cdk-nag's flattenCfnReference does). With a concrete account and region
 * the same ARN reads `…:eu-west-1:123456789012:…`, so an acknowledgement built from the value
 * matches in both kinds of synthesis.
 */
export function valueInFinding(scope: IConstruct, value: string): string {
  const visit = (node: unknown): string => {
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
    if (node && typeof node === 'object') {
      const fn = node as Record<string, unknown>;
      if (Array.isArray(fn['Fn::Join'])) {
        const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
        return items.map(visit).join(delimiter);
      }
      if ('Fn::Sub' in fn) return visit(fn['Fn::Sub']);
      if (Array.isArray(fn['Fn::GetAtt'])) {
        const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
        return `<${visit(resource)}.${visit(attribute)}>`;
      }
      if ('Ref' in fn) return `<${visit(fn.Ref)}>`;
    }
    return JSON.stringify(node);
  };
  return visit(Stack.of(scope).resolve(value));
}
