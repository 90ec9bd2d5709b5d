/**
 * Shopify webhook bodies shaped as Shopify's reference documents them for each topic (the fields
 * the mapping reads, plus a few around them), for the fake, the tests and `npm run connector -- test`.
 * Invented values: no store's data.
 */
export interface ShopifySampleOptions {
  orderId?: number;
  /** When the order was placed (ISO-8601 with offset). */
  at: string;
  paid?: boolean;
}

export function shopifyOrder(options: ShopifySampleOptions): Record<string, unknown> {
  const id = options.orderId ?? 450789469;
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${String(id).slice(-4)}`,
    email: 'buyer@example.com',
    phone: '+8613800000000',
    created_at: options.at,
    processed_at: options.at,
    updated_at: options.at,
    currency: 'CNY',
    financial_status: options.paid === false ? 'pending' : 'paid',
    fulfillment_status: null,
    payment_gateway_names: ['alipay'],
    customer: { id: 207119551, first_name: '三', last_name: '张', phone: '+8613800000000' },
    shipping_address: { name: '张三', address1: '文三路 100 号', city: '杭州', province: '浙江', zip: '310000', country: 'China', phone: '+8613800000000' },
    line_items: [{ id: 466157049, variant_id: 808950810, sku: 'PHONE-X1', name: 'Phone X1 - Black', title: 'Phone X1', quantity: 1, price: '1999.00' }],
  };
}

export function shopifyReturnRequest(orderId: number, at: string): Record<string, unknown> {
  return {
    id: 945000954,
    admin_graphql_api_id: 'gid://shopify/Return/945000954',
    status: 'requested',
    created_at: at,
    order: { id: orderId, admin_graphql_api_id: `gid://shopify/Order/${orderId}` },
    return_line_items: [{ id: 677614678, quantity: 1, return_reason: 'SIZE_TOO_SMALL', return_reason_note: '', customer_note: '不合适' }],
  };
}

export function shopifyRefund(orderId: number, at: string): Record<string, unknown> {
  return { id: 929361465, order_id: orderId, created_at: at, processed_at: at, note: 'refund', refund_line_items: [] };
}

export function shopifyFulfillment(orderId: number, at: string, shipmentStatus: string | null = 'delivered'): Record<string, unknown> {
  return { id: 1022782888, order_id: orderId, status: 'success', shipment_status: shipmentStatus, created_at: at, updated_at: at, tracking_company: 'SF Express', tracking_number: 'SF1234567890' };
}

export function shopifyCancelled(orderId: number, at: string): Record<string, unknown> {
  return { ...shopifyOrder({ orderId, at }), cancelled_at: at, cancel_reason: 'customer' };
}
