/**
 * The policy's `carriers` (service-standards.md §12; seed §2.4.4 l.296: "默认使用发货速度最快的顺丰,
 * 并且对宝贝进行保价。如果顺丰不到的地方则使用EMS邮政速递"): the shipped list, the default when the
 * file has none, and each mistake named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyInvalid } from '../../policy/errors.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../policy/load.ts';

type Doc = Record<string, unknown> & { carriers?: unknown };
const shipped = (): Doc => JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc;

function problems(doc: Doc): readonly string[] {
  try {
    parsePolicy(doc, 'edited.json');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalid);
    return (error as PolicyInvalid).problems;
  }
}

describe('policy carriers', () => {
  it('ships SF (顺丰) as the insured default and EMS for where SF does not deliver', () => {
    expect(getDefaultPolicy().carriers.map((c) => [c.id, c.label.zh, c.default, c.insured])).toEqual([
      ['SF', '顺丰速运', true, true],
      ['EMS', 'EMS 邮政速递', false, false],
    ]);
  });

  it('uses the seed\'s carriers when a policy file has no "carriers"', () => {
    const doc = shipped();
    delete doc.carriers;
    expect(parsePolicy(doc).carriers.map((c) => `${c.id}:${String(c.default)}:${String(c.insured)}`)).toEqual(['SF:true:true', 'EMS:false:false']);
  });

  it('refuses a list without exactly one default, naming carriers', () => {
    const doc = shipped();
    doc.carriers = [{ id: 'SF', label: { zh: '顺丰', en: 'SF' }, default: true }, { id: 'EMS', label: { zh: 'EMS', en: 'EMS' }, default: true }];
    expect(problems(doc)).toEqual(['carriers: exactly one carrier must be "default": true (found 2)']);
  });

  it('refuses a carrier listed twice and a carrier without its Chinese name, naming the entry', () => {
    const doc = shipped();
    doc.carriers = [{ id: 'SF', label: { zh: '顺丰', en: 'SF' }, default: true }, { id: 'SF', label: { zh: '', en: 'SF again' } }];
    expect(problems(doc)).toEqual(['carriers[1].label.zh: expected the Chinese name', 'carriers[1].id: "SF" is listed twice']);
  });
});
