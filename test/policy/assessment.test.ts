/**
 * The policy's `assessment` (考核 and 质检, issue 23; docs/people.md): the shipped weights and
 * targets, the defaults when a file has none, and each mistake named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT } from '../../core/people/scorecard/assessment.ts';
import { PolicyInvalid } from '../../policy/errors.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../policy/load.ts';

type Doc = Record<string, unknown>;
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

describe('policy assessment', () => {
  it('ships the issue\'s weights (on-time 40, chat reply 30, satisfaction 20, no breach left open 10) and targets (95 %, 90 %, 4.5, 100 %), 5 + 5 checks a week on 礼貌, 专业, 准确', () => {
    const { assessment } = getDefaultPolicy();
    expect(assessment.weights).toEqual({ stepOnTime: 40, chatReply: 30, satisfaction: 20, noBreachOpen: 10, qa: 0 });
    expect(assessment.targets).toEqual({ stepOnTime: 95, chatReply: 90, satisfaction: 4.5, noBreachOpen: 100, qa: 4 });
    expect(assessment.qa.criteria.map((c) => c.label.zh)).toEqual(['礼貌', '专业', '准确']);
    expect([assessment.qa.closedSteps, assessment.qa.conversations]).toEqual([5, 5]);
    expect(assessment.taobaoServiceHours).toEqual({ from: 480, to: 1380 });
  });

  it('takes the defaults when the file has no assessment, and fills a component the file leaves out', () => {
    const { assessment: _drop, ...rest } = shipped();
    expect(parsePolicy(rest, 'old.json').assessment).toEqual(DEFAULT_ASSESSMENT);
    const partial = parsePolicy({ ...shipped(), assessment: { weights: { qa: 10 } } }, 'partial.json').assessment;
    expect(partial.weights).toEqual({ ...DEFAULT_ASSESSMENT.weights, qa: 10 });
  });

  it('names each mistake: all weights 0, an unknown component, a score criterion twice, service hours backwards', () => {
    const bad = (assessment: unknown) => problems({ ...shipped(), assessment });
    expect(bad({ weights: { stepOnTime: 0, chatReply: 0, satisfaction: 0, noBreachOpen: 0, qa: 0 } })).toEqual(['assessment.weights: give at least one component a weight above 0']);
    expect(bad({ weights: { speed: 10 } })[0]).toMatch(/^assessment\.weights: .*speed/);
    expect(bad({ qa: { criteria: [{ id: 'courtesy', label: { zh: '礼貌', en: 'Courtesy' } }, { id: 'courtesy', label: { zh: '礼貌', en: 'Courtesy' } }] } })).toEqual(['assessment.qa.criteria: criterion ids must be unique']);
    expect(bad({ taobaoServiceHours: { from: '23:00', to: '08:00' } })).toEqual(['assessment.taobaoServiceHours: "from" must be before "to"']);
  });
});
