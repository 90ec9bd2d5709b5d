/** An order's items with their quantities: what packing picks and a return or exchange is about. */
import { Table } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export interface OrderItem {
  sku: string;
  name: string;
  qty: number;
  price?: number;
  serialized?: boolean;
}

export function itemsOf(data: Record<string, unknown> | undefined): OrderItem[] {
  const items = data?.items;
  return Array.isArray(items) ? items.filter((i): i is OrderItem => i !== null && typeof i === 'object' && typeof (i as OrderItem).sku === 'string') : [];
}

export function OrderItems({ items }: { items: OrderItem[] }) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  return (
    <Table<OrderItem>
      size="small"
      rowKey={(i, n) => `${i.sku}#${n ?? 0}`}
      pagination={false}
      dataSource={items}
      aria-label={zh ? '商品' : 'Items'}
      columns={[
        { title: zh ? '商品' : 'Item', key: 'name', render: (_, i) => `${i.name} (${i.sku})` },
        { title: zh ? '数量' : 'Qty', key: 'qty', render: (_, i) => <strong data-qty>{`× ${i.qty}`}</strong> },
        ...(items.some((i) => i.price !== undefined) ? [{ title: zh ? '单价' : 'Price', key: 'price', render: (_: unknown, i: OrderItem) => (i.price === undefined ? '—' : `¥${i.price}`) }] : []),
      ]}
    />
  );
}
