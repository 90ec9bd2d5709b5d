/**
 * Which units of an order take a serial number (串号) at packing (issue 28 item 6): a phone does,
 * its case does not. An item says so itself (`serialized: true|false`, core/storefront/events.ts);
 * otherwise the policy's `serialNumbers.serializedSkus` decides by SKU pattern (`*` matches any
 * run of characters, upper/lower case alike). Pure: shared by the staff API's check and the
 * console's pack dialog, so both count the same units.
 */

/** An order item as the case stores it (the storefront's `items[]`). */
export interface OrderItemFacts {
  sku: string;
  name?: string;
  qty: number;
  serialized?: boolean;
}

/** One unit that needs its own serial: the item (index in `items`) and which of its `qty` units. */
export interface SerializedUnit {
  itemIndex: number;
  sku: string;
  name: string;
  /** 1-based: unit 2 of 3. */
  unit: number;
  of: number;
}

/** Whether an item's units take serial numbers: the item's own `serialized`, else a policy SKU pattern matches. */
export function isSerialized(item: { sku: string; serialized?: unknown }, serializedSkus: readonly string[]): boolean {
  if (typeof item.serialized === 'boolean') return item.serialized;
  return serializedSkus.some((pattern) => skuPattern(pattern).test(item.sku));
}

/**
 * The order's units that take a serial, in item order (the order `serialNumbers` lists them in);
 * undefined when the case lists no well-formed items (nothing to count against).
 */
export function serializedUnits(data: Record<string, unknown>, serializedSkus: readonly string[]): SerializedUnit[] | undefined {
  const items = orderItems(data);
  if (items === undefined) return undefined;
  return items.flatMap((item, itemIndex) =>
    isSerialized(item, serializedSkus) ? Array.from({ length: item.qty }, (_, i) => ({ itemIndex, sku: item.sku, name: item.name ?? item.sku, unit: i + 1, of: item.qty })) : [],
  );
}

/** The case's items when every one has a SKU and a whole quantity ≥ 1; undefined otherwise. */
export function orderItems(data: Record<string, unknown>): OrderItemFacts[] | undefined {
  if (!Array.isArray(data.items) || data.items.length === 0) return undefined;
  const items: OrderItemFacts[] = [];
  for (const raw of data.items as unknown[]) {
    if (raw === null || typeof raw !== 'object') return undefined;
    const item = raw as Record<string, unknown>;
    if (typeof item.qty !== 'number' || !Number.isInteger(item.qty) || item.qty < 1) return undefined;
    items.push({
      sku: typeof item.sku === 'string' ? item.sku : '',
      ...(typeof item.name === 'string' ? { name: item.name } : {}),
      qty: item.qty,
      ...(typeof item.serialized === 'boolean' ? { serialized: item.serialized } : {}),
    });
  }
  return items;
}

/**
 * The serials packed for each item, in item order: `serialNumbers[k]` belongs to the k-th
 * serialized unit. Items with no serial map to an empty list.
 */
export function serialsByItem(data: Record<string, unknown>, serialNumbers: readonly string[], serializedSkus: readonly string[]): string[][] | undefined {
  const units = serializedUnits(data, serializedSkus);
  const items = orderItems(data);
  if (units === undefined || items === undefined) return undefined;
  const byItem = items.map((): string[] => []);
  units.forEach((unit, k) => {
    const serial = serialNumbers[k];
    if (serial !== undefined) byItem[unit.itemIndex]?.push(serial);
  });
  return byItem;
}

const skuPattern = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
