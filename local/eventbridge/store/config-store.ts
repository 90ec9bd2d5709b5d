import type { Database } from '../../sqlite/database.ts';
import type { BusRecord, RuleRecord, TargetRecord } from './records.ts';
import { SCHEMA } from './schema.ts';

/**
 * Buses, rules and targets in SQLite, with an in-memory copy for the PutEvents hot path
 * (configuration is small and changes rarely). Every write commits before the API answers.
 */
export class ConfigStore {
  private readonly buses = new Map<string, BusRecord>();
  private readonly rules = new Map<string, Map<string, RuleRecord>>();
  private readonly targets = new Map<string, Map<string, TargetRecord>>();
  private readonly stmt;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    this.stmt = {
      putBus: db.prepare('INSERT OR REPLACE INTO buses (name, body) VALUES (?, ?)'),
      deleteBus: db.prepare('DELETE FROM buses WHERE name = ?'),
      putRule: db.prepare('INSERT OR REPLACE INTO rules (bus_name, name, body) VALUES (?, ?, ?)'),
      deleteRule: db.prepare('DELETE FROM rules WHERE bus_name = ? AND name = ?'),
      putTarget: db.prepare('INSERT OR REPLACE INTO targets (bus_name, rule_name, id, body) VALUES (?, ?, ?, ?)'),
      deleteTarget: db.prepare('DELETE FROM targets WHERE bus_name = ? AND rule_name = ? AND id = ?'),
    };
    for (const row of db.prepare<[], { body: string }>('SELECT body FROM buses').all()) {
      const bus = JSON.parse(row.body) as BusRecord;
      this.buses.set(bus.name, bus);
    }
    for (const row of db.prepare<[], { body: string }>('SELECT body FROM rules').all()) {
      const rule = JSON.parse(row.body) as RuleRecord;
      this.rulesOf(rule.busName).set(rule.name, rule);
    }
    for (const row of db.prepare<[], { bus_name: string; rule_name: string; body: string }>('SELECT bus_name, rule_name, body FROM targets').all()) {
      const target = JSON.parse(row.body) as TargetRecord;
      this.targetsOf(row.bus_name, row.rule_name).set(target.Id, target);
    }
  }

  bus(name: string): BusRecord | undefined {
    return this.buses.get(name);
  }

  listBuses(): BusRecord[] {
    return [...this.buses.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  putBus(bus: BusRecord): void {
    this.stmt.putBus.run(bus.name, JSON.stringify(bus));
    this.buses.set(bus.name, bus);
  }

  deleteBus(name: string): void {
    this.stmt.deleteBus.run(name);
    this.buses.delete(name);
  }

  rule(busName: string, name: string): RuleRecord | undefined {
    return this.rules.get(busName)?.get(name);
  }

  listRules(busName: string): RuleRecord[] {
    return [...(this.rules.get(busName)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }

  putRule(rule: RuleRecord): void {
    this.stmt.putRule.run(rule.busName, rule.name, JSON.stringify(rule));
    this.rulesOf(rule.busName).set(rule.name, rule);
  }

  deleteRule(busName: string, name: string): void {
    this.db.transaction(() => {
      for (const id of this.targetsOf(busName, name).keys()) this.stmt.deleteTarget.run(busName, name, id);
      this.stmt.deleteRule.run(busName, name);
    })();
    this.rules.get(busName)?.delete(name);
    this.targets.delete(key(busName, name));
  }

  listTargets(busName: string, ruleName: string): TargetRecord[] {
    return [...(this.targets.get(key(busName, ruleName))?.values() ?? [])].sort((a, b) => a.Id.localeCompare(b.Id));
  }

  putTargets(busName: string, ruleName: string, targets: readonly TargetRecord[]): void {
    this.db.transaction(() => {
      for (const t of targets) this.stmt.putTarget.run(busName, ruleName, t.Id, JSON.stringify(t));
    })();
    const map = this.targetsOf(busName, ruleName);
    for (const t of targets) map.set(t.Id, t);
  }

  removeTargets(busName: string, ruleName: string, ids: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.stmt.deleteTarget.run(busName, ruleName, id);
    })();
    const map = this.targetsOf(busName, ruleName);
    for (const id of ids) map.delete(id);
  }

  private rulesOf(busName: string): Map<string, RuleRecord> {
    let map = this.rules.get(busName);
    if (!map) this.rules.set(busName, (map = new Map()));
    return map;
  }

  private targetsOf(busName: string, ruleName: string): Map<string, TargetRecord> {
    const k = key(busName, ruleName);
    let map = this.targets.get(k);
    if (!map) this.targets.set(k, (map = new Map()));
    return map;
  }
}

const key = (busName: string, ruleName: string): string => `${busName}\u0000${ruleName}`;
