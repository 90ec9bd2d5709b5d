/**
 * The embedded store and DynamoDB Local answer the same randomised request sequences alike:
 * every answer (status, error name and message, returned items and keys) and, at the end of each
 * sequence, every table's contents.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';
import { requestArbitrary, tableDefinitions, validationCases, type Request, type Tables } from './operation-arbitraries.ts';

const SEQUENCES = Number(process.env.DIFFERENTIAL_SEQUENCES ?? 25);
/** A fixed seed keeps CI repeatable; `DIFFERENTIAL_SEED=<n>` explores other sequences. */
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261129);
const SEQUENCE_LENGTH = 100;

const embedded = createEmbeddedDynamoDb({ data: ':memory:', clock: systemClock });
afterAll(() => embedded.close());

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function dynamoDbLocal(endpoint: string, [operation, body]: Request): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function embeddedStore([operation, body]: Request): Promise<Answer> {
  const answer = await embedded.request(operation, body);
  return { status: answer.status, body: answer.body as Record<string, unknown> };
}

/**
 * DynamoDB Local keeps some numbers as they were written (UpdateItem's SET and ADD, numbers inside
 * lists and maps: `1E+2`, `100.0`) where DynamoDB stores the canonical form (`100`), which is what
 * the embedded store answers: numbers are compared by value, written out here independently.
 */
function plainNumber(text: string): string {
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text) ?? [];
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (sign === '-' ? '-' : '') + body;
}

/** Numbers by value and sets without order, as DynamoDB defines them. */
function numbersByValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(numbersByValue);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === 'N' && typeof entries[0][1] === 'string') return { N: plainNumber(entries[0][1]) };
  if (entries.length === 1 && entries[0]?.[0] === 'NS' && Array.isArray(entries[0][1])) return { NS: (entries[0][1] as string[]).map(plainNumber).sort() };
  // Sets have no order in DynamoDB (DynamoDB Local lists them in UTF-16 order, the embedded store in UTF-8 order).
  if (entries.length === 1 && (entries[0]?.[0] === 'SS' || entries[0]?.[0] === 'BS') && Array.isArray(entries[0][1])) return { [entries[0][0]]: [...(entries[0][1] as string[])].sort() };
  return Object.fromEntries(entries.map(([k, v]) => [k, numbersByValue(v)]));
}

/** JSON with every object's keys in order: a sort key for items whatever order each store lists attributes in. */
const keyText = (value: unknown): string =>
  value === null || typeof value !== 'object'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(keyText).join(',')}]`
      : `{${Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${JSON.stringify(k)}:${keyText(v)}`)
          .join(',')}}`;

/** What must agree: errors by name and message; results whole, but in key order where DynamoDB promises none. */
function comparable(operation: string, answer: Answer): unknown {
  const status = answer.status;
  const body = numbersByValue(answer.body) as Record<string, unknown>;
  if (status !== 200) {
    const type = String(body.__type ?? '').split('#').pop();
    // Which two overlapping paths DynamoDB Local names depends on its internals (it can name two that do not overlap); that they overlap is what counts.
    const message = String(body.message ?? body.Message).replace(/(Two document paths overlap with each other; must remove or rewrite one of these paths;).*/, '$1');
    return { status, type, message, reasons: body.CancellationReasons, item: body.Item };
  }
  const { ConsumedCapacity: _c, ...rest } = body;
  if (operation === 'Scan' && Array.isArray(rest.Items)) return { ...rest, Items: [...rest.Items].sort((a, b) => (keyText(a) < keyText(b) ? -1 : 1)) };
  if (operation === 'BatchGetItem') {
    const responses = rest.Responses as Record<string, unknown[]>;
    return { ...rest, Responses: Object.fromEntries(Object.entries(responses).map(([t, items]) => [t, [...items].sort((a, b) => (keyText(a) < keyText(b) ? -1 : 1))])) };
  }
  if (operation === 'CreateTable' || operation === 'UpdateTimeToLive' || operation === 'DeleteTable') return { status };
  return rest;
}

async function contents(send: (r: Request) => Promise<Answer>, table: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let start: unknown;
  do {
    const page = await send(['Scan', { TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }]);
    expect(page.status).toBe(200);
    items.push(...(page.body.Items as unknown[]));
    start = page.body.LastEvaluatedKey;
  } while (start);
  return (numbersByValue(items) as unknown[]).sort((a, b) => (keyText(a) < keyText(b) ? -1 : 1));
}

let sequence = 0;
let operations = 0;

describe('the embedded store against DynamoDB Local', () => {
  const endpoint = inject('dynamodbEndpoint');
  const local = (r: Request): Promise<Answer> => dynamoDbLocal(endpoint, r);

  it(`answers ${SEQUENCES} random sequences of ${SEQUENCE_LENGTH} requests exactly as DynamoDB Local does, and ends with the same tables`, async () => {
    const tablesOf = (n: number): Tables => ({ cases: `diff-${n}-cases`, numbers: `diff-${n}-numbers`, binary: `diff-${n}-binary` });
    const template = tablesOf(0);
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary(template), { minLength: SEQUENCE_LENGTH, maxLength: SEQUENCE_LENGTH }), async (requests) => {
        const tables = tablesOf(++sequence);
        // The arbitraries name the template's tables; each sequence gets fresh ones.
        const rename = (r: Request): Request => JSON.parse(JSON.stringify(r).replaceAll('diff-0-', `diff-${sequence}-`)) as Request;
        for (const r of tableDefinitions(tables)) {
          const [a, b] = [await local(r), await embeddedStore(r)];
          expect(comparable(r[0], b), JSON.stringify(r)).toEqual(comparable(r[0], a));
        }
        try {
          for (const request of requests.map(rename)) {
            const expected = comparable(request[0], await local(request));
            const actual = comparable(request[0], await embeddedStore(request));
            operations++;
            expect(actual, `${request[0]} ${JSON.stringify(request[1]).slice(0, 2000)}`).toEqual(expected);
          }
          for (const table of Object.values(tables)) expect(await contents(embeddedStore, table)).toEqual(await contents(local, table));
        } finally {
          for (const table of Object.values(tables)) {
            await local(['DeleteTable', { TableName: table }]);
            await embeddedStore(['DeleteTable', { TableName: table }]);
          }
        }
      }),
      { numRuns: SEQUENCES, seed: SEED, endOnFailure: true },
    );
    expect(operations).toBeGreaterThanOrEqual(SEQUENCES * SEQUENCE_LENGTH);
  }, 120_000);
});

describe('the embedded store against DynamoDB Local: validation errors inside and outside transactions', () => {
  const endpoint = inject('dynamodbEndpoint');
  const local = (r: Request): Promise<Answer> => dynamoDbLocal(endpoint, r);
  const tables: Tables = { cases: 'diff-v-cases', numbers: 'diff-v-numbers', binary: 'diff-v-binary' };
  const both = async (r: Request): Promise<[unknown, unknown]> => [comparable(r[0], await local(r)), comparable(r[0], await embeddedStore(r))];

  it('answers each case as DynamoDB Local does (cancellation reasons per action, the ExpressionAttributeValues wrapper)', async () => {
    for (const r of tableDefinitions(tables)) await both(r);
    try {
      for (const request of validationCases(tables)) {
        const [expected, actual] = await both(request);
        expect(actual, JSON.stringify(request).slice(0, 300)).toEqual(expected);
        expect(actual).toMatchObject({ status: 400 });
      }
      expect(await contents(embeddedStore, tables.cases)).toEqual(await contents(local, tables.cases));
    } finally {
      for (const table of Object.values(tables)) {
        await local(['DeleteTable', { TableName: table }]);
        await embeddedStore(['DeleteTable', { TableName: table }]);
      }
    }
  });

  /*
   * Where DynamoDB Local answers a plain ValidationException and DynamoDB cancels the transaction
   * (captured against DynamoDB: a transacted Put missing a key attribute is cancelled with
   * "One or more parameter values were invalid: Missing the key sk in the item"; a transacted
   * Update past 400 KB with "Item size to update has exceeded the maximum allowed size"), the
   * embedded store answers as DynamoDB; DynamoDB Local's answer is asserted too, so a change in it shows.
   */
  it('cancels a transaction for a Put missing a key attribute and for an Update past 400 KB, as DynamoDB does and DynamoDB Local does not', async () => {
    const t: Tables = { cases: 'diff-w-cases', numbers: 'diff-w-numbers', binary: 'diff-w-binary' };
    for (const r of tableDefinitions(t)) await both(r);
    const ok = { Put: { TableName: t.cases, Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } } } };
    const cases: [Request, string, string][] = [
      [['TransactWriteItems', { TransactItems: [ok, { Put: { TableName: t.cases, Item: { pk: { S: 'CASE#2' } } } }] }], 'One or more parameter values were invalid: Missing the key sk in the item', 'One of the required keys was not given a value'],
      [
        ['TransactWriteItems', { TransactItems: [ok, { Update: { TableName: t.cases, Key: { pk: { S: 'CASE#2' }, sk: { S: 'CASE' } }, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { S: 'x'.repeat(410 * 1024) } } } }] }],
        'Item size to update has exceeded the maximum allowed size',
        'Item size to update has exceeded the maximum allowed size',
      ],
    ];
    try {
      for (const [request, reason, localMessage] of cases) {
        const [dynamoDbLocalAnswer, embeddedAnswer] = await both(request);
        expect(embeddedAnswer).toEqual({
          status: 400,
          type: 'TransactionCanceledException',
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]',
          reasons: [{ Code: 'None' }, { Code: 'ValidationError', Message: reason }],
          item: undefined,
        });
        expect(dynamoDbLocalAnswer).toMatchObject({ status: 400, type: 'ValidationException', message: localMessage });
      }
      // Nothing of a cancelled transaction is written.
      expect(await contents(embeddedStore, t.cases)).toEqual([]);
    } finally {
      for (const table of Object.values(t)) {
        await local(['DeleteTable', { TableName: table }]);
        await embeddedStore(['DeleteTable', { TableName: table }]);
      }
    }
  });
});
