import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, lambdas, outputOf } from '../harness.ts';
import { CAUSE_CASES } from './cases/causes.ts';
import { DEFINITION_CASES } from './cases/definitions.ts';
import { ERROR_NAME_CASES } from './cases/error-names.ts';
import { INTRINSIC_CASES } from './cases/intrinsics.ts';
import { JSONATA_FUNCTION_CASES } from './cases/jsonata-functions.ts';
import { PAYLOAD_LIMIT_CASES } from './cases/payload-limits.ts';
import { RUNTIME_VALUE_CASES } from './cases/runtime-values.ts';
import type { ExecutionCase } from './table.ts';

/** Runs a row on the table's in-memory emulator and compares what DescribeExecution shows with what AWS shows. */
async function check(h: Harness, row: ExecutionCase): Promise<void> {
  const described = await h.run(row.definition, row.input ?? {}, row.advanceMs ?? 0);
  const { expect: want } = row;
  expect(described.status).toBe(want.status);
  if (want.output !== undefined) expect(outputOf(described)).toEqual(want.output);
  for (const field of ['error', 'cause'] as const) {
    if (want[field] === null) expect(described).not.toHaveProperty(field);
    else if (want[field] !== undefined) expect(described[field]).toBe(want[field]);
  }
}

const tables: [string, ExecutionCase[]][] = [
  ['error names (kind 1)', ERROR_NAME_CASES],
  ['causes (kind 2)', CAUSE_CASES],
  ['intrinsic functions (kind 3)', INTRINSIC_CASES],
  ['JSONata functions (kind 4)', JSONATA_FUNCTION_CASES],
  ['context object, DescribeExecution, numbers as strings, no leaks (kinds 7-10)', RUNTIME_VALUE_CASES],
  ['payload limits (kind 11)', PAYLOAD_LIMIT_CASES],
];

describe('sfn-local agrees with AWS', () => {
  for (const [title, rows] of tables) {
    describe(title, () => {
      // One emulator per table (each row is its own machine and execution); its Lambda functions are every row's.
      const handlers: Record<string, (payload: Json) => Json> = Object.assign({}, ...rows.map((row) => row.lambdas ?? {}));
      const h = new Harness(lambdas(handlers));
      it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => check(h, row));
    });
  }

  describe('definition validation (kinds 3 and 5)', () => {
    it.each(DEFINITION_CASES.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
      const h = new Harness();
      const created = h.createMachine(row.definition);
      if (row.refused === undefined) await expect(created).resolves.toMatch(/^arn:aws:states:/);
      else await expect(created).rejects.toMatchObject({ name: 'InvalidDefinition', message: row.refused });
    });
  });

  it('cites an AWS documentation page or the ASL spec for every row', () => {
    const all = [...tables.flatMap(([, rows]) => rows), ...DEFINITION_CASES];
    for (const row of all) expect(row.source, row.name).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/step-functions\/|states-language\.net\/)/);
  });
});
