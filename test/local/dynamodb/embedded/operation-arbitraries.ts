/**
 * fast-check arbitraries of DynamoDB requests over three table shapes — the platform's case table
 * (string keys, four GSIs, TTL), a numeric sort key and a binary sort key — with values drawn from
 * small pools so that requests collide on keys, and with DynamoDB's edge cases (UTF-8 order,
 * 38-digit and extreme numbers, empty strings, reserved words, unused or undefined placeholders).
 */
import fc from 'fast-check';

export type Request = [operation: string, body: Record<string, unknown>];
type Av = Record<string, unknown>;

export interface Tables {
  cases: string;
  numbers: string;
  binary: string;
}

export function tableDefinitions(t: Tables): Request[] {
  const gsi = (n: number): object => ({
    IndexName: `gsi${n}`,
    KeySchema: [
      { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
      { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  });
  return [
    [
      'CreateTable',
      {
        TableName: t.cases,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [gsi(1), gsi(2)],
      },
    ],
    ['UpdateTimeToLive', { TableName: t.cases, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }],
    [
      'CreateTable',
      {
        TableName: t.numbers,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'n', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'n', KeyType: 'RANGE' },
        ],
      },
    ],
    [
      'CreateTable',
      {
        TableName: t.binary,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'b', AttributeType: 'B' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'b', KeyType: 'RANGE' },
        ],
      },
    ],
  ];
}

// ---- values ----

const STRINGS = ['a', 'ab', 'abc', 'B', 'Z', 'é', 'ë', '中文', '😀', 'a😀', '\uffff', 'zz', 'STEP#a#001', 'STEP#a#002', 'STEP#b#001'];
const NUMBERS = ['0', '1', '-1', '1.5', '01.50', '1e2', '100', '-0.001', '0.1', '-100', '2', '10', '12345678901234567890123456789012345678', '-12345678901234567890123456789012345678', '1E-130', '9.9E125', '-9.9E125', '1E+2', '-0'];
const BAD_NUMBERS = ['abc', '1E126', '1E-131', '123456789012345678901234567890123456789', '', '1.2.3'];
const BINARIES = ['AA==', 'AQ==', 'AQI=', '/w==', 'gA==', 'AAE=', 'YWJj'];

const str = fc.constantFrom(...STRINGS);
const num = fc.constantFrom(...NUMBERS);
const bin = fc.constantFrom(...BINARIES);

const scalar: fc.Arbitrary<Av> = fc.oneof(
  str.map((S) => ({ S })),
  fc.constant({ S: '' }),
  num.map((N) => ({ N })),
  bin.map((B) => ({ B })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true }),
);

const value: fc.Arbitrary<Av> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.uniqueArray(str, { minLength: 1, maxLength: 3 }).map((SS) => ({ SS })) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom('1', '2', '3', '-1', '1.5', '100'), { minLength: 1, maxLength: 3 }).map((NS) => ({ NS })) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }).map((L) => ({ L })) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('x', 'y', 'z'), scalar, { maxKeys: 3 }).map((M) => ({ M })) },
);

/** Plain attributes an item may have besides its keys. */
const ATTRIBUTES = ['a', 'n', 'l', 'm', 'ss', 'status', 'version'];
const attributes = fc.dictionary(fc.constantFrom(...ATTRIBUTES), value, { maxKeys: 4 });

// ---- keys ----

const casesKey = fc.record({ pk: fc.constantFrom('CASE#1', 'CASE#2', 'IDEMPOTENCY#w').map((S) => ({ S })), sk: fc.constantFrom('CASE', 'STEP#a#001', 'STEP#a#002', 'STEP#b#001', 'TIMELINE#é', 'TIMELINE#😀', 'TIMELINE#z').map((S) => ({ S })) });
const numbersKey = fc.record({ pk: fc.constantFrom('p', 'q').map((S) => ({ S })), n: num.map((N) => ({ N })) });
const binaryKey = fc.record({ pk: fc.constantFrom('p', 'q').map((S) => ({ S })), b: bin.map((B) => ({ B })) });

const indexAttributes = fc.record(
  {
    gsi1pk: fc.constantFrom('ORDER#1', 'ORDER#2').map((S) => ({ S })),
    gsi1sk: str.map((S) => ({ S })),
    gsi2pk: fc.constantFrom('QUEUE#ops', 'AWAIT#x').map((S) => ({ S })),
    gsi2sk: str.map((S) => ({ S })),
    // Future expiries only: when an expired item disappears is up to each store (DynamoDB: "within a few days").
    expiresAt: fc.constantFrom('4102444800', '4102444801').map((N) => ({ N })),
  },
  { requiredKeys: [] },
);

/**
 * Index sort keys end with the item's key, as the platform's do (`open#<openedAt>#<caseId>`): the
 * order of items with equal index keys is DynamoDB's own (DynamoDB Local's follows a hash).
 */
function uniqueIndexKeys(extra: Record<string, Av>, key: Record<string, Av>): Record<string, Av> {
  const suffix = `#${(key.pk as { S: string }).S}#${(key.sk as { S: string } | undefined)?.S ?? ''}`;
  const out = { ...extra };
  for (const name of ['gsi1sk', 'gsi2sk']) if (out[name]) out[name] = { S: (out[name] as { S: string }).S + suffix };
  return out;
}

interface Shape {
  table: keyof Tables;
  key: fc.Arbitrary<Record<string, Av>>;
  extra: fc.Arbitrary<Record<string, Av>>;
}

const SHAPES: Shape[] = [
  { table: 'cases', key: casesKey, extra: indexAttributes },
  { table: 'numbers', key: numbersKey, extra: fc.constant({}) },
  { table: 'binary', key: binaryKey, extra: fc.constant({}) },
];

// ---- expressions ----

interface Expr {
  text: string;
  names: Record<string, string>;
  values: Record<string, Av>;
}

const attributeName = fc.constantFrom(...ATTRIBUTES, 'pk', 'm.x', 'l[0]', 'nope');

/** `#a`, `#m.#x`, `#l[0]`: a placeholder path, with the names it needs. */
function pathExpr(name: string): Expr {
  if (name === 'm.x') return { text: '#m.#x', names: { '#m': 'm', '#x': 'x' }, values: {} };
  if (name === 'l[0]') return { text: '#l[0]', names: { '#l': 'l' }, values: {} };
  return { text: `#${name}`, names: { [`#${name}`]: name }, values: {} };
}

const join = (text: string, ...parts: Expr[]): Expr => ({
  text,
  names: Object.assign({}, ...parts.map((p) => p.names)) as Record<string, string>,
  values: Object.assign({}, ...parts.map((p) => p.values)) as Record<string, Av>,
});

let counter = 0;
const valueExpr = (v: Av): Expr => {
  const name = `:v${counter++ % 1000}`;
  return { text: name, names: {}, values: { [name]: v } };
};

const comparison: fc.Arbitrary<Expr> = fc.tuple(attributeName, fc.constantFrom('=', '<>', '<', '<=', '>', '>='), value).map(([n, op, v]) => {
  const p = pathExpr(n);
  const x = valueExpr(v);
  return join(`${p.text} ${op} ${x.text}`, p, x);
});

const functionCall: fc.Arbitrary<Expr> = fc.oneof(
  attributeName.map((n) => {
    const p = pathExpr(n);
    return join(`attribute_exists(${p.text})`, p);
  }),
  attributeName.map((n) => {
    const p = pathExpr(n);
    return join(`attribute_not_exists(${p.text})`, p);
  }),
  fc.tuple(attributeName, str).map(([n, s]) => {
    const p = pathExpr(n);
    const x = valueExpr({ S: s });
    return join(`begins_with(${p.text}, ${x.text})`, p, x);
  }),
  fc.tuple(attributeName, scalar).map(([n, v]) => {
    const p = pathExpr(n);
    const x = valueExpr(v);
    return join(`contains(${p.text}, ${x.text})`, p, x);
  }),
  fc.tuple(attributeName, fc.constantFrom('S', 'N', 'L', 'M', 'SS', 'BOOL', 'NULL')).map(([n, t]) => {
    const p = pathExpr(n);
    const x = valueExpr({ S: t });
    return join(`attribute_type(${p.text}, ${x.text})`, p, x);
  }),
  fc.tuple(attributeName, fc.constantFrom('<', '=', '>='), fc.constantFrom('0', '1', '2', '3')).map(([n, op, k]) => {
    const p = pathExpr(n);
    const x = valueExpr({ N: k });
    return join(`size(${p.text}) ${op} ${x.text}`, p, x);
  }),
  fc.tuple(attributeName, scalar, scalar).map(([n, lo, hi]) => {
    const p = pathExpr(n);
    const a = valueExpr(lo);
    const b = valueExpr(hi);
    return join(`${p.text} BETWEEN ${a.text} AND ${b.text}`, p, a, b);
  }),
  fc.tuple(attributeName, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(([n, vs]) => {
    const p = pathExpr(n);
    const xs = vs.map(valueExpr);
    return join(`${p.text} IN (${xs.map((x) => x.text).join(', ')})`, p, ...xs);
  }),
);

const atom = fc.oneof(comparison, functionCall);
const condition: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: atom },
  { weight: 1, arbitrary: fc.tuple(atom, fc.constantFrom('AND', 'OR', 'and'), atom).map(([a, op, b]) => join(`${a.text} ${op} ${b.text}`, a, b)) },
  { weight: 1, arbitrary: atom.map((a) => join(`NOT (${a.text})`, a)) },
  { weight: 1, arbitrary: fc.tuple(atom, atom, atom).map(([a, b, c]) => join(`${a.text} OR (${b.text} AND NOT ${c.text})`, a, b, c)) },
);

/** Expressions DynamoDB rejects, for the error answers. */
const badExpression: fc.Arbitrary<Expr> = fc.constantFrom<Expr>(
  { text: 'status = :v', names: {}, values: { ':v': { S: 'x' } } },
  { text: '#a = :v AND', names: { '#a': 'a' }, values: { ':v': { S: 'x' } } },
  { text: '#a = :missing', names: { '#a': 'a' }, values: { ':v': { S: 'x' } } },
  { text: '#a = :v', names: { '#a': 'a', '#unused': 'b' }, values: { ':v': { S: 'x' } } },
  { text: '#zz = :v', names: { '#a': 'a' }, values: { ':v': { S: 'x' } } },
  { text: 'size(#a)', names: { '#a': 'a' }, values: {} },
  { text: 'foo(#a)', names: { '#a': 'a' }, values: {} },
  { text: 'begins_with(#a, :n)', names: { '#a': 'a' }, values: { ':n': { N: '1' } } },
  { text: '#a == :v', names: { '#a': 'a' }, values: { ':v': { S: 'x' } } },
  { text: 'attribute_exists(:v)', names: {}, values: { ':v': { S: 'x' } } },
);

const updateAction: fc.Arbitrary<{ clause: string; action: Expr }> = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'status', 'version', 'expiresAt'), value).map(([n, v]) => {
    const p = pathExpr(n);
    const x = valueExpr(n === 'expiresAt' ? { N: '4102444802' } : v);
    return { clause: 'SET', action: join(`${p.text} = ${x.text}`, p, x) };
  }),
  scalar.map((v) => {
    const p = pathExpr('a');
    const x = valueExpr(v);
    return { clause: 'SET', action: join(`${p.text} = if_not_exists(${p.text}, ${x.text})`, p, x) };
  }),
  fc.array(scalar, { minLength: 1, maxLength: 2 }).map((vs) => {
    const p = pathExpr('l');
    const e = valueExpr({ L: [] });
    const x = valueExpr({ L: vs });
    return { clause: 'SET', action: join(`${p.text} = list_append(if_not_exists(${p.text}, ${e.text}), ${x.text})`, p, e, x) };
  }),
  fc.tuple(num, fc.constantFrom('+', '-')).map(([k, op]) => {
    const p = pathExpr('version');
    const x = valueExpr({ N: k });
    return { clause: 'SET', action: join(`${p.text} = ${p.text} ${op} ${x.text}`, p, x) };
  }),
  scalar.map((v) => {
    const p = pathExpr('m.x');
    const x = valueExpr(v);
    return { clause: 'SET', action: join(`${p.text} = ${x.text}`, p, x) };
  }),
  fc.tuple(fc.constantFrom(0, 1, 5), scalar).map(([i, v]) => {
    const p = { text: `#l[${i}]`, names: { '#l': 'l' }, values: {} };
    const x = valueExpr(v);
    return { clause: 'SET', action: join(`${p.text} = ${x.text}`, p, x) };
  }),
  fc.constantFrom('a', 'm.x', 'l[0]', 'ss', 'gsi2pk', 'nope').map((n) => ({ clause: 'REMOVE', action: pathExpr(n) })),
  fc.tuple(fc.constantFrom('n', 'version', 'ss', 'a'), fc.oneof(num.map((N) => ({ N })), fc.uniqueArray(str, { minLength: 1, maxLength: 2 }).map((SS) => ({ SS })))).map(([n, v]) => {
    const p = pathExpr(n);
    const x = valueExpr(v);
    return { clause: 'ADD', action: join(`${p.text} ${x.text}`, p, x) };
  }),
  fc.uniqueArray(str, { minLength: 1, maxLength: 2 }).map((SS) => {
    const p = pathExpr('ss');
    const x = valueExpr({ SS });
    return { clause: 'DELETE', action: join(`${p.text} ${x.text}`, p, x) };
  }),
);

const updateExpression: fc.Arbitrary<Expr> = fc.array(updateAction, { minLength: 1, maxLength: 3 }).map((actions) => {
  const clauses = new Map<string, Expr[]>();
  for (const { clause, action } of actions) clauses.set(clause, [...(clauses.get(clause) ?? []), action]);
  const parts = [...clauses.entries()].map(([clause, list]) => join(`${clause} ${list.map((e) => e.text).join(', ')}`, ...list));
  return join(parts.map((p) => p.text).join(' '), ...parts);
});

const withExpressions = (body: Record<string, unknown>, ...exprs: (Expr | undefined)[]): Record<string, unknown> => {
  const present = exprs.filter((e): e is Expr => e !== undefined);
  const names = Object.assign({}, ...present.map((e) => e.names)) as Record<string, string>;
  const values = Object.assign({}, ...present.map((e) => e.values)) as Record<string, Av>;
  return { ...body, ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}), ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) };
};

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

// ---- requests ----

function shapeRequests(t: Tables, shape: Shape): fc.Arbitrary<Request> {
  const table = t[shape.table];
  const item = fc.tuple(shape.key, shape.extra, attributes).map(([key, extra, rest]) => ({ ...rest, ...uniqueIndexKeys(extra, key), ...key }));
  const returnValues = fc.constantFrom(undefined, 'NONE', 'ALL_OLD');
  const onFailure = fc.constantFrom(undefined, 'ALL_OLD');
  const put = fc.tuple(item, maybe(fc.oneof(condition, badExpression)), returnValues, onFailure).map(([Item, cond, rv, rvf]): Request => [
    'PutItem',
    withExpressions({ TableName: table, Item, ...(cond ? { ConditionExpression: cond.text } : {}), ...(rv ? { ReturnValues: rv } : {}), ...(rvf ? { ReturnValuesOnConditionCheckFailure: rvf } : {}) }, cond),
  ]);
  const get = fc.tuple(shape.key, maybe(fc.array(attributeName, { minLength: 1, maxLength: 3 }))).map(([Key, names]): Request => {
    const paths = names?.map(pathExpr);
    return ['GetItem', withExpressions({ TableName: table, Key, ConsistentRead: true, ...(paths ? { ProjectionExpression: paths.map((p) => p.text).join(', ') } : {}) }, ...(paths ?? []))];
  });
  const update = fc
    .tuple(shape.key, fc.oneof({ weight: 6, arbitrary: updateExpression }, { weight: 1, arbitrary: badExpression.map((e) => ({ ...e, text: `SET ${e.text}` })) }), maybe(condition), fc.constantFrom(undefined, 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'), onFailure)
    .map(([Key, upd, cond, rv, rvf]): Request => [
      'UpdateItem',
      withExpressions({ TableName: table, Key, UpdateExpression: upd.text, ...(cond ? { ConditionExpression: cond.text } : {}), ...(rv ? { ReturnValues: rv } : {}), ...(rvf ? { ReturnValuesOnConditionCheckFailure: rvf } : {}) }, upd, cond),
    ]);
  const del = fc.tuple(shape.key, maybe(condition), returnValues).map(([Key, cond, rv]): Request => [
    'DeleteItem',
    withExpressions({ TableName: table, Key, ...(cond ? { ConditionExpression: cond.text } : {}), ...(rv ? { ReturnValues: rv } : {}) }, cond),
  ]);
  const query = queryRequest(table, shape);
  const requests: fc.Arbitrary<Request>[] = [put, put, get, update, update, del, query, query];
  return fc.oneof(...requests);
}

function queryRequest(table: string, shape: Shape): fc.Arbitrary<Request> {
  const onIndex = shape.table === 'cases' ? fc.constantFrom(undefined, 'gsi1', 'gsi2') : fc.constant(undefined);
  return fc
    .tuple(onIndex, shape.key, shape.extra, fc.constantFrom('none', '=', '<', '<=', '>', '>=', 'between', 'begins_with'), fc.boolean(), maybe(fc.integer({ min: 1, max: 4 })), maybe(condition), fc.boolean())
    .map(([index, key, extra, op, forward, limit, filter, count]): Request => {
      const partitionName = index ? `${index}pk` : 'pk';
      const sortName = index ? `${index}sk` : shape.table === 'cases' ? 'sk' : shape.table === 'numbers' ? 'n' : 'b';
      const partitionValue = index ? ((extra as Record<string, Av>)[partitionName] ?? { S: 'ORDER#1' }) : key.pk;
      const sortValue = index ? ((extra as Record<string, Av>)[sortName] ?? { S: 'a' }) : key[sortName];
      const pk = valueExpr(partitionValue as Av);
      const sk = valueExpr(sortValue as Av);
      const names = { '#p': partitionName, '#s': sortName };
      let text = `#p = ${pk.text}`;
      let values: Record<string, Av> = { ...pk.values };
      if (op === 'between') {
        const hi = valueExpr(sortValue as Av);
        text += ` AND #s BETWEEN ${sk.text} AND ${hi.text}`;
        values = { ...values, ...sk.values, ...hi.values };
      } else if (op === 'begins_with') {
        if (shape.table === 'numbers') return ['Query', { TableName: table, KeyConditionExpression: text, ExpressionAttributeNames: { '#p': partitionName }, ExpressionAttributeValues: values }];
        text += ` AND begins_with(#s, ${sk.text})`;
        values = { ...values, ...sk.values };
      } else if (op !== 'none') {
        text += ` AND #s ${op} ${sk.text}`;
        values = { ...values, ...sk.values };
      }
      const keyExpr: Expr = { text, names: op === 'none' ? { '#p': partitionName } : names, values };
      return [
        'Query',
        withExpressions(
          {
            TableName: table,
            ...(index ? { IndexName: index } : {}),
            KeyConditionExpression: keyExpr.text,
            ScanIndexForward: forward,
            ...(limit ? { Limit: limit } : {}),
            ...(filter ? { FilterExpression: filter.text } : {}),
            ...(count ? { Select: 'COUNT' } : {}),
          },
          keyExpr,
          filter,
        ),
      ];
    });
}

function transactWrite(t: Tables): fc.Arbitrary<Request> {
  const shape = SHAPES[0] as Shape;
  const table = t.cases;
  const action = fc.oneof(
    fc.tuple(fc.tuple(shape.key, shape.extra, attributes).map(([k, e, r]) => ({ ...r, ...uniqueIndexKeys(e, k), ...k })), maybe(condition)).map(([Item, cond]) => ({ Put: withExpressions({ TableName: table, Item, ...(cond ? { ConditionExpression: cond.text } : {}) }, cond) })),
    fc.tuple(shape.key, updateExpression, maybe(condition)).map(([Key, upd, cond]) => ({ Update: withExpressions({ TableName: table, Key, UpdateExpression: upd.text, ...(cond ? { ConditionExpression: cond.text } : {}) }, upd, cond) })),
    fc.tuple(shape.key, maybe(condition)).map(([Key, cond]) => ({ Delete: withExpressions({ TableName: table, Key, ...(cond ? { ConditionExpression: cond.text } : {}) }, cond) })),
    fc.tuple(shape.key, condition, fc.constantFrom(undefined, 'ALL_OLD')).map(([Key, cond, rvf]) => ({ ConditionCheck: withExpressions({ TableName: table, Key, ConditionExpression: cond.text, ...(rvf ? { ReturnValuesOnConditionCheckFailure: rvf } : {}) }, cond) })),
  );
  // One action per item: DynamoDB rejects the rest up front, DynamoDB Local only once the conditions pass.
  const keyOfAction = (a: Record<string, Record<string, unknown>>): string => {
    const body = Object.values(a)[0] as { Key?: Record<string, Av>; Item?: Record<string, Av> };
    const key = body.Key ?? body.Item ?? {};
    return JSON.stringify([key.pk, key.sk]);
  };
  return fc.uniqueArray(action, { minLength: 1, maxLength: 4, selector: keyOfAction }).map((TransactItems): Request => ['TransactWriteItems', { TransactItems }]);
}

function batches(t: Tables): fc.Arbitrary<Request> {
  const numbers = SHAPES[1] as Shape;
  const cases = SHAPES[0] as Shape;
  // Distinct keys by value: DynamoDB Local tells `100` from `1E+2` in a batch's duplicate check, DynamoDB does not.
  const byValue = (key: Record<string, Av>): string => `${JSON.stringify(key.pk)}${Number((key.n as { N: string }).N)}`;
  const byRequest = (r: { PutRequest?: { Item: Record<string, Av> }; DeleteRequest?: { Key: Record<string, Av> } }): string => byValue(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {});
  const write = fc.uniqueArray(fc.oneof(fc.tuple(numbers.key, attributes).map(([k, r]) => ({ PutRequest: { Item: { ...r, ...k } } })), numbers.key.map((Key) => ({ DeleteRequest: { Key } }))), { minLength: 1, maxLength: 5, selector: byRequest });
  return fc.oneof(
    write.map((requests): Request => ['BatchWriteItem', { RequestItems: { [t.numbers]: requests } }]),
    fc.tuple(fc.uniqueArray(numbers.key, { minLength: 1, maxLength: 4, selector: byValue }), fc.uniqueArray(cases.key, { minLength: 1, maxLength: 3, selector: (k) => JSON.stringify(k) })).map(([a, b]): Request => ['BatchGetItem', { RequestItems: { [t.numbers]: { Keys: a }, [t.cases]: { Keys: b, ConsistentRead: true } } }]),
    fc.uniqueArray(cases.key, { minLength: 1, maxLength: 3, selector: (k) => JSON.stringify(k) }).map((keys): Request => ['TransactGetItems', { TransactItems: keys.map((Key) => ({ Get: { TableName: t.cases, Key } })) }]),
  );
}

function edgeCases(t: Tables): fc.Arbitrary<Request> {
  return fc.oneof(
    fc.constantFrom(...BAD_NUMBERS).map((N): Request => ['PutItem', { TableName: t.numbers, Item: { pk: { S: 'p' }, n: { N } } }]),
    fc.constantFrom(...BAD_NUMBERS).map((N): Request => ['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, a: { N } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: '' }, sk: { S: 'CASE' } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { N: '1' }, sk: { S: 'CASE' } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, gsi1pk: { N: '1' } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, ss: { SS: [] } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, ss: { SS: ['a', 'a'] } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#2' }, sk: { S: 'STEP#a#001' }, a: { S: 'x'.repeat(410 * 1024) } } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#2' }, sk: { S: 'STEP#a#002' }, a: { S: 'x'.repeat(300 * 1024) } } }]),
    fc.constant<Request>(['GetItem', { TableName: t.cases, Key: { pk: { S: 'CASE#1' } } }]),
    fc.constant<Request>(['GetItem', { TableName: t.cases, Key: { pk: { S: 'CASE#1' }, sk: { N: '1' } } }]),
    fc.constant<Request>(['GetItem', { TableName: `${t.cases}-missing`, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } } }]),
    fc.constant<Request>(['UpdateItem', { TableName: t.cases, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }, UpdateExpression: 'SET #p = :v', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { S: 'x' } } }]),
    fc.constant<Request>(['UpdateItem', { TableName: t.cases, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }, UpdateExpression: 'SET #a = :v, #a = :v', ExpressionAttributeNames: { '#a': 'a' }, ExpressionAttributeValues: { ':v': { S: 'x' } } }]),
    fc.constant<Request>(['UpdateItem', { TableName: t.cases, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }, UpdateExpression: 'SET #g = :v', ExpressionAttributeNames: { '#g': 'gsi1pk' }, ExpressionAttributeValues: { ':v': { S: '' } } }]),
    fc.constant<Request>(['Query', { TableName: t.cases, KeyConditionExpression: '#s = :v', ExpressionAttributeNames: { '#s': 'sk' }, ExpressionAttributeValues: { ':v': { S: 'CASE' } } }]),
    fc.constant<Request>(['Query', { TableName: t.cases, KeyConditionExpression: '#p = :v OR #p = :w', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { S: 'CASE#1' }, ':w': { S: 'CASE#2' } } }]),
    fc.constant<Request>(['Query', { TableName: t.cases, KeyConditionExpression: '#p = :v', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { N: '1' } } }]),
    fc.constant<Request>(['Query', { TableName: t.cases, IndexName: 'gsi9', KeyConditionExpression: '#p = :v', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { S: 'x' } } }]),
    fc.constant<Request>(['Query', { TableName: t.cases, KeyConditionExpression: '#p = :v', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { S: 'CASE#2' } }, Limit: 1 }]),
    fc.constant<Request>(['TransactWriteItems', { TransactItems: [{ Put: { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } } } }, { Delete: { TableName: t.cases, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } } } }] }]),
    fc.constant<Request>(['BatchWriteItem', { RequestItems: { [t.numbers]: [{ PutRequest: { Item: { pk: { S: 'p' }, n: { N: '1' } } } }, { DeleteRequest: { Key: { pk: { S: 'p' }, n: { N: '1.0' } } } }] } }]),
    fc.constant<Request>(['PutItem', { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }, ReturnValues: 'ALL_NEW' }]),
    ...validationCases(t).map((r) => fc.constant(r)),
  );
}

/**
 * Validation errors both stores (and DynamoDB) answer alike: a transaction cancelled for one
 * action's key (a `ValidationError` reason, `None` for the others), an update past 400 KB, and
 * invalid ExpressionAttributeValues in DynamoDB's "contains invalid value: … for key :v" wrapper.
 */
export function validationCases(t: Tables): Request[] {
  const key = { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } };
  const update = (value: unknown): Request => ['UpdateItem', { TableName: t.cases, Key: key, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': value } }];
  return [
    ['TransactWriteItems', { TransactItems: [{ Put: { TableName: t.cases, Item: { pk: { S: 'CASE#3' }, sk: { N: '1' } } } }, { Put: { TableName: t.cases, Item: key } }] }],
    ['TransactWriteItems', { TransactItems: [{ Put: { TableName: t.cases, Item: key } }, { Put: { TableName: t.cases, Item: { pk: { N: '3' }, sk: { S: 'CASE' } } } }] }],
    ['UpdateItem', { TableName: t.cases, Key: { pk: { S: 'CASE#2' }, sk: { S: 'STEP#big' } }, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { S: 'x'.repeat(410 * 1024) } } }],
    update({ SS: [] }),
    update({ N: 'abc' }),
    update({ SS: ['a', 'a'] }),
    update({}),
    ['PutItem', { TableName: t.cases, Item: key, ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': { NS: [] } } }],
    ['Query', { TableName: t.cases, KeyConditionExpression: 'pk = :v', ExpressionAttributeValues: { ':v': { N: '1e500' } } }],
  ];
}

/** One request over the three tables: mostly item operations, with queries, transactions, batches and edge cases. */
export function requestArbitrary(t: Tables): fc.Arbitrary<Request> {
  return fc.oneof(
    { weight: 6, arbitrary: shapeRequests(t, SHAPES[0] as Shape) },
    { weight: 3, arbitrary: shapeRequests(t, SHAPES[1] as Shape) },
    { weight: 2, arbitrary: shapeRequests(t, SHAPES[2] as Shape) },
    { weight: 2, arbitrary: transactWrite(t) },
    { weight: 2, arbitrary: batches(t) },
    { weight: 1, arbitrary: edgeCases(t) },
  );
}
