import { describe, expect, it } from 'vitest';
import { caseLookupKeys, LookupKind, MAX_LOOKUP_CHARS, searchKeys, stepLookupKeys } from '../../../core/cases/search.ts';

describe('What a case can be found by (issue 28 item 2)', () => {
  it('stores a customer’s phone by its last 4 digits and the name spaces dropped, case folded', () => {
    expect(caseLookupKeys({ data: { customer: { name: 'Li Lei', phone: '138-0000-1234' } } })).toEqual([
      { kind: LookupKind.phone4, value: '1234' },
      { kind: LookupKind.name, value: 'lilei' },
    ]);
  });

  it('finds a tracking number typed with spaces and in lower case as the one entered at dispatch', () => {
    const [stored] = stepLookupKeys({ carrier: 'SF', trackingNo: 'SF 1234 5678' });
    expect(searchKeys('sf12345678')).toContainEqual(stored);
  });

  it('keeps a key of a 1,000-character name under DynamoDB’s 1,024-byte sort-key limit, and the same name still finds it', () => {
    const name = '长'.repeat(1_000);
    const [key] = caseLookupKeys({ data: { customer: { name } } });
    expect([...key!.value]).toHaveLength(MAX_LOOKUP_CHARS);
    expect(Buffer.byteLength(key!.value)).toBeLessThan(1_024 - 64);
    expect(searchKeys(name)).toContainEqual(key);
  });
});
