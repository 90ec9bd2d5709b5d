/**
 * Douyin Shop samples shaped as its documents describe them: an order as `order.orderDetail`
 * returns it (`shop_order_detail`), and push messages' `data` per tag. Invented values.
 */
export function douyinOrderDetail(o: { orderId: string; createdAt: number; paid?: boolean; status?: number }): Record<string, unknown> {
  const created = Math.floor(o.createdAt / 1000);
  return {
    order_id: o.orderId,
    order_status: o.status ?? (o.paid === false ? 1 : 2),
    create_time: created,
    pay_time: o.paid === false ? 0 : created,
    pay_type: 2,
    exp_ship_time: created + 48 * 3600,
    mask_post_receiver: '张*',
    mask_post_tel: '138****0000',
    post_addr: { province: { name: '浙江省' }, city: { name: '杭州市' }, town: { name: '西湖区' }, detail: '文三路***' },
    sku_order_list: [{ order_id: `${o.orderId}1`, product_name: 'Phone X1', item_num: 1, out_sku_id: 'PHONE-X1', origin_amount: 199900, sku_id: 1734 }],
  };
}

export const douyinData = {
  tradeCreate: (orderId: string, at: number) => ({ p_id: orderId, s_ids: [`${orderId}1`], shop_id: 4463798, create_time: Math.floor(at / 1000), order_status: 1, order_type: 0, biz: 2 }),
  tradePaid: (orderId: string, at: number) => ({ p_id: orderId, s_ids: [`${orderId}1`], shop_id: 4463798, order_status: 2, order_type: 0, pay_type: 2, pay_time: Math.floor(at / 1000), pay_amount: 199900 }),
  tradeSuccess: (orderId: string, at: number) => ({ p_id: orderId, s_ids: [`${orderId}1`], shop_id: 4463798, complete_time: Math.floor(at / 1000), order_status: 5 }),
  tradeCanceled: (orderId: string, at: number) => ({ p_id: orderId, shop_id: 4463798, cancel_time: Math.floor(at / 1000), cancel_reason: '买家取消', order_status: 4 }),
  refundCreated: (orderId: string, at: number, aftersaleType?: number) => ({ p_id: orderId, s_id: `${orderId}1`, shop_id: 4463798, aftersale_id: '7011', aftersale_status: 6, ...(aftersaleType !== undefined ? { aftersale_type: aftersaleType } : {}), refund_amount: 199900, reason_code: 1, apply_time: Math.floor(at / 1000) }),
  refundSuccess: (orderId: string, at: number) => ({ p_id: orderId, s_id: `${orderId}1`, shop_id: 4463798, aftersale_id: '7011', aftersale_type: 0, refund_amount: 199900, success_time: Math.floor(at / 1000) }),
  shipTimeChanged: (orderId: string, newShipBy: number) => ({ p_id: orderId, shop_id: 4463798, exp_ship_time: Math.floor(newShipBy / 1000) }),
  afterSaleTimeoutChanged: (orderId: string, expireAt: number) => ({ p_id: orderId, aftersale_id: '7011', shop_id: 4463798, expire_time: Math.floor(expireAt / 1000) }),
};
