/** SQLite schema of the EventBridge emulator (configuration and the delivery outbox). */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS buses (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rules (
  bus_name TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (bus_name, name)
);
CREATE TABLE IF NOT EXISTS targets (
  bus_name TEXT NOT NULL,
  rule_name TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (bus_name, rule_name, id)
);
`;
