/**
 * Tables, items and index entries in SQLite. Keys are stored as BLOBs that sort as DynamoDB
 * sorts them (see `keyBytes`), so a Query is one range scan of a clustered primary key:
 * `items (table_id, pk, sk)` and `index_entries (table_id, index_name, ipk, isk, pk, sk)`, both
 * WITHOUT ROWID. An item is kept as its canonical DynamoDB JSON.
 */
import type { Database, Statement } from '../../sqlite/database.ts';
import { itemSize, type AttributeMap } from './attribute-value.ts';
import { indexKey, storedKey, type TableDefinition, type StoredKey } from './table-schema.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tables (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
  table_id INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, item TEXT NOT NULL, size INTEGER NOT NULL, expires_at REAL,
  PRIMARY KEY (table_id, pk, sk)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_expiry ON items (table_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS index_entries (
  table_id INTEGER NOT NULL, index_name TEXT NOT NULL, ipk BLOB NOT NULL, isk BLOB NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL,
  PRIMARY KEY (table_id, index_name, ipk, isk, pk, sk)) WITHOUT ROWID;
`;

export interface StoredTable {
  id: number;
  definition: TableDefinition;
}

export interface Row {
  pk: Buffer;
  sk: Buffer;
  item: string;
  size: number;
}

export interface IndexRow extends Row {
  ipk: Buffer;
  isk: Buffer;
}

/** A key range on one partition: bounds are inclusive unless marked exclusive; `after` continues a page. */
export interface Range {
  pk: Buffer;
  low?: { sk: Buffer; exclusive: boolean };
  high?: { sk: Buffer; exclusive: boolean };
  forward: boolean;
  /** The inclusive bound the read travels towards (BETWEEN, `<=` forwards, `>=` backwards): a page ending on it ends the range. */
  end?: Buffer;
}

export class ItemStore {
  private readonly tables = new Map<string, StoredTable>();
  private readonly stmt;
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    this.stmt = {
      insertTable: db.prepare<[string, string]>('INSERT INTO tables (name, definition) VALUES (?, ?)'),
      updateTable: db.prepare<[string, number]>('UPDATE tables SET definition = ? WHERE id = ?'),
      deleteTable: db.prepare<[number]>('DELETE FROM tables WHERE id = ?'),
      deleteItems: db.prepare<[number]>('DELETE FROM items WHERE table_id = ?'),
      deleteEntries: db.prepare<[number]>('DELETE FROM index_entries WHERE table_id = ?'),
      get: db.prepare<[number, Buffer, Buffer], { item: string }>('SELECT item FROM items WHERE table_id = ? AND pk = ? AND sk = ?'),
      put: db.prepare<[number, Buffer, Buffer, string, number, number | null]>('INSERT OR REPLACE INTO items (table_id, pk, sk, item, size, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
      delete: db.prepare<[number, Buffer, Buffer]>('DELETE FROM items WHERE table_id = ? AND pk = ? AND sk = ?'),
      putEntry: db.prepare<[number, string, Buffer, Buffer, Buffer, Buffer]>('INSERT OR REPLACE INTO index_entries (table_id, index_name, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteEntry: db.prepare<[number, string, Buffer, Buffer, Buffer, Buffer]>('DELETE FROM index_entries WHERE table_id = ? AND index_name = ? AND ipk = ? AND isk = ? AND pk = ? AND sk = ?'),
      stats: db.prepare<[number], { n: number; bytes: number | null }>('SELECT COUNT(*) AS n, SUM(size) AS bytes FROM items WHERE table_id = ?'),
      indexStats: db.prepare<[number, string], { n: number; bytes: number | null }>(
        'SELECT COUNT(*) AS n, SUM(i.size) AS bytes FROM index_entries e JOIN items i ON i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk WHERE e.table_id = ? AND e.index_name = ?',
      ),
      expired: db.prepare<[number, number, number], { item: string }>('SELECT item FROM items WHERE table_id = ? AND expires_at IS NOT NULL AND expires_at < ? LIMIT ?'),
      setExpiry: db.prepare<[number | null, number, Buffer, Buffer]>('UPDATE items SET expires_at = ? WHERE table_id = ? AND pk = ? AND sk = ?'),
      allItems: db.prepare<[number], Row>('SELECT pk, sk, item, size FROM items WHERE table_id = ?'),
    };
    for (const row of db.prepare<[], { id: number; definition: string }>('SELECT id, definition FROM tables').all()) {
      const definition = JSON.parse(row.definition) as TableDefinition;
      this.tables.set(definition.name, { id: row.id, definition });
    }
  }

  /** Range queries vary in their bounds; each shape is prepared once. */
  private prepared<R>(sql: string): Statement<unknown[], R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<unknown[], R>;
  }

  table(name: string): StoredTable | undefined {
    return this.tables.get(name);
  }

  tableNames(): string[] {
    return [...this.tables.keys()].sort();
  }

  createTable(definition: TableDefinition): StoredTable {
    const { lastInsertRowid } = this.stmt.insertTable.run(definition.name, JSON.stringify(definition));
    const table = { id: Number(lastInsertRowid), definition };
    this.tables.set(definition.name, table);
    return table;
  }

  /** Replaces a table's definition (TTL settings); refreshes every item's expiry when the TTL attribute changed. */
  updateTable(table: StoredTable, definition: TableDefinition): void {
    this.stmt.updateTable.run(JSON.stringify(definition), table.id);
    const ttlChanged = JSON.stringify(table.definition.ttl) !== JSON.stringify(definition.ttl);
    table.definition = definition;
    if (ttlChanged) {
      for (const row of this.stmt.allItems.all(table.id)) this.stmt.setExpiry.run(expiryOf(definition, JSON.parse(row.item) as AttributeMap), table.id, row.pk, row.sk);
    }
  }

  deleteTable(table: StoredTable): void {
    this.stmt.deleteEntries.run(table.id);
    this.stmt.deleteItems.run(table.id);
    this.stmt.deleteTable.run(table.id);
    this.tables.delete(table.definition.name);
  }

  /** Any in-process change to the tables (a rolled-back CreateTable) is undone by reloading them. */
  reloadTables(): void {
    this.tables.clear();
    for (const row of this.db.prepare<[], { id: number; definition: string }>('SELECT id, definition FROM tables').all()) {
      const definition = JSON.parse(row.definition) as TableDefinition;
      this.tables.set(definition.name, { id: row.id, definition });
    }
  }

  get(table: StoredTable, key: StoredKey): AttributeMap | undefined {
    const row = this.stmt.get.get(table.id, key.pk, key.sk);
    return row ? (JSON.parse(row.item) as AttributeMap) : undefined;
  }

  /** Writes `item` (replacing `old`, if any), keeping the index entries in step. */
  put(table: StoredTable, item: AttributeMap, old: AttributeMap | undefined): void {
    const key = storedKey(table.definition, item);
    const text = JSON.stringify(item);
    this.stmt.put.run(table.id, key.pk, key.sk, text, itemSize(item), expiryOf(table.definition, item));
    this.updateEntries(table, key, old, item);
  }

  delete(table: StoredTable, old: AttributeMap): void {
    const key = storedKey(table.definition, old);
    this.stmt.delete.run(table.id, key.pk, key.sk);
    this.updateEntries(table, key, old, undefined);
  }

  private updateEntries(table: StoredTable, key: StoredKey, old: AttributeMap | undefined, item: AttributeMap | undefined): void {
    for (const index of table.definition.indexes) {
      const before = old && indexKey(index, old);
      const after = item && indexKey(index, item);
      if (before && after && before.pk.equals(after.pk) && before.sk.equals(after.sk)) continue;
      if (before) this.stmt.deleteEntry.run(table.id, index.name, before.pk, before.sk, key.pk, key.sk);
      if (after) this.stmt.putEntry.run(table.id, index.name, after.pk, after.sk, key.pk, key.sk);
    }
  }

  /** Items of one partition in sort-key order, from `after` (exclusive) on. */
  *range(table: StoredTable, range: Range, after: StoredKey | undefined): Generator<Row> {
    const where = ['table_id = ?', 'pk = ?'];
    const params: unknown[] = [table.id, range.pk];
    if (range.low) {
      where.push(`sk ${range.low.exclusive ? '>' : '>='} ?`);
      params.push(range.low.sk);
    }
    if (range.high) {
      where.push(`sk ${range.high.exclusive ? '<' : '<='} ?`);
      params.push(range.high.sk);
    }
    if (after) {
      where.push(`sk ${range.forward ? '>' : '<'} ?`);
      params.push(after.sk);
    }
    const sql = `SELECT pk, sk, item, size FROM items WHERE ${where.join(' AND ')} ORDER BY sk ${range.forward ? 'ASC' : 'DESC'}`;
    yield* this.prepared<Row>(sql).iterate(...params);
  }

  /** Entries of one index partition in index sort-key order (ties in table key order), joined to their items. */
  *indexRange(table: StoredTable, indexName: string, range: Range, after: { isk: Buffer; pk: Buffer; sk: Buffer } | undefined): Generator<IndexRow> {
    const where = ['e.table_id = ?', 'e.index_name = ?', 'e.ipk = ?'];
    const params: unknown[] = [table.id, indexName, range.pk];
    if (range.low) {
      where.push(`e.isk ${range.low.exclusive ? '>' : '>='} ?`);
      params.push(range.low.sk);
    }
    if (range.high) {
      where.push(`e.isk ${range.high.exclusive ? '<' : '<='} ?`);
      params.push(range.high.sk);
    }
    if (after) {
      where.push(`(e.isk, e.pk, e.sk) ${range.forward ? '>' : '<'} (?, ?, ?)`);
      params.push(after.isk, after.pk, after.sk);
    }
    const direction = range.forward ? 'ASC' : 'DESC';
    const sql = `SELECT e.ipk, e.isk, i.pk, i.sk, i.item, i.size FROM index_entries e JOIN items i ON i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk
      WHERE ${where.join(' AND ')} ORDER BY e.isk ${direction}, e.pk ${direction}, e.sk ${direction}`;
    yield* this.prepared<IndexRow>(sql).iterate(...params);
  }

  /** Every item of a table in stored key order, from `after` (exclusive) on. */
  *scan(table: StoredTable, after: StoredKey | undefined): Generator<Row> {
    if (after) yield* this.prepared<Row>('SELECT pk, sk, item, size FROM items WHERE table_id = ? AND (pk, sk) > (?, ?) ORDER BY pk, sk').iterate(table.id, after.pk, after.sk);
    else yield* this.prepared<Row>('SELECT pk, sk, item, size FROM items WHERE table_id = ? ORDER BY pk, sk').iterate(table.id);
  }

  /** Every entry of an index in (ipk, isk, table key) order, from `after` (exclusive) on. */
  *scanIndex(table: StoredTable, indexName: string, after: { ipk: Buffer; isk: Buffer; pk: Buffer; sk: Buffer } | undefined): Generator<IndexRow> {
    const sql = `SELECT e.ipk, e.isk, i.pk, i.sk, i.item, i.size FROM index_entries e JOIN items i ON i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk
      WHERE e.table_id = ? AND e.index_name = ? ${after ? 'AND (e.ipk, e.isk, e.pk, e.sk) > (?, ?, ?, ?)' : ''} ORDER BY e.ipk, e.isk, e.pk, e.sk`;
    const params: unknown[] = [table.id, indexName];
    if (after) params.push(after.ipk, after.isk, after.pk, after.sk);
    yield* this.prepared<IndexRow>(sql).iterate(...params);
  }

  stats(table: StoredTable, indexName?: string): { itemCount: number; sizeBytes: number } {
    const row = indexName === undefined ? this.stmt.stats.get(table.id) : this.stmt.indexStats.get(table.id, indexName);
    return { itemCount: row?.n ?? 0, sizeBytes: row?.bytes ?? 0 };
  }

  /** Up to `limit` items whose TTL attribute (epoch seconds) is before `nowSeconds`. */
  expired(table: StoredTable, nowSeconds: number, limit: number): AttributeMap[] {
    return this.stmt.expired.all(table.id, nowSeconds, limit).map((row) => JSON.parse(row.item) as AttributeMap);
  }
}

/** The item's TTL instant in epoch seconds, if TTL is on and the attribute is a number (Developer Guide, "Time to Live"). */
function expiryOf(definition: TableDefinition, item: AttributeMap): number | null {
  if (!definition.ttl?.enabled) return null;
  const value = item[definition.ttl.attributeName];
  return value !== undefined && 'N' in value ? Number(value.N) : null;
}
