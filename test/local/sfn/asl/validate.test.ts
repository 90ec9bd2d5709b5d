import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../../local/sfn/asl/validate.ts';

const machine = (state: object, extra: object = {}) => JSON.stringify({ StartAt: 'S', States: { S: state }, ...extra });

describe('validateDefinition', () => {
  it('accepts a JSONata machine with Arguments, Output and Assign', () => {
    expect(validateDefinition(machine({ Type: 'Pass', Output: '{% $states.input %}', Assign: { x: 1 }, End: true }, { QueryLanguage: 'JSONata' })).StartAt).toBe('S');
  });

  it.each([
    ['not JSON', '{', 'INVALID_JSON_DESCRIPTION'],
    ['an unknown field', machine({ Type: 'Pass', Foo: 1, End: true }), 'The field "Foo" is not supported by Step Functions at /States/S'],
    ['a JSONPath field in a JSONata state', machine({ Type: 'Pass', InputPath: '$.a', End: true }, { QueryLanguage: 'JSONata' }), 'The field "InputPath" is not supported for JSONata states at /States/S'],
    ['a JSONata field in a JSONPath state', machine({ Type: 'Pass', Output: 1, End: true }), 'The field "Output" is only supported for JSONata states'],
    ['a broken JSONata expression', machine({ Type: 'Pass', Output: '{% $states.input. %}', End: true }, { QueryLanguage: 'JSONata' }), 'at /States/S/Output'],
    ['an unsupported resource', machine({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }), 'at /States/S/Resource'],
    ['an unknown intrinsic', machine({ Type: 'Pass', Parameters: { 'x.$': 'States.Nope(1)' }, End: true }), "'States.Nope' is not supported at /States/S/Parameters/x.$"],
    ['a missing Next target', JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Pass', Next: 'Nowhere' } } }), 'Nowhere'],
  ])('refuses %s', (_what, text, message) => {
    expect(() => validateDefinition(text)).toThrowError(expect.objectContaining({ name: 'InvalidDefinition', message: expect.stringContaining(message) }));
  });
});
