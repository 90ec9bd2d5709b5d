/** Words of the platform connectors (docs/connectors.md) on the case page, in both languages. */
export const CONNECTOR_MESSAGES = {
  'connector.platform.douyin': { zh: '抖店', en: 'Douyin Shop' },
  'connector.platform.youzan': { zh: '有赞', en: 'Youzan' },
  'connector.platform.wechat-shop': { zh: '微信小店', en: 'WeChat Shop' },
  'connector.platform.shopify': { zh: 'Shopify', en: 'Shopify' },
  'connector.platform.tmc': { zh: '淘宝/天猫', en: 'Taobao/Tmall' },
  'connector.deadline.ship-by': { zh: '平台发货截止', en: 'platform ship-by' },
  'connector.deadline.after-sale-by': { zh: '平台售后处理截止', en: 'platform after-sale deadline' },
  'connector.deadline.ours': { zh: '我们的揽收计划 {time}', en: 'our pickup {time}' },
} as const;
