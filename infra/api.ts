/**
 * The HTTP API (API Gateway v2) in front of the Hono app. Every route under /api/v1 needs a
 * Cognito JWT, except the public catalog reads, the health check and the signed survey links.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { isProd, type OrdoConfig, resourceName } from './config.ts';
import { OrdoFunction } from './function.ts';

export const API_PREFIX = '/api/v1';

/** Routes anyone may call; everything else under /api/v1 goes through the JWT authorizer. */
export const PUBLIC_ROUTES: ReadonlyArray<{ method: apigwv2.HttpMethod; path: string; why: string }> = [
  { method: apigwv2.HttpMethod.GET, path: `${API_PREFIX}/health`, why: 'health check' },
  { method: apigwv2.HttpMethod.GET, path: `${API_PREFIX}/catalog`, why: 'published catalog' },
  { method: apigwv2.HttpMethod.GET, path: `${API_PREFIX}/departments`, why: 'department list' },
  { method: apigwv2.HttpMethod.GET, path: `${API_PREFIX}/departments/{code}`, why: 'department page and canvas' },
  { method: apigwv2.HttpMethod.GET, path: `${API_PREFIX}/services/{id}`, why: 'published service page' },
  {
    method: apigwv2.HttpMethod.ANY,
    path: `${API_PREFIX}/surveys/{proxy+}`,
    why: 'survey answers through signed, expiring links from e-mail (the signature is checked by the app)',
  },
];

/** Stage-wide throttling (requests per second, burst). */
export const THROTTLE = {
  dev: { rateLimit: 20, burstLimit: 40 },
  prod: { rateLimit: 200, burstLimit: 400 },
} as const;

export interface OrdoApiProps {
  config: OrdoConfig;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /** The portal origin, the only origin CORS allows. */
  allowedOrigin: string;
}

export class OrdoApi extends Construct {
  readonly handler: OrdoFunction;
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** Base URL of the API, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/ */
  readonly url: string;

  constructor(scope: Construct, id: string, props: OrdoApiProps) {
    super(scope, id);
    const { config } = props;
    const prod = isProd(config);

    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name: 'api',
      description: 'Ordo HTTP API (Hono)',
      timeout: Duration.seconds(10),
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      authorizerName: 'cognito-jwt',
      userPoolClients: [props.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: resourceName(config, 'api'),
      description: `Ordo API (${config.stage})`,
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.PATCH,
          apigwv2.CorsHttpMethod.DELETE,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'x-request-id'],
        exposeHeaders: ['etag', 'location', 'x-request-id', 'content-disposition', 'retry-after'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${resourceName(config, 'api')}`,
      retention: prod ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE[config.stage],
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userSub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
    this.url = this.stage.url;

    const integration = new HttpLambdaIntegration('Hono', this.handler.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    this.httpApi.addRoutes({ path: `${API_PREFIX}/{proxy+}`, methods: [apigwv2.HttpMethod.ANY], integration });
    const none = new apigwv2.HttpNoneAuthorizer();
    for (const route of PUBLIC_ROUTES) {
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer: none,
      });
      if (created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design: ${route.why}. Everything else under ${API_PREFIX} requires a Cognito JWT.`,
        });
      }
    }
  }
}
