/** TMC samples shaped as the TOP documents describe them (a trade as taobao.trade.fullinfo.get returns it; message contents). Invented values. */
export function topTrade(o: { tid: string; created: string; paid?: boolean }): Record<string, unknown> {
  return {
    tid: o.tid,
    created: o.created,
    ...(o.paid === false ? {} : { pay_time: o.created }),
    status: o.paid === false ? 'WAIT_BUYER_PAY' : 'WAIT_SELLER_SEND_GOODS',
    receiver_name: '张三',
    receiver_mobile: '13800000000',
    receiver_state: '浙江省',
    receiver_city: '杭州市',
    receiver_district: '西湖区',
    receiver_address: '文三路 100 号',
    orders: { order: [{ oid: `${o.tid}1`, title: 'Phone X1', num: 1, price: '1999.00', outer_sku_id: 'PHONE-X1' }] },
  };
}

export const tmcContent = {
  trade: (tid: string, status: string) => ({ buyer_nick: 'tb_buyer', payment: '1999.00', oid: Number(`${tid}1`), tid: Number(tid), type: 'guarantee_trade', seller_nick: 'demo_shop', status }),
  refund: (tid: string, hasGoodReturn: boolean, modified: string) => ({ buyer_nick: 'tb_buyer', refund_fee: '1999.00', oid: Number(`${tid}1`), tid: Number(tid), refund_id: 70000001, seller_nick: 'demo_shop', has_good_return: hasGoodReturn, modified }),
};
