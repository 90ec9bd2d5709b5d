import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { RouteDecl } from '../../platform/manifest-types.ts';
import { routeKey } from '../contract.ts';
import { ManifestInvalid } from '../errors.ts';
import { constructId, type StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface HttpEndpointsProps {
  routes: readonly RouteDecl[];
  names: StackNames;
  functions: ReadonlyMap<string, IFunction>;
  userPool: IUserPool;
  /** App clients whose ID tokens the staff routes accept (scripts' and the console's). */
  userPoolClients: readonly IUserPoolClient[];
  /** Browser origins allowed to call the API (the console's CloudFront origin). */
  corsOrigins: readonly string[];
  logRetention: RetentionDays;
}

/** Stage-wide throttling; a store's webhook and staff traffic stay far below it. */
export const ApiThrottle = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * The HTTP API: one route per manifest route, integrated with its function. `jwt` routes need a
 * Cognito ID token of the staff user pool (the JWT authorizer checks issuer and audience);
 * `public` routes (the storefront webhook, health) carry no authorizer and check their own
 * credentials in the handler.
 */
export class HttpEndpoints extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: HttpEndpointsProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.names.physical('api', 128),
      createDefaultStage: false,
      // API Gateway answers the preflight itself; only the console's origin may read answers in a browser.
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'if-none-match'],
        exposeHeaders: ['etag', 'retry-after', 'content-disposition'],
        maxAge: Duration.minutes(10),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: ApiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    const staff = new HttpUserPoolAuthorizer('StaffJwt', props.userPool, { userPoolClients: [...props.userPoolClients] });
    const none = new HttpNoneAuthorizer();
    const integrations = new Map<string, HttpLambdaIntegration>();
    const seen = new Set<string>();
    for (const route of props.routes) {
      const key = routeKey(route);
      if (seen.has(key)) throw new ManifestInvalid(`route ${key}`, 'is declared twice');
      seen.add(key);
      const integration =
        integrations.get(route.function) ??
        new HttpLambdaIntegration(`${constructId(route.function)}Integration`, lookup(props.functions, route.function, 'function', `route ${key}`));
      integrations.set(route.function, integration);
      const authorizer: IHttpRouteAuthorizer = route.auth === 'jwt' ? staff : none;
      const httpRoute = new HttpRoute(this, `${route.method}${constructId(route.path) || 'Root'}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer,
      });
      if (route.auth === 'public') {
        NagSuppressions.addResourceSuppressions(httpRoute, [
          {
            id: 'AwsSolutions-APIG4',
            reason: `${key} is declared auth: 'public' in the manifest: its handler checks the caller's own credentials (the storefront webhook's timestamped HMAC signature) or serves nothing protected (health, API description).`,
          },
        ]);
      }
    }
  }
}
