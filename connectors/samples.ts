/** Each platform's signed sample push, for `npm run -s connector -- test <platform>`. */
import type { SamplePush } from './shared/sample-push.ts';
import type { ResolvedShop } from './shared/types.ts';
import { shopifySamplePush } from './shopify/push.ts';
import { youzanSamplePush } from './youzan/push.ts';
import { douyinSamplePush } from './douyin/push.ts';
import { wechatSamplePush } from './wechat-shop/push.ts';

export const SAMPLE_PUSHES: Readonly<Record<string, (shop: ResolvedShop, nowMs: number) => SamplePush>> = {
  shopify: shopifySamplePush,
  youzan: youzanSamplePush,
  douyin: (shop, nowMs) => douyinSamplePush(shop, nowMs),
  'wechat-shop': (shop, nowMs) => wechatSamplePush(shop, nowMs),
};
