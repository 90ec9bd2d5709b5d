import { existsSync } from 'node:fs';
import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Distribution, HttpVersion, PriceClass, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnManagedLoginBranding, ManagedLoginVersion, OAuthScope, UserPoolClientIdentityProvider, type UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { CONSOLE_DEPLOYER_ID } from '../contract.ts';
import type { StackNames } from '../naming.ts';

/** The console is served under this path, as locally (`npm start` serves it at /console/). */
export const CONSOLE_PATH = '/console/';

export interface ConsoleHostingProps {
  names: StackNames;
  userPool: UserPool;
  /** The console's build (console/dist); when it is not built, only config.json is deployed. */
  siteDirectory: string;
  logRetention: RetentionDays;
  /** The managed-login domain prefix (`<prefix>.auth.<region>.amazoncognito.com`); default: `<stack>-console-<account>`. */
  domainPrefix?: string;
}

/**
 * The staff console on AWS: a private S3 bucket behind CloudFront (origin access control, HTTPS
 * only), Cognito managed login on a user-pool domain, and an app client for the browser — a public
 * client (no secret) using the authorization code grant, which Cognito requires PKCE for
 * (RFC 7636; the console sends an S256 challenge) — whose callback is the console's CloudFront URL.
 * `publishConfig` writes the runtime settings as `console/config.json` at deploy time.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  /** `https://<distribution domain>`: the origin the HTTP API allows (CORS). */
  readonly origin: string;
  /** `https://<distribution domain>/console/`. */
  readonly url: string;
  /** The managed-login host, `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly loginDomain: string;

  constructor(scope: Construct, id: string, private readonly props: ConsoleHostingProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(logs, [{ id: 'AwsSolutions-S1', reason: 'This bucket receives the console bucket\'s and CloudFront\'s access logs; logging it into itself would loop.' }]);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const index = `${CONSOLE_PATH}index.html`;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: props.names.physical('console', 128),
      defaultBehavior: { origin: S3BucketOrigin.withOriginAccessControl(this.bucket), viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
      defaultRootObject: index.slice(1),
      // The console routes in the browser: unknown paths get the page, which shows its own "not found".
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: index, ttl: Duration.seconds(0) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    NagSuppressions.addResourceSuppressions(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Staff sign in from wherever they work; access is controlled by Cognito sign-in, not by country.' },
      { id: 'AwsSolutions-CFR2', reason: 'The distribution serves only the console\'s static files; every request that reads or changes data goes to the HTTP API, which is throttled and authorised by Cognito JWTs.' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, which cannot pin a minimum TLS version; viewers are still redirected to HTTPS.',
      },
    ]);
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}${CONSOLE_PATH}`;

    const domain = props.userPool.addDomain('ConsoleLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', [props.names.physical('console', 40).toLowerCase(), Aws.ACCOUNT_ID]) },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.loginDomain = Fn.join('', [domain.domainName, '.auth.', Stack.of(this).region, '.amazoncognito.com']);
    this.client = props.userPool.addClient('ConsoleClient', {
      userPoolClientName: props.names.physical('console-client', 128),
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [this.url],
        logoutUrls: [this.url],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // Managed login pages need a style for the client; Cognito's own look is used.
    new CfnManagedLoginBranding(this, 'LoginBranding', { userPoolId: props.userPool.userPoolId, clientId: this.client.userPoolClientId, useCognitoProvidedValues: true }).node.addDependency(domain);
  }

  /**
   * Deploys the console's files and its runtime settings, `console/config.json` — the API URL,
   * the managed-login domain and the client id — resolved at deploy time, never baked into the build.
   */
  publishConfig(apiUrl: string): BucketDeployment {
    const stack = Stack.of(this);
    const deployerName = this.props.names.physical(CONSOLE_DEPLOYER_ID);
    const logGroup = new LogGroup(this, 'DeployLogs', { retention: this.props.logRetention });
    // Its own role with inline log rights: no AWS managed policy, as for every function of the stack.
    const role = new Role(this, 'DeployRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const settings = { apiUrl, auth: { kind: 'cognito', domain: this.loginDomain, clientId: this.client.userPoolClientId, redirectUri: this.url } };
    const sources: ISource[] = [Source.jsonData('config.json', settings)];
    if (existsSync(this.props.siteDirectory)) sources.unshift(Source.asset(this.props.siteDirectory, { exclude: ['config.json'] }));
    const deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: CONSOLE_PATH.slice(1),
      sources,
      // Revalidated on each load (ETags keep it cheap): config.json and index.html change with every deploy.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: [`${CONSOLE_PATH}*`],
      memoryLimit: 256,
      role,
      logGroup,
    });
    // The provider is a stack-level singleton the CDK creates beside the deployment: named, so the manifest contract knows it.
    for (const provider of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      const fn = provider.node.defaultChild;
      if (fn instanceof CfnFunction) fn.functionName = deployerName;
      NagSuppressions.addResourceSuppressions(
        provider,
        [{ id: 'AwsSolutions-L1', reason: 'The CDK pins the BucketDeployment provider\'s runtime; it moves with aws-cdk-lib upgrades.' }],
        true,
      );
    }
    NagSuppressions.addResourceSuppressions(
      role,
      [{ id: 'AwsSolutions-IAM5', reason: 'The BucketDeployment copies every object of its asset into the console prefix: object wildcards on the asset and console buckets.' }],
      true,
    );
    return deployment;
  }
}
