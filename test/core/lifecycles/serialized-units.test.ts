import { describe, expect, it } from 'vitest';
import { isSerialized, serializedUnits, serialsByItem } from '../../../core/lifecycles/serialized-units.ts';

const SKUS = ['PHONE-*', 'PAD-*'];

describe('serialized units', () => {
  it('treats an item as serialized when it says so, else when a policy SKU pattern matches (upper and lower case alike)', () => {
    expect(isSerialized({ sku: 'PHONE-A-128' }, SKUS)).toBe(true);
    expect(isSerialized({ sku: 'phone-b' }, SKUS)).toBe(true);
    expect(isSerialized({ sku: 'CASE-A' }, SKUS)).toBe(false);
    expect(isSerialized({ sku: 'XPHONE-1' }, SKUS)).toBe(false);
    expect(isSerialized({ sku: 'CASE-A', serialized: true }, SKUS)).toBe(true);
    expect(isSerialized({ sku: 'PHONE-A-128', serialized: false }, SKUS)).toBe(false);
  });

  it('lists one unit per quantity of each serialized item, in item order, labelled by item', () => {
    const data = { items: [{ sku: 'CASE-A', name: '手机壳', qty: 2 }, { sku: 'PHONE-A', name: '手机 A', qty: 2 }, { sku: 'PAD-C', name: '平板 C', qty: 1 }] };
    expect(serializedUnits(data, SKUS)).toEqual([
      { itemIndex: 1, sku: 'PHONE-A', name: '手机 A', unit: 1, of: 2 },
      { itemIndex: 1, sku: 'PHONE-A', name: '手机 A', unit: 2, of: 2 },
      { itemIndex: 2, sku: 'PAD-C', name: '平板 C', unit: 1, of: 1 },
    ]);
    expect(serializedUnits({}, SKUS)).toBeUndefined();
    expect(serializedUnits({ items: [{ sku: 'PHONE-A', qty: 0 }] }, SKUS)).toBeUndefined();
  });

  it('puts packed serials back under their items, accessories with none', () => {
    const data = { items: [{ sku: 'PHONE-A', qty: 2 }, { sku: 'CASE-A', qty: 1 }, { sku: 'PAD-C', qty: 1 }] };
    expect(serialsByItem(data, ['SN-1', 'SN-2', 'SN-3'], SKUS)).toEqual([['SN-1', 'SN-2'], [], ['SN-3']]);
  });
});
