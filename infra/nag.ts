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
