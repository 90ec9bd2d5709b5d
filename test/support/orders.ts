/** The data of an `order.placed` storefront event (api.md): one phone, paid by Alipay unless told otherwise. */
export function orderPlaced(orderId: string, placedAt: number, options: { paid?: boolean; paymentChannel?: 'alipay' | 'bank-card' | 'boc' } = {}): Record<string, unknown> {
  return {
    orderId,
    placedAt: new Date(placedAt).toISOString(),
    paid: options.paid ?? true,
    customer: { name: '王芳', phone: '13700000000' },
    address: '上海市浦东新区',
    items: [{ sku: 'PHONE-1', name: 'Phone', qty: 1, price: 3999 }],
    paymentChannel: options.paymentChannel ?? 'alipay',
  };
}
