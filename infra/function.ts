/**
 * The Lambda defaults, fixed in one place: Node.js 24 on arm64, ESM bundle built by the local
 * esbuild (never Docker) with the AWS SDK inside and lazily loaded code in chunks of
 * its own (infra/bundling.ts), JSON logs into a log group owned by
 * the stack, X-Ray tracing, its own role that can write only to its own log group. Access to anything
 * else is added by the bind helpers of the resource (`bindTable`, `bindAttachments`, `bindMail`,
 * `bindAuth`, `bindPortal`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AssetHashType, DockerImage, type Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { buildOptions, FUNCTION_ENTRIES, type FunctionName, trimSourceMaps } from './bundling.ts';
import { isProd, logRetentionOf, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';

/** The newest Node.js runtime aws-cdk-lib 2.276 offers (also what cdk-nag AwsSolutions-L1 asks for). */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

export const MEMORY_MB = 256;

export interface OrdoFunctionProps {
  config: OrdoConfig;
  name: FunctionName;
  description: string;
  timeout: Duration;
}

export class OrdoFunction extends Construct {
  readonly fn: lambda.Function;
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
      retention: logRetentionOf(config),
      removalPolicy: removalPolicyOf(config),
    });

    // An own role instead of the default one, which carries the AWS managed
    // AWSLambdaBasicExecutionRole policy (logs on every log group of the account).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.functionName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new lambda.Function(this, 'Function', {
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
 * The bundled handler: `index.mjs` and its chunks (infra/bundling.ts), built by the local esbuild with
 * the options `npm run build:functions` and the benchmark use. NodejsFunction is not used because it
 * writes one file (`--outfile`), which rules out code splitting. When the stack is not being bundled
 * (tests with `aws:cdk:bundling-stacks: []`, `cdk destroy`, `cdk ls`) a missing entry gets a stub, so
 * the infrastructure can be checked without the handlers; a deploy always bundles and then requires it.
 */
function code(scope: Construct, config: OrdoConfig, name: FunctionName): { code: lambda.Code; handler: string } {
  const handler = 'index.handler';
  const entry = path.join(config.projectRoot, FUNCTION_ENTRIES[name]);
  if (existsSync(entry) || Stack.of(scope).bundlingRequired) {
    return {
      handler,
      code: lambda.Code.fromAsset(config.projectRoot, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // CDK stages an asset once per configuration (the source path and these options; the local
          // bundling function does not count): the function's name here keeps each function's code its
          // own, where otherwise every function would get the first one's.
          environment: { ORDO_FUNCTION: name },
          // Never used: the local esbuild always bundles (tryBundle returns true or throws).
          image: DockerImage.fromRegistry('dummy'),
          local: {
            tryBundle(outputDir: string): boolean {
              const built = buildSync({ ...buildOptions(config.projectRoot, name, outputDir), logLevel: 'warning' });
              if (built.errors.length > 0) throw new Error(`bundling ${name} failed`);
              trimSourceMaps(outputDir);
              return true;
            },
          },
        },
      }),
    };
  }
  return {
    code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("not bundled"); };'),
    handler,
  };
}
