/**
 * Policy validation: the shipped default validates, and each kind of mistake is refused with an
 * error that names the bad field and says what was expected.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyInvalid } from '../../policy/errors.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, loadPolicy, parsePolicy } from '../../policy/load.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test documents are edited freely

function defaultDocument(): Doc {
  return JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc;
}

/** The problems parsePolicy reports for the default document after `edit`. */
function problemsAfter(edit: (doc: Doc) => void): readonly string[] {
  const doc = defaultDocument();
  edit(doc);
  try {
    parsePolicy(doc, 'edited.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalid);
    const invalid = error as PolicyInvalid;
    expect(invalid.source).toBe('edited.json');
    expect(invalid.message).toMatch(/^policy edited\.json is invalid: /);
    return invalid.problems;
  }
  throw new Error('the edited policy was accepted');
}

describe('the shipped default policy', () => {
  it('validates and compiles', () => {
    const policy = compilePolicy(parsePolicy(defaultDocument(), 'default'));
    expect(policy.zone.name).toBe('Asia/Shanghai');
    expect(policy.warnFraction).toBe(0.8);
    expect([...policy.roles.keys()].sort()).toEqual(
      ['complaint-handler', 'crm-admin', 'inventory-admin', 'manager', 'ops-cs', 'picker', 'presales-cs', 'supervisor', 'terminal-admin'],
    );
    expect(policy.escalation.levels.map((l) => l.role)).toEqual(['supervisor', 'manager']);
  });

  it('is what getDefaultPolicy returns, compiled once', () => {
    expect(getDefaultPolicy()).toBe(getDefaultPolicy());
    expect(getDefaultPolicy().steps.size).toBe(loadPolicy().steps.size);
  });

  // service-standards.md §1: supervisor "08:00–20:00 every day", manager "09:00–18:00 on working days".
  it('encodes the spec hours: ops-cs, presales-cs and supervisor 08:00–20:00, manager 09:00–18:00 on working days, the others 09:00–17:00', () => {
    const doc = parsePolicy(defaultDocument());
    for (const [id, role] of Object.entries(doc.roles)) {
      const expected = ['ops-cs', 'presales-cs', 'supervisor'].includes(id) ? { from: 8 * 60, to: 20 * 60 } : id === 'manager' ? { from: 9 * 60, to: 18 * 60 } : { from: 9 * 60, to: 17 * 60 };
      expect(role.shifts, id).toEqual([expected]);
      expect(role.workingDaysOnly, id).toBe(id === 'manager');
    }
    expect(doc.pickup.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
    expect(doc.pickup.batches).toEqual([
      { at: 600, ordersBefore: 540 },
      { at: 780, ordersBefore: 780 },
      { at: 1020, ordersBefore: 1020 },
    ]);
  });
});

describe('mistakes in a policy document', () => {
  it.each<[string, (doc: Doc) => void, RegExp]>([
    ['an unknown top-level key', (d) => { d.timezone = 'UTC'; }, /^unknown field\(s\) "timezone"$/],
    ['an unknown key in a role', (d) => { d.roles['ops-cs'].shift = []; }, /^roles\["ops-cs"\]: unknown field\(s\) "shift"$/],
    ['an unknown key in a step rule', (d) => { d.steps['order.pack'].rule.mins = 5; }, /^steps\["order\.pack"\]\.rule: unknown field\(s\) "mins"$/],
    ['a shift starting at "25:00"', (d) => { d.roles['ops-cs'].shifts[0].from = '25:00'; }, /^roles\["ops-cs"\]\.shifts\[0\]\.from: expected a time "HH:MM" between 00:00 and 24:00, got "25:00"$/],
    ['a batch time "9:00" without its leading zero', (d) => { d.pickup.batches[0].at = '9:00'; }, /^pickup\.batches\[0\]\.at: expected a time "HH:MM".*got "9:00"$/],
    ['a shift that starts and ends at the same time', (d) => { d.roles.picker.shifts[0].to = '09:00'; }, /^roles\.picker\.shifts\[0\]: a shift must not start and end at the same time/],
    ['an escalation level that is no role', (d) => { d.escalation = { levels: ['supervisor', 'boss'] }; }, /^escalation\.levels\[1\]: unknown role "boss"/],
    ['a role listed twice as an escalation level', (d) => { d.escalation = { levels: ['supervisor', 'supervisor'] }; }, /^escalation\.levels: each role may be one escalation level only$/],
    ['a shift starting at 24:00', (d) => { d.roles.picker.shifts[0].from = '24:00'; }, /^roles\.picker\.shifts\[0\]\.from: a shift cannot start at 24:00$/],
    ['an impossible holiday date', (d) => { d.workingDays.holidays = [{ date: '2027-02-30', name: 'x' }]; }, /^workingDays\.holidays\[0\]\.date: expected a real date "YYYY-MM-DD", got "2027-02-30"$/],
    ['a badly written exception date', (d) => { d.roles.picker.exceptions = [{ date: '2026/10/01', shifts: [] }]; }, /^roles\.picker\.exceptions\[0\]\.date: expected a real date/],
    ['an unknown role on a step', (d) => { d.steps['order.review'].role = 'ops'; }, /^steps\["order\.review"\]\.role: unknown role "ops" \(roles: .*ops-cs.*automatic\)$/],
    ['a business-time rule on an automatic step', (d) => { d.steps['order.pickup'].rule = { kind: 'business-minutes', minutes: 30 }; }, /^steps\["order\.pickup"\]\.rule\.kind: rule "business-minutes" counts a role's on-duty time, so the step needs a role, not "automatic"$/],
    ['a business-time case of a by-fact rule on an automatic step', (d) => { d.steps['refund.settle'].rule.cases.alipay = { kind: 'on-duty-day-by', at: '17:00' }; }, /^steps\["refund\.settle"\]\.rule\.cases\.alipay\.kind: rule "on-duty-day-by"/],
    ['pickup batches out of order', (d) => { d.pickup.batches.reverse(); }, /^pickup\.batches\[1\]\.ordersBefore: batches must be listed with increasing "ordersBefore"$/],
    ['a batch that leaves before its window closes', (d) => { d.pickup.batches[1].at = '12:00'; }, /^pickup\.batches\[1\]\.at: a batch cannot leave before its order window closes/],
    ['warnAt of 1', (d) => { d.warnAt = 1; }, /^warnAt: expected a fraction below 1$/],
    ['warnAt of 1.2', (d) => { d.warnAt = 1.2; }, /^warnAt: expected a fraction below 1$/],
    ['warnAt of 0', (d) => { d.warnAt = 0; }, /^warnAt: expected a fraction above 0$/],
    ['an unknown time zone', (d) => { d.timeZone = 'Asia/Beijing'; }, /^timeZone: expected an IANA time zone such as "Asia\/Shanghai"$/],
    ['zero minutes', (d) => { d.steps['order.review'].rule.minutes = 0; }, /^steps\["order\.review"\]\.rule\.minutes: expected a number above 0$/],
    ['fractional working days', (d) => { d.steps['complaint.callback'].rule.days = 1.5; }, /^steps\["complaint\.callback"\]\.rule\.days: expected a whole number$/],
    ['minutes written as a string', (d) => { d.steps['order.pack'].rule.minutes = '60'; }, /^steps\["order\.pack"\]\.rule\.minutes: expected a number$/],
    ['a bad case of a by-fact rule', (d) => { d.steps['refund.settle'].rule.cases.boc.days = 'ten'; }, /^steps\["refund\.settle"\]\.rule\.cases\.boc\.days: expected a number$/],
    ['a rule that is not an object', (d) => { d.steps['order.pack'].rule = 60; }, /^steps\["order\.pack"\]\.rule: expected a deadline rule object with a "kind"$/],
    ['an unknown rule kind', (d) => { d.steps['order.pack'].rule.kind = 'business-hours'; }, /^steps\["order\.pack"\]\.rule\.kind: expected "kind" to be one of: business-minutes, .*, by-fact, none$/],
    ['an unknown pickup weekday', (d) => { d.pickup.days = ['mon', 'sunday']; }, /^pickup\.days\[1\]: expected a weekday: sun, mon, tue, wed, thu, fri, sat$/],
    ['a role named "automatic"', (d) => { d.roles.automatic = d.roles.picker; }, /^roles\.automatic: "automatic" is reserved/],
    ['a step id without a domain', (d) => { d.steps.review = d.steps['order.review']; }, /^steps\.review: step ids look like "order\.review"$/],
    ['a warning rule of an unknown kind', (d) => { d.steps['order.pack'].warn = { kind: 'percent', value: 80 }; }, /^steps\["order\.pack"\]\.warn\.kind: expected "kind" to be one of: fraction, after-hours, none$/],
    ['a missing version', (d) => { delete d.version; }, /^version: expected version 1$/],
  ])('refuses %s and names the field', (_name, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(problems.some((p) => expected.test(p)), `problems: ${JSON.stringify(problems)}`).toBe(true);
  });
});

describe('policy files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-policy-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid file', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify(defaultDocument()));
    expect(loadPolicy(path).steps.has('order.review')).toBe(true);
  });

  it('names the file and the field of a mistake', () => {
    const path = join(dir, 'bad.json');
    const doc = defaultDocument();
    doc.roles['ops-cs'].shifts[0].to = '25:00';
    writeFileSync(path, JSON.stringify(doc));
    expect(() => loadPolicy(path)).toThrow(PolicyInvalid);
    expect(() => loadPolicy(path)).toThrow(`policy ${path} is invalid: roles["ops-cs"].shifts[0].to: expected a time "HH:MM" between 00:00 and 24:00, got "25:00"`);
  });

  it('says when the file is missing', () => {
    expect(() => loadPolicy(join(dir, 'missing.json'))).toThrow(/missing\.json is invalid: file not found$/);
  });

  it('says when the file is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "version": 1, ');
    expect(() => loadPolicy(path)).toThrow(/broken\.json is invalid: not valid JSON/);
  });
});
