import { describe, expect, it } from 'vitest';
import { connectorsSchema } from '../../policy/connectors.ts';

const issues = (input: unknown) => {
  const result = connectorsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the policy’s connectors section', () => {
  it('accepts a shop per platform with its secrets by reference, defaulting the payment channel to Alipay', () => {
    const parsed = connectorsSchema.parse([{ platform: 'youzan', shopId: 'wsc-1', appId: 'cid', secrets: { clientSecret: { env: 'YOUZAN_SECRET' } } }]);
    expect(parsed[0]?.paymentChannel).toBe('alipay');
  });

  it('names the secret a platform needs, the missing app id, and a shop configured twice', () => {
    expect(issues([{ platform: 'wechat-shop', shopId: 's', appId: 'wx1', secrets: { token: { env: 'T' } } }])).toEqual(['0.secrets.encodingAesKey: wechat-shop needs the secret "encodingAesKey"', '0.secrets.accessToken: wechat-shop needs the secret "accessToken"']);
    expect(issues([{ platform: 'douyin', shopId: 's', secrets: { appSecret: { env: 'A' }, accessToken: { env: 'B' } } }])).toEqual(['0.appId: douyin needs its app id (the public half of the signing pair)']);
    const shop = { platform: 'shopify', shopId: 's', secrets: { clientSecret: { env: 'S' } } };
    expect(issues([shop, shop])).toEqual(['1.shopId: shopify/s is configured twice']);
  });

  it('refuses a secret given by value and a shop id that is not a path segment', () => {
    expect(issues([{ platform: 'shopify', shopId: 's', secrets: { clientSecret: 'shpss_plain' } }])[0]).toMatch(/a secret by reference, never its value/);
    expect(issues([{ platform: 'shopify', shopId: 'a/b', secrets: { clientSecret: { env: 'S' } } }])[0]).toMatch(/URL path segment/);
  });
});
