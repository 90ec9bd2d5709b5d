/**
 * The event-pattern matcher against the examples of the EventBridge documentation:
 * - Content filtering: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 * - Comparison operators: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 * - Event patterns (EC2 example, arrays, null and empty values):
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * Patterns are the documentation's; the non-matching events are the documented edge of each rule.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError, testEventPattern, type JsonValue } from '../../../local/eventbridge/pattern/index.ts';

const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

const withDetail = (detail: Record<string, JsonValue>): JsonValue => ({ ...ec2Event, detail });

interface Case {
  name: string;
  pattern: JsonValue;
  event: JsonValue;
  matches: boolean;
}

const cases: Case[] = [
  // Event patterns page: the EC2 instance-termination pattern.
  { name: 'exact source, detail-type and detail.state', pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } }, event: ec2Event, matches: true },
  { name: 'exact detail.state differs', pattern: { source: ['aws.ec2'], detail: { state: ['running'] } }, event: ec2Event, matches: false },
  { name: 'array of values is OR', pattern: { detail: { state: ['running', 'terminated'] } }, event: ec2Event, matches: true },
  { name: 'exact matching is case-sensitive', pattern: { source: ['AWS.EC2'] }, event: ec2Event, matches: false },
  // Arrays page: the event's resources array matches if any element is in the pattern's array.
  {
    name: 'event array intersects pattern array',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'] },
    event: ec2Event,
    matches: true,
  },
  { name: 'event array without common element', pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] }, event: ec2Event, matches: false },
  // Null and empty values.
  { name: 'null matches a null value', pattern: { detail: { responseElements: [null] } }, event: withDetail({ responseElements: null }), matches: true },
  { name: 'null does not match a missing field', pattern: { detail: { responseElements: [null] } }, event: withDetail({}), matches: false },
  { name: 'empty string matches an empty string', pattern: { detail: { eventVersion: [''] } }, event: withDetail({ eventVersion: '' }), matches: true },
  { name: 'numbers match numerically', pattern: { detail: { Price: [100] } }, event: withDetail({ Price: 100.0 }), matches: true },
  { name: 'a number does not match its string', pattern: { detail: { Price: [100] } }, event: withDetail({ Price: '100' }), matches: false },
  { name: 'booleans', pattern: { detail: { enabled: [true] } }, event: withDetail({ enabled: true }), matches: true },
  // Prefix matching: "time" starting with "2017-10-02".
  { name: 'prefix', pattern: { time: [{ prefix: '2017-10-02' }] }, event: { ...ec2Event, time: '2017-10-02T18:43:48Z' }, matches: true },
  { name: 'prefix does not match', pattern: { time: [{ prefix: '2017-10-02' }] }, event: ec2Event, matches: false },
  { name: 'prefix with equals-ignore-case', pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, event: withDetail({ service: 'eventbridge' }), matches: true },
  { name: 'prefix with equals-ignore-case, other prefix', pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, event: withDetail({ service: 'events' }), matches: false },
  // Suffix matching: FileName ending with ".png".
  { name: 'suffix', pattern: { detail: { FileName: [{ suffix: '.png' }] } }, event: withDetail({ FileName: 'image.png' }), matches: true },
  { name: 'suffix is case-sensitive', pattern: { detail: { FileName: [{ suffix: '.png' }] } }, event: withDetail({ FileName: 'image.PNG' }), matches: false },
  { name: 'suffix with equals-ignore-case', pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, event: withDetail({ FileName: 'image.PNG' }), matches: true },
  // Anything-but matching.
  { name: 'anything-but string', pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } }, event: withDetail({ state: 'running' }), matches: true },
  { name: 'anything-but string, excluded value', pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } }, event: withDetail({ state: 'initializing' }), matches: false },
  { name: 'anything-but number', pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, event: withDetail({ 'x-limit': 456 }), matches: true },
  { name: 'anything-but number, excluded value', pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, event: withDetail({ 'x-limit': 123 }), matches: false },
  { name: 'anything-but list of strings', pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, event: withDetail({ state: 'stopped' }), matches: false },
  { name: 'anything-but list of strings, other value', pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, event: withDetail({ state: 'pending' }), matches: true },
  { name: 'anything-but list of numbers', pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, event: withDetail({ 'x-limit': 200 }), matches: false },
  { name: 'anything-but prefix', pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, event: withDetail({ state: 'initializing' }), matches: false },
  { name: 'anything-but prefix, other value', pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, event: withDetail({ state: 'running' }), matches: true },
  { name: 'anything-but suffix', pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } }, event: withDetail({ FileName: 'notes.txt' }), matches: false },
  { name: 'anything-but equals-ignore-case', pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } }, event: withDetail({ state: 'INITIALIZING' }), matches: false },
  { name: 'anything-but wildcard', pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, event: withDetail({ FilePath: 'src/lib/index.js' }), matches: false },
  { name: 'anything-but wildcard, other path', pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, event: withDetail({ FilePath: 'src/app/index.js' }), matches: true },
  { name: 'anything-but needs the field', pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } }, event: withDetail({}), matches: false },
  // Numeric matching: the documentation's c-count / d-count / x-limit example.
  {
    name: 'numeric ranges and equality',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } },
    event: withDetail({ 'c-count': 5, 'd-count': 7, 'x-limit': 301.8 }),
    matches: true,
  },
  { name: 'numeric out of range', pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, event: withDetail({ 'c-count': 6 }), matches: false },
  { name: 'numeric lower bound is exclusive', pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, event: withDetail({ 'c-count': 0 }), matches: false },
  { name: 'numeric ignores strings', pattern: { detail: { 'c-count': [{ numeric: ['>', 0] }] } }, event: withDetail({ 'c-count': '3' }), matches: false },
  // IP address matching.
  { name: 'cidr', pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, event: withDetail({ 'source-ip': '10.0.0.255' }), matches: true },
  { name: 'cidr outside the block', pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, event: withDetail({ 'source-ip': '10.0.1.1' }), matches: false },
  // Exists matching.
  { name: 'exists true', pattern: { detail: { state: [{ exists: true }] } }, event: ec2Event, matches: true },
  { name: 'exists true on a missing field', pattern: { detail: { state: [{ exists: true }] } }, event: withDetail({}), matches: false },
  { name: 'exists false on a missing field', pattern: { detail: { 'c-count': [{ exists: false }] } }, event: ec2Event, matches: true },
  { name: 'exists false on a present field', pattern: { detail: { state: [{ exists: false }] } }, event: ec2Event, matches: false },
  { name: 'exists only looks at leaves', pattern: { detail: { state: [{ exists: true }] } }, event: withDetail({ state: { name: 'x' } }), matches: false },
  // Equals-ignore-case matching.
  { name: 'equals-ignore-case', pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] }, event: ec2Event, matches: true },
  { name: 'equals-ignore-case, different text', pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance launch' }] }, event: ec2Event, matches: false },
  // Wildcard matching.
  { name: 'wildcard', pattern: { detail: { FileName: [{ wildcard: 'dir/*.png' }] } }, event: withDetail({ FileName: 'dir/dir/dir/dir/dir/doc.png' }), matches: true },
  { name: 'wildcard, other extension', pattern: { detail: { FileName: [{ wildcard: 'dir/*.png' }] } }, event: withDetail({ FileName: 'dir/doc.jpg' }), matches: false },
  { name: 'wildcard in an ARN', pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] }, event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' }, matches: true },
  { name: 'escaped star is literal', pattern: { name: [{ wildcard: 'a\\*b' }] }, event: { name: 'a*b' }, matches: true },
  { name: 'escaped star does not match other text', pattern: { name: [{ wildcard: 'a\\*b' }] }, event: { name: 'axb' }, matches: false },
  // $or matching.
  {
    name: '$or across fields',
    pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ numeric: ['=', 3.018e2] }] }] } },
    event: withDetail({ 'c-count': 20, 'd-count': 3 }),
    matches: true,
  },
  {
    name: '$or with no branch matching',
    pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }] } },
    event: withDetail({ 'c-count': 20, 'd-count': 30 }),
    matches: false,
  },
  {
    name: '$or at the top level with other fields (AND)',
    pattern: { source: ['aws.ec2'], $or: [{ 'detail-type': ['EC2 Instance State-change Notification'] }, { 'detail-type': ['EC2 Instance Launch Successful'] }] },
    event: ec2Event,
    matches: true,
  },
  // Arrays of objects in the event are flattened.
  { name: 'nested objects inside an event array', pattern: { detail: { items: { sku: ['B-2'] } } }, event: withDetail({ items: [{ sku: 'A-1' }, { sku: 'B-2' }] }), matches: true },
];

describe('event pattern matching (EventBridge documentation examples)', () => {
  it.each(cases)('$name → $matches', ({ pattern, event, matches }) => {
    expect(testEventPattern(pattern, event)).toBe(matches);
  });
});

describe('event pattern validation', () => {
  const invalid: [string, string][] = [
    ['not JSON', '{source: aws.ec2}'],
    ['not an object', '["aws.ec2"]'],
    ['a bare string leaf', '{"source": "aws.ec2"}'],
    ['an empty array', '{"source": []}'],
    ['an empty object', '{"detail": {}}'],
    ['an unknown filter', '{"source": [{"contains": "ec2"}]}'],
    ['numeric with a bad operator', '{"n": [{"numeric": ["!=", 1]}]}'],
    ['numeric range in the wrong order', '{"n": [{"numeric": ["<", 5, ">", 1]}]}'],
    ['exists that is not boolean', '{"n": [{"exists": "yes"}]}'],
    ['consecutive wildcards', '{"f": [{"wildcard": "a**b"}]}'],
    ['$or with one branch', '{"$or": [{"a": [1]}]}'],
    ['prefix that is not a string', '{"a": [{"prefix": 1}]}'],
    ['a cidr that is not a block', '{"ip": [{"cidr": "10.0.0.0/40"}]}'],
    ['anything-but of mixed types', '{"a": [{"anything-but": ["x", 1]}]}'],
  ];
  it.each(invalid)('refuses %s with InvalidEventPatternError naming the problem', (_name, pattern) => {
    expect(() => compilePattern(pattern)).toThrow(InvalidEventPatternError);
    expect(() => compilePattern(pattern)).toThrow(/Event pattern is not valid/);
  });

  it('names the offending path', () => {
    expect(() => compilePattern('{"detail": {"state": [{"prefix": 1}]}}')).toThrow(/detail\.state: prefix match pattern must be a string/);
  });
});
