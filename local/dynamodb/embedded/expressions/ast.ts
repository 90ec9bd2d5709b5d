/** The parsed forms of DynamoDB's condition, key condition, filter, update and projection expressions. */

/** A document path: attribute names and list indexes, names already resolved from `#placeholders`. */
export interface Path {
  kind: 'path';
  elements: (string | number)[];
}

export type Operand =
  | Path
  | { kind: 'value'; name: string }
  | { kind: 'size'; path: Path }
  | { kind: 'if_not_exists'; path: Path; fallback: Operand }
  | { kind: 'list_append'; first: Operand; second: Operand }
  | { kind: 'arithmetic'; operator: '+' | '-'; left: Operand; right: Operand };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type BooleanFunction = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

export type Condition =
  | { kind: 'compare'; operator: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: Operand[] }
  | { kind: 'function'; name: BooleanFunction; args: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition };

export interface UpdateActions {
  set: { path: Path; value: Operand }[];
  remove: Path[];
  add: { path: Path; value: Operand }[];
  delete: { path: Path; value: Operand }[];
}
