/** The connectors by platform (the route's `{platform}` segment). */
import type { Connector } from './shared/types.ts';
import { shopifyConnector } from './shopify/connector.ts';
import { youzanConnector } from './youzan/connector.ts';

export const CONNECTORS: Readonly<Record<string, Connector>> = {
  shopify: shopifyConnector,
  youzan: youzanConnector,
};
