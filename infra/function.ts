/**
 * The Lambda defaults, fixed in one place: Node.js 24 on arm64, ESM bundle built by the local
 * esbuild (never Docker) with the AWS SDK taken from the runtime, JSON logs into a log group owned by
 * the stack, X-Ray tracing, its own role that can write only to its own log group. Access to anything
 * else is added by the bind helpers of the resource (`bindTable`, `bindAttachments`, `bindMail`,
 * `bindAuth`, `bindPortal`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ESBUILD_OPTIONS, FUNCTION_ENTRIES, type FunctionName } from './bundling.ts';
import { isProd, type OrdoConfig, resourceName } from './config.ts';

/** The newest Node.js runtime aws-cdk-lib 2.276 offers (also what cdk-nag AwsSolutions-L1 asks for). */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

export const MEMORY_MB = 256;

/** NodejsFunction's view of the shared esbuild options (infra/bundling.ts). */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: ESBUILD_OPTIONS.target,
  minify: ESBUILD_OPTIONS.minify,
  sourceMap: ESBUILD_OPTIONS.sourcemap,
  sourcesContent: ESBUILD_OPTIONS.sourcesContent,
  mainFields: [...ESBUILD_OPTIONS.mainFields],
  banner: ESBUILD_OPTIONS.banner,
  // The AWS SDK comes from the Lambda runtime (see RUNTIME_PROVIDED in infra/bundling.ts).
  bundleAwsSDK: false,
  externalModules: [...ESBUILD_OPTIONS.external],
  esbuildArgs: { '--legal-comments': ESBUILD_OPTIONS.legalComments },
};

export interface OrdoFunctionProps {
  config: OrdoConfig;
  name: FunctionName;
  description: string;
  timeout: Duration;
}

export class OrdoFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly functionName: string;

  constructor(scope: Construct, id: string, props: OrdoFunctionProps) {
    super(scope, id);
    const { config, name } = props;
    const prod = isProd(config);
    this.functionName = resourceName(config, name);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${this.functionName}`,
      retention: prod ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // An own role instead of the default one, which carries the AWS managed
    // AWSLambdaBasicExecutionRole policy (logs on every log group of the account).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.functionName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      functionName: this.functionName,
      description: props.description,
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: MEMORY_MB,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: prod ? lambda.ApplicationLogLevel.INFO : lambda.ApplicationLogLevel.DEBUG,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        STAGE: config.stage,
        LOG_LEVEL: prod ? 'info' : 'debug',
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...code(this, config, name),
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active X-Ray tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be *).',
    });
  }

  /** Sets an environment variable; used by the bind helpers next to the grant they make. */
  setEnv(name: string, value: string): void {
    this.fn.addEnvironment(name, value);
  }

  /** Adds a statement to the function's own role; used by the bind helpers. */
  allow(statement: iam.PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }
}

/**
 * The bundled handler. When the stack is not being bundled (tests with
 * `aws:cdk:bundling-stacks: []`, `cdk destroy`, `cdk ls`) a missing entry gets a stub, so the
 * infrastructure can be checked without the handlers; a deploy always bundles and then requires it.
 */
function code(
  scope: Construct,
  config: OrdoConfig,
  name: FunctionName,
):
  | { entry: string; projectRoot: string; depsLockFilePath: string; bundling: BundlingOptions }
  | {
      code: lambda.Code;
      handler: string;
    } {
  const entry = path.join(config.projectRoot, FUNCTION_ENTRIES[name]);
  if (existsSync(entry) || Stack.of(scope).bundlingRequired) {
    return {
      entry,
      projectRoot: config.projectRoot,
      depsLockFilePath: path.join(config.projectRoot, 'package-lock.json'),
      bundling: BUNDLING,
    };
  }
  return {
    code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("not bundled"); };'),
    handler: 'index.handler',
  };
}
