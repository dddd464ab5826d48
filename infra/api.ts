/**
 * The HTTP API (API Gateway v2) in front of the Hono app. Every route under /api/v1 needs a
 * Cognito JWT, except the routes whose audience is `anyone` in shared/access.ts (health check and
 * the signed links from e-mails, whose token the app checks).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type RouteAccess } from '../shared/access.ts';
import { isProd, logRetentionOf, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';
import { OrdoFunction } from './function.ts';

export const API_PREFIX = '/api/v1';

export interface PublicRoute {
  method: apigwv2.HttpMethod;
  /** API Gateway path, e.g. `/api/v1/clarifications/{token}`. */
  path: string;
}

/** A Hono path (`/surveys/:token`) as an API Gateway path (`/surveys/{token}`). */
export function gatewayPath(honoPath: string): string {
  return honoPath
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) {
        if (/[*{}?]/.test(segment))
          throw new Error(`Route segment "${segment}" of ${honoPath} has no API Gateway form.`);
        return segment;
      }
      const name = segment.slice(1);
      // Hono's optional (`:id?`) and pattern (`:id{[0-9]+}`) parameters have no API Gateway equivalent.
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new Error(`Route parameter "${segment}" of ${honoPath} has no API Gateway form.`);
      return `{${name}}`;
    })
    .join('/');
}

/**
 * The routes API Gateway lets through without a token: those the app serves to `anyone`. Generated
 * from the one access table, so the app and the gateway cannot disagree.
 */
export function publicRoutes(routes: readonly RouteAccess[] = ROUTES): PublicRoute[] {
  return routes
    .filter((route) => route.audience === 'anyone')
    .map((route) => ({ method: apigwv2.HttpMethod[route.method], path: `${API_PREFIX}${gatewayPath(route.path)}` }));
}

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
    const _prod = isProd(config);

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
      retention: logRetentionOf(config),
      removalPolicy: removalPolicyOf(config),
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
            // The route, not the path: signed email links carry their token in the path.
            routeKey: '$context.routeKey',
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
    for (const route of publicRoutes()) {
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer: none,
      });
      if (created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design: audience "anyone" in shared/access.ts (the health check, or a signed, expiring link from an e-mail whose token the app verifies). Everything else under ${API_PREFIX} requires a Cognito JWT.`,
        });
      }
    }
  }
}
