import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbPolicyStore } from '../../../adapters/policy-store/dynamodb-policy-store.ts';
import { casesTable } from '../../../adapters/case-repository/table.ts';
import { DynamoDbCaseRepository } from '../../../adapters/case-repository/dynamodb-case-repository.ts';
import { TimerKind } from '../../../core/ports/timers.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { PolicyCache } from '../../../functions/shared/policy-cache.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy } from '../../../policy/load.ts';
import { createTestTable, type TestTable } from '../../support/dynamodb.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness, type Harness } from '../harness.ts';
import { staffRig } from './support.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const shipped = (): Doc => JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc;

/** The shipped policy with ops-cs on duty 08:00–22:00 instead of 08:00–20:00. */
function longerOpsCsDay(): Doc {
  const doc = shipped();
  doc.roles['ops-cs'].shifts = [{ from: '08:00', to: '22:00' }];
  return doc;
}

describe('policy versions: stored in the case table, published by the operator, applied without a restart', () => {
  const { fresh } = useHarness();
  let table: TestTable;
  let h: Harness;

  // Each test gets its own table: versions are one partition of it.
  beforeEach(async () => {
    table = await createTestTable(casesTable);
    const base = fresh('2026-12-07T19:50:00+08:00'); // a Monday, 10 minutes before ops-cs goes off duty
    const repository = new DynamoDbCaseRepository({ client: table.client, tableName: table.tableName });
    const policyVersions = new DynamoDbPolicyStore({ client: table.client, tableName: table.tableName });
    const policyCache = new PolicyCache(policyVersions, base.clock, base.policy, base.log);
    h = { ...base, repository, policyVersions, policyCache, get policy() { return policyCache.policy; } } as Harness;
  });
  afterEach(async () => {
    useDependencies(undefined);
    await table.drop();
  });

  it('seeds version 1 from the configured file on the first publish, lists both with who, when and why, and diffs them field by field', async () => {
    const rig = staffRig(h);
    const published = await rig.as('olga', 'operator').post('/policy/versions', { document: longerOpsCsDay(), reason: 'evening cover until 22:00' });
    expect(published.statusCode).toBe(201);
    expect(bodyOf(published)).toMatchObject({ version: { version: 2, author: 'olga', reason: 'evening cover until 22:00', source: 'console', openSteps: 'keep' }, moved: [] });

    const list = bodyOf(await rig.as('li', 'ops-cs').get('/policy/versions')) as { current: number; versions: { version: number; author: string; source: string; createdAt: string }[] };
    expect(list.current).toBe(2);
    expect(list.versions.map((v) => [v.version, v.author, v.source])).toEqual([
      [2, 'olga', 'console'],
      [1, 'system', 'default'],
    ]);
    expect(list.versions[0]?.createdAt).toBe('2026-12-07T11:50:00.000Z');

    const one = bodyOf(await rig.as('li', 'ops-cs').get('/policy/versions/2')) as { document: Doc };
    expect(one.document.roles['ops-cs'].shifts).toEqual([{ from: '08:00', to: '22:00' }]);

    const diff = bodyOf(await rig.as('li', 'ops-cs').get('/policy/versions/2/diff')) as { from: number; to: number; changes: unknown[] };
    expect(diff).toEqual({ from: 1, to: 2, changes: [{ path: 'roles["ops-cs"].shifts[0].to', kind: 'changed', before: '20:00', after: '22:00' }] });
  });

  it('refuses a document the schema refuses with a 400 naming each field, and stores nothing', async () => {
    const rig = staffRig(h);
    const bad = shipped();
    bad.steps['order.review'].rule.minutes = -5;
    bad.roles['ops-cs'].shifts = [{ from: '8 am', to: '20:00' }];
    const response = await rig.as('olga', 'operator').post('/policy/versions', { document: bad, reason: 'typo' });
    expect(response.statusCode).toBe(400);
    const fields = (bodyOf(response).error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['body.document.steps["order.review"].rule.minutes', 'body.document.roles["ops-cs"].shifts[0].from']));
    expect(await h.policyVersions?.currentVersion()).toBeUndefined();
  });

  it('lets only the operator publish', async () => {
    const response = await staffRig(h).as('sam', 'supervisor').post('/policy/versions', { document: shipped(), reason: 'x' });
    expect([response.statusCode, errorOf(response).code]).toEqual([403, 'Forbidden']);
  });

  it('answers 409 when the draft was edited from a version that is no longer in force', async () => {
    const operator = staffRig(h).as('olga', 'operator');
    expect((await operator.post('/policy/versions', { document: longerOpsCsDay(), reason: 'a' })).statusCode).toBe(201);
    const stale = await operator.post('/policy/versions', { document: shipped(), reason: 'b', basedOn: 1 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'PolicyVersionConflict']);
  });

  it('keeps open steps\' deadlines by default (the spec: a change applies to steps opened afterwards), and new steps use the new version at once', async () => {
    const rig = staffRig(h);
    const before = await rig.openCaseWithStep('order.review');
    await rig.as('olga', 'operator').post('/policy/versions', { document: longerOpsCsDay(), reason: 'evening cover' });
    const after = await rig.openCaseWithStep('order.review');
    // 30 minutes of ops-cs time from Monday 19:50: Tuesday 08:20 under 08:00–20:00, Monday 20:20 under 08:00–22:00.
    expect((await h.repository.getStep({ caseId: before, step: 'order.review' })).due).toBe('2026-12-08T00:20:00.000Z');
    expect((await h.repository.getStep({ caseId: after, step: 'order.review' })).due).toBe('2026-12-07T12:20:00.000Z');
  });

  it('recomputes open steps when asked: the deadline moves, the due timer is re-armed, and the timeline names the version', async () => {
    const rig = staffRig(h);
    const caseId = await rig.openCaseWithStep('order.review');
    const published = await rig.as('olga', 'operator').post('/policy/versions', { document: longerOpsCsDay(), reason: 'evening cover', openSteps: 'recompute' });
    expect(bodyOf(published).moved).toEqual([{ caseId, step: 'order.review', attempt: 1, dueBefore: '2026-12-08T00:20:00.000Z', due: '2026-12-07T12:20:00.000Z' }]);
    const step = await h.repository.getStep({ caseId, step: 'order.review' });
    expect(step.due).toBe('2026-12-07T12:20:00.000Z');
    const dueTimer = h.timers.pending(caseId).find((t) => t.payload.kind === TimerKind.due);
    expect(dueTimer?.fireAt).toBe('2026-12-07T12:20:00.000Z');
    const { timeline } = await h.repository.getCase(caseId);
    expect(timeline.find((e) => e.kind === 'step.rescheduled')).toMatchObject({ step: 'order.review', by: 'olga', detail: { policyVersion: 2, dueBefore: '2026-12-08T00:20:00.000Z', due: '2026-12-07T12:20:00.000Z' } });
  });

  it('rolls back by publishing an earlier version\'s document as a new version', async () => {
    const operator = staffRig(h).as('olga', 'operator');
    await operator.post('/policy/versions', { document: longerOpsCsDay(), reason: 'evening cover' });
    expect(h.policy.roles.get('ops-cs')?.calendar.shiftsOnWeekday(1)).not.toEqual(getDefaultPolicy().roles.get('ops-cs')?.calendar.shiftsOnWeekday(1));
    const rollback = await operator.post('/policy/versions', { from: 1, reason: 'evening cover ended' });
    expect(bodyOf(rollback)).toMatchObject({ version: { version: 3, source: 'rollback', basedOn: 1 } });
    const diff = bodyOf(await operator.get('/policy/versions/3/diff', { against: '1' })) as { changes: unknown[] };
    expect(diff.changes).toEqual([]);
    // In force again: ops-cs off duty at 20:00 on a Monday, as shipped.
    expect(h.policy.roles.get('ops-cs')?.calendar.shiftsOnWeekday(1)).toEqual(getDefaultPolicy().roles.get('ops-cs')?.calendar.shiftsOnWeekday(1));
  });

  it('previews a draft without writing: which open steps move and by how much, which breach at once, and the last 7 days\' on-time share under it', async () => {
    const rig = staffRig(h);
    const done = await rig.openCaseWithStep('order.review'); // Monday 19:50
    const open = await rig.openCaseWithStep('order.review');
    await h.clock.advance(15 * 60_000); // 20:05: ops-cs went off duty at 20:00
    await h.repository.completeStep({ caseId: done, step: 'order.review' }, { at: new Date(h.clock.now()).toISOString(), by: 'li', outcome: 'confirmed' });

    const tenMinutes = shipped();
    tenMinutes.steps['order.review'].rule.minutes = 10;
    const response = await rig.as('olga', 'operator').post('/policy/preview', { document: tenMinutes });
    expect(response.statusCode).toBe(200);
    const preview = bodyOf(response) as { summary: Record<string, number>; steps: Record<string, unknown>[]; onTime: Record<string, unknown> };
    // 10 ops-cs minutes from 19:50 end at 20:00, already past at 20:05; the shipped 30 end Tuesday 08:20.
    expect(preview.summary).toMatchObject({ open: 1, moved: 1, earlier: 1, later: 0, breachesAtOnce: 1 });
    expect(preview.steps).toEqual([
      expect.objectContaining({ caseId: open, step: 'order.review', dueBefore: '2026-12-08T00:20:00.000Z', dueAfter: '2026-12-07T12:00:00.000Z', movedMinutes: -740, breachesAtOnce: true }),
    ]);
    // The review done at 20:05 was on time (due Tuesday 08:20) and would have been late under the draft.
    expect(preview.onTime).toEqual({ from: '2026-12-01', to: '2026-12-07', steps: 1, current: 100, draft: 0 });
    expect((await h.repository.getStep({ caseId: open, step: 'order.review' })).due).toBe('2026-12-08T00:20:00.000Z');
    expect(await h.policyVersions?.currentVersion()).toBeUndefined();
  });

  it('names the draft\'s bad fields in a preview too', async () => {
    const bad = shipped();
    bad.pickup.batches[0].at = '25:00';
    const response = await staffRig(h).as('olga', 'operator').post('/policy/preview', { document: bad });
    expect(response.statusCode).toBe(400);
    expect((bodyOf(response).error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['body.document.pickup.batches[0].at']);
  });
});
