import { DOCS, jsonata, jsonPath, PASS_PROCESSOR, SPEC, type DefinitionCase } from '../table.ts';

const JSONATA_DOC = `${DOCS}/transforming-data.html`;
const VARIABLES_DOC = `${DOCS}/workflow-variables.html`;
const WAIT_DOC = `${DOCS}/state-wait.html`;
const INTRINSICS_DOC = `${DOCS}/intrinsic-functions.html`;
const choiceWith = (condition: unknown): object => ({
  QueryLanguage: 'JSONata',
  StartAt: 'C',
  States: { C: { Type: 'Choice', Choices: [{ Condition: condition, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } },
});
const notRfc3339 = (timestamp: string): DefinitionCase => ({
  name: `a Wait Timestamp '${timestamp}' is refused`,
  source: WAIT_DOC,
  definition: jsonPath('WaitUntil', { Type: 'Wait', Timestamp: timestamp }),
  refused: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'",
});
const illegalEscape = (expr: string): DefinitionCase => ({
  name: `an intrinsic with an illegal escape is refused: ${expr}`,
  source: INTRINSICS_DOC,
  definition: jsonPath('IntrinsicEscape', { Type: 'Pass', Parameters: { 'parsed.$': expr } }),
  refused: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters'",
});

/** Kinds 3 and 5: what CreateStateMachine accepts and refuses. */
export const DEFINITION_CASES: DefinitionCase[] = [
  ...[0, true, null, [], 'text', { a: 1 }].map((literal) => ({
    name: `a JSONata Output given as the literal ${JSON.stringify(literal)} is accepted`,
    source: JSONATA_DOC,
    definition: jsonata('P', { Type: 'Pass', Output: literal }),
  })),
  ...[true, false].map((literal) => ({ name: `a JSONata Condition given as the literal ${literal} is accepted`, source: JSONATA_DOC, definition: choiceWith(literal) })),
  { name: 'a JSONata Assign with a null value is accepted', source: VARIABLES_DOC, definition: jsonata('P', { Type: 'Pass', Assign: { x: null } }) },
  { name: 'a JSONPath Assign with a null value is accepted', source: VARIABLES_DOC, definition: jsonPath('P', { Type: 'Pass', Assign: { x: null } }) },
  { name: 'a string with spaces around {% %} is a plain string, not an invalid expression', source: JSONATA_DOC, definition: jsonata('P', { Type: 'Pass', Output: ' {% $$$ not jsonata %} ' }) },
  { name: 'a JSONata Map Items given as a literal array is accepted', source: `${DOCS}/state-map-inline.html`, definition: jsonata('M', { Type: 'Map', Items: [1, '{% 2 %}'], ItemProcessor: PASS_PROCESSOR }) },
  { name: 'a Wait Timestamp with a numeric offset is accepted', source: WAIT_DOC, definition: jsonPath('WaitUntil', { Type: 'Wait', Timestamp: '2016-12-05T21:29:29+08:00' }) },
  notRfc3339('2016-12-05 21:29:29Z'),
  notRfc3339('2016-12-05T21:29:29'),
  notRfc3339('2016-13-05T21:29:29Z'),
  notRfc3339('2016-12-05T25:29:29Z'),
  notRfc3339('05-12-2016T21:29:29Z'),
  { ...notRfc3339('2016-02-30T00:00:00Z'), source: `${SPEC}#timestamps` },
  illegalEscape('States.StringToJson(\'{"text":"An \\"escaped double quote\\" here"}\')'),
  illegalEscape("States.Format('He said, \\\"Hello, {}!\\\"', 'Test')"),
];
