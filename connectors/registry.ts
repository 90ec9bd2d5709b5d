/** The connectors by platform (the route's `{platform}` segment). */
import type { Connector } from './shared/types.ts';
import { shopifyConnector } from './shopify/connector.ts';
import { youzanConnector } from './youzan/connector.ts';
import { douyinConnector } from './douyin/connector.ts';
import { wechatShopConnector } from './wechat-shop/connector.ts';

export const CONNECTORS: Readonly<Record<string, Connector>> = {
  shopify: shopifyConnector,
  youzan: youzanConnector,
  douyin: douyinConnector,
  'wechat-shop': wechatShopConnector,
};
