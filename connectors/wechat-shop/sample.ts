/** WeChat Shop samples shaped as its documents describe them: an order (`order/get`), an after-sale order, and decrypted push events. Invented values. */
export function wechatOrder(o: { orderId: string; createdAt: number; paid?: boolean }): Record<string, unknown> {
  const created = Math.floor(o.createdAt / 1000);
  return {
    order_id: o.orderId,
    status: o.paid === false ? 10 : 20,
    create_time: created,
    update_time: created,
    order_detail: {
      product_infos: [{ product_id: '10000029995861', sku_id: '1838', title: 'Phone X1', sku_cnt: 1, sale_price: 199900, sku_code: 'PHONE-X1' }],
      pay_info: o.paid === false ? {} : { pay_time: created, payment_method: 1 },
      delivery_info: { address_info: { user_name: '张三', tel_number: '13800000000', province_name: '浙江省', city_name: '杭州市', county_name: '西湖区', detail_info: '文三路 100 号' } },
    },
  };
}

export function wechatAfterSale(o: { id: string; orderId: string; at: number; type: 'REFUND' | 'RETURN'; status: string }): Record<string, unknown> {
  const t = Math.floor(o.at / 1000);
  return { after_sale_order_id: o.id, order_id: o.orderId, type: o.type, status: o.status, create_time: t, update_time: t, refund_reason: '不想要了' };
}

export function wechatEvent(event: string, at: number, info: Record<string, unknown>): Record<string, unknown> {
  const base = { ToUserName: 'gh_97417a04a28d', FromUserName: 'o7esq5OI1DaKWfQ6qD7Ur5JvZj7c', CreateTime: Math.floor(at / 1000), MsgType: 'event', Event: event };
  return event === 'channels_ec_aftersale_update' ? { ...base, finder_shop_aftersale_status_update: info } : { ...base, order_info: info };
}
