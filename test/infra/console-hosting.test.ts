/** The staff console on AWS: S3 + CloudFront (OAC, HTTPS), Cognito managed login with a code + PKCE client, config.json at deploy time, CORS. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { fixtureManifest } from './fixtures/manifest.ts';
import { resourcesOfType, synthesize } from './support/synth.ts';

const { template, stack } = synthesize(fixtureManifest);
const distribution = () => Object.keys(resourcesOfType(template, 'AWS::CloudFront::Distribution'))[0]!;
const consoleClient = () => Object.entries(resourcesOfType(template, 'AWS::Cognito::UserPoolClient')).find(([, r]) => r.Properties['ClientName'] === `${fixtureManifest.app}-console-client`)!;

describe('console hosting', () => {
  it('serves a private bucket through CloudFront with origin access control, redirecting to HTTPS, under /console/', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'console/index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } })],
        CustomErrorResponses: Match.arrayWith([Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/console/index.html' })]),
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('signs staff in with Cognito managed login: a user-pool domain and a public client using the code grant, called back on the CloudFront URL', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    const [, client] = consoleClient();
    expect(client.Properties).toMatchObject({ AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: false, SupportedIdentityProviders: ['COGNITO'] });
    expect(JSON.stringify(client.Properties['CallbackURLs'])).toContain(distribution());
    expect(JSON.stringify(client.Properties['CallbackURLs'])).toContain('/console/');
  });

  it('writes config.json at deploy time with the API URL, the login domain and the client id, and invalidates the console path', () => {
    const deployments = resourcesOfType(template, 'Custom::CDKBucketDeployment');
    expect(Object.keys(deployments)).toHaveLength(1);
    const deployment = Object.values(deployments)[0]!.Properties;
    expect(deployment).toMatchObject({ DestinationBucketKeyPrefix: 'console/', DistributionPaths: ['/console/*'] });
    // Source.jsonData resolves tokens at deploy time through SourceMarkers.
    const markers = JSON.stringify(deployment['SourceMarkers']);
    const [clientId] = consoleClient();
    for (const needle of [clientId, 'amazoncognito.com', distribution()]) expect(markers).toContain(needle);
    const api = Object.keys(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect(markers).toContain(`{"Ref":"${api}"}`);
  });

  it('lets only the console\'s origin call the HTTP API from a browser, and accepts the console client\'s tokens', () => {
    const api = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Api'))[0]!.Properties;
    expect(JSON.stringify(api['CorsConfiguration'])).toContain(distribution());
    expect(api['CorsConfiguration']).toMatchObject({ AllowMethods: ['GET', 'POST', 'OPTIONS'], AllowHeaders: ['authorization', 'content-type', 'if-none-match'] });
    const authorizer = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer'))[0]!.Properties;
    expect(JSON.stringify(authorizer['JwtConfiguration'])).toContain(consoleClient()[0]);
    expect(stack.console.url).toContain('/console/');
  });
});
