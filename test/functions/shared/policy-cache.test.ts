import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPolicyStore } from '../../../adapters/policy-store/dynamodb-policy-store.ts';
import { casesTable } from '../../../adapters/case-repository/table.ts';
import type { PolicyVersion, PolicyVersionStore } from '../../../core/policy-versions/version.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { silentLogger } from '../../../functions/shared/logger.ts';
import { PolicyCache } from '../../../functions/shared/policy-cache.ts';
import { seedPolicyVersions } from '../../../functions/shared/policy-seed.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy } from '../../../policy/load.ts';
import { createTestTable, type TestTable } from '../../support/dynamodb.ts';

const shipped = (): Record<string, any> => JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Counts the store's reads, so a test can tell a cheap check from none. */
class CountingStore implements PolicyVersionStore {
  reads = 0;
  constructor(private readonly inner: PolicyVersionStore) {}
  currentVersion() {
    this.reads += 1;
    return this.inner.currentVersion();
  }
  get(version: number) {
    return this.inner.get(version);
  }
  list() {
    return this.inner.list();
  }
  append(expected: number | undefined, next: Omit<PolicyVersion, 'version'>) {
    return this.inner.append(expected, next);
  }
}

describe('the policy cache: each handler runs on the version in force, checked at most every 30 seconds', () => {
  let table: TestTable;
  let store: DynamoDbPolicyStore;
  beforeAll(async () => {
    table = await createTestTable(casesTable);
    store = new DynamoDbPolicyStore({ client: table.client, tableName: table.tableName });
  });
  afterAll(async () => table.drop());

  it('runs on the file before any version, then picks up a new version on its next check and not before', async () => {
    const clock = new VirtualClock('2026-12-07T10:00:00+08:00');
    const counting = new CountingStore(store);
    const cache = new PolicyCache(counting, clock, getDefaultPolicy(), silentLogger());
    await cache.refresh();
    expect([cache.version, cache.policy]).toEqual([undefined, getDefaultPolicy()]);

    await seedPolicyVersions(store, { document: shipped() }, clock);
    const edited = shipped();
    edited.warnAt = 0.5;
    await store.append(1, { document: edited, author: 'olga', createdAt: '2026-12-07T02:00:00.000Z', reason: 'earlier warnings', source: 'console', openSteps: 'keep', hash: 'h2' });

    await clock.advance(29_000);
    await cache.refresh();
    expect(counting.reads).toBe(1); // within 30 s: no read at all
    expect(cache.policy.warnFraction).toBe(0.8);

    await clock.advance(1_000);
    await cache.refresh();
    expect(counting.reads).toBe(2);
    expect([cache.version, cache.policy.warnFraction]).toEqual([2, 0.5]);
  });

  it('keeps the policy in hand when the store cannot be read', async () => {
    const clock = new VirtualClock('2026-12-07T10:00:00+08:00');
    const broken: PolicyVersionStore = { ...store, currentVersion: () => Promise.reject(new Error('throttled')), get: (v) => store.get(v), list: () => store.list(), append: (e, n) => store.append(e, n) };
    const cache = new PolicyCache(broken, clock, getDefaultPolicy(), silentLogger());
    await cache.refresh(true);
    expect(cache.policy).toBe(getDefaultPolicy());
  });
});

describe('seeding the stored policy from the file at start', () => {
  let table: TestTable;
  let store: DynamoDbPolicyStore;
  beforeAll(async () => {
    table = await createTestTable(casesTable);
    store = new DynamoDbPolicyStore({ client: table.client, tableName: table.tableName });
  });
  afterAll(async () => table.drop());

  it('stores the file as version 1, imports a changed file as a new version once, and never imports the same file twice', async () => {
    const clock = new VirtualClock('2026-12-07T10:00:00+08:00');
    expect((await seedPolicyVersions(store, { document: shipped(), path: '/etc/store.json' }, clock))?.version).toBe(1);
    expect(await seedPolicyVersions(store, { document: shipped(), path: '/etc/store.json' }, clock)).toBeUndefined();
    const changed = shipped();
    changed.warnAt = 0.7;
    const imported = await seedPolicyVersions(store, { document: changed, path: '/etc/store.json' }, clock);
    expect(imported).toMatchObject({ version: 2, source: 'file', reason: 'imported from --policy /etc/store.json at start', author: 'system' });
    expect(await seedPolicyVersions(store, { document: changed, path: '/etc/store.json' }, clock)).toBeUndefined();
    // Without a file, an operator's versions stand: nothing is imported over them.
    expect(await seedPolicyVersions(store, { document: shipped() }, clock)).toBeUndefined();
    expect((await store.list()).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses to store a second version under a number taken meanwhile', async () => {
    const next = { document: shipped(), author: 'a', createdAt: '2026-12-07T02:00:00.000Z', reason: 'r', source: 'console' as const, openSteps: 'keep' as const, hash: 'x' };
    await expect(store.append(1, next)).rejects.toMatchObject({ name: 'PolicyVersionConflict', status: 409 });
  });
});
