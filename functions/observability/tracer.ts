/**
 * X-Ray traces of the AWS SDK clients (DynamoDB, SES, S3): each call a subsegment of the invocation's
 * trace, with its time, retries and errors. Powertools Tracer is on only inside Lambda
 * (`AWS_EXECUTION_ENV`); only the Lambda entries import this module, so the local stack never loads
 * the X-Ray SDK.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './logger.ts';

/** Wraps an AWS SDK v3 client for tracing and returns it. Modules that build clients import only this type. */
export type Instrument = <Client>(client: Client) => Client;

export function createTracer(): { tracer: Tracer; instrument: Instrument } {
  const tracer = new Tracer({ serviceName: SERVICE_NAME });
  return { tracer, instrument: (client) => tracer.captureAWSv3Client(client) };
}
