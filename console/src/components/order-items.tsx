/**
 * An order's items with their quantities: what packing picks and a return or exchange is about;
 * once packed, each item's serial numbers (串号) beside it.
 */
import { Table } from 'antd';
import { serialsByItem } from '../../../core/lifecycles/serialized-units.ts';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSerializedSkus } from './serial-inputs.tsx';

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

/** The serials of the case's latest completed packing, per item (in item order); undefined before packing. */
export function usePackedSerials(c: CaseView | undefined): string[][] | undefined {
  const skus = useSerializedSkus(c !== undefined);
  const packed = c && [...c.steps].reverse().find((s) => s.step === 'order.pack' && s.status === 'completed');
  const serials = packed?.fields?.serialNumbers;
  if (!c || !skus || !Array.isArray(serials)) return undefined;
  return serialsByItem(c.data, serials.filter((s): s is string => typeof s === 'string'), skus);
}

export function OrderItems({ items, serials }: { items: OrderItem[]; serials?: string[][] | undefined }) {
  const { lang, t } = useI18n();
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
        ...(serials
          ? [{ title: t('facts.serials'), key: 'serials', render: (_: unknown, __: OrderItem, n: number) => <span data-serials>{serials[n]?.length ? serials[n].join(', ') : t('serials.notPacked')}</span> }]
          : []),
      ]}
    />
  );
}
