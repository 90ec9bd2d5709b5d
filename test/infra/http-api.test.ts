import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ApiThrottle } from '../../infra/constructs/http-api.ts';
import { staffRoles } from '../../infra/constructs/auth.ts';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { logicalIdWhere, resourcesOfType, synthesize } from './support/synth.ts';

const { template } = synthesize(fixtureManifest);
const app = fixtureManifest.app;
const userPool = () => Object.keys(resourcesOfType(template, 'AWS::Cognito::UserPool'))[0]!;
const client = () => Object.keys(resourcesOfType(template, 'AWS::Cognito::UserPoolClient'))[0]!;

describe('HTTP API', () => {
  it("creates one route per manifest route, integrated with its function", () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', fixtureManifest.routes.length);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', new Set(fixtureManifest.routes.map((r) => r.function)).size);
    for (const route of fixtureManifest.routes) {
      const fn = logicalIdWhere(template, 'AWS::Lambda::Function', 'FunctionName', `${app}-${route.function}`);
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
        SourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([`/*/*${route.path}`])] }),
      });
    }
  });

  it('protects jwt routes with the Cognito JWT authorizer and leaves public routes (the storefront webhook) without one', () => {
    const authorizer = Object.keys(resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer'))[0]!;
    for (const route of fixtureManifest.routes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.auth === 'jwt' ? 'JWT' : 'NONE',
        AuthorizerId: route.auth === 'jwt' ? { Ref: authorizer } : Match.absent(),
      });
    }
    expect(fixtureManifest.routes.some((r) => r.path === '/webhooks/storefront' && r.auth === 'public')).toBe(true);
  });

  it('trusts ID tokens of the staff user pool issued to the staff client and the console client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client() }, { Ref: logicalIdWhere(template, 'AWS::Cognito::UserPoolClient', 'ClientName', `${app}-console-client`) }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPool() }]] },
      },
    });
  });

  it('serves a $default stage with access logs and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: ApiThrottle.rateLimit, ThrottlingBurstLimit: ApiThrottle.burstLimit },
    });
  });

  it('refuses a route declared twice and a route to an undeclared function', () => {
    const route = fixtureManifest.routes[0]!;
    expect(() => synthesize({ ...fixtureManifest, routes: [route, route] })).toThrow(/route POST \/webhooks\/storefront: is declared twice/);
    expect(() => synthesize({ ...fixtureManifest, routes: [{ ...route, function: 'ghost' }] })).toThrow(/refers to function "ghost"/);
  });
});

describe('staff user pool', () => {
  it('creates one group per role of the policy file — the nine staffed roles of the spec — and the operator who edits the policy (no queue)', () => {
    const roles = staffRoles(DEFAULT_POLICY_PATH).map(([role]) => role);
    expect(roles).toHaveLength(10);
    expect(roles).toEqual(expect.arrayContaining(['ops-cs', 'presales-cs', 'terminal-admin', 'crm-admin', 'picker', 'inventory-admin', 'complaint-handler', 'supervisor', 'manager', 'operator']));
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', roles.length);
    for (const role of roles) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role, UserPoolId: { Ref: userPool() } });
  });

  it('lets only administrators create users, requires TOTP MFA and a strong password, and is protected from deletion', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
      }),
    });
  });

  it('gives the staff client SRP sign-in and no secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('outputs', () => {
  it('outputs the API URL, each bus and table name, the user pool and its client', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'EventsBusName', 'CasesTableName', 'CountersTableName', 'UserPoolId', 'UserPoolClientId', 'WebhookSecretArn', 'SlaAlarmTopicArn']));
    expect(outputs['UserPoolClientId']?.['Value']).toEqual({ Ref: client() });
    expect(outputs['CasesTableName']?.['Value']).toEqual({ Ref: logicalIdWhere(template, 'AWS::DynamoDB::GlobalTable', 'TableName', `${app}-cases`) });
  });
});

describe('webhook secret', () => {
  it('keeps the storefront webhook secret in Secrets Manager and hands every manifest function its ARN', () => {
    const secret = logicalIdWhere(template, 'AWS::SecretsManager::Secret', 'Name', `${app}-storefront-webhook`);
    for (const fn of fixtureManifest.functions) {
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: `${app}-${fn.id}`, Environment: { Variables: Match.objectLike({ STOREFRONT_WEBHOOK_SECRET_ARN: { Ref: secret } }) } });
    }
  });
});
