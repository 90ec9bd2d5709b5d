import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { douyinApi, sortedJson } from '../../../connectors/douyin/api.ts';
import { douyinOrderDetail } from '../../../connectors/douyin/sample.ts';
import { FakeDouyinApi } from '../../support/connectors/douyin.ts';

// The connector's order.orderDetail call against a fake that checks Douyin's documented signature.
const CREDS = { appKey: '7089', appSecret: 'dy-secret', accessToken: 'dy-token' };
let fake: FakeDouyinApi;
beforeAll(async () => {
  fake = await FakeDouyinApi.start(CREDS);
  fake.addOrder(douyinOrderDetail({ orderId: '4984023467827309610', createdAt: Date.parse('2026-11-30T01:05:00Z') }));
});
afterAll(() => fake.close());

describe('douyinApi', () => {
  it('fetches an order with a signature the fake accepts', async () => {
    const detail = await douyinApi({ apiBase: fake.url, ...CREDS, nowMs: () => Date.now() }).orderDetail('4984023467827309610');
    expect(detail).toMatchObject({ order_id: '4984023467827309610', order_status: 2 });
    expect(fake.calls.at(-1)).toEqual({ method: 'order.orderDetail', signed: true, shopOrderId: '4984023467827309610' });
  });

  it('is refused (502 PlatformApiFailed) when signed with another secret: the fake enforces the signature', async () => {
    await expect(douyinApi({ apiBase: fake.url, ...CREDS, appSecret: 'wrong', nowMs: () => Date.now() }).orderDetail('4984023467827309610')).rejects.toMatchObject({ name: 'PlatformApiFailed', status: 502 });
    expect(fake.calls.at(-1)?.signed).toBe(false);
  });

  it('signs param_json with its keys sorted, as the signature requires', () => {
    expect(sortedJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
