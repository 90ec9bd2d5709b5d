/**
 * Publishing a policy version (issue 25): validated by the schema `sla check` uses, stored as the
 * next immutable version, applied to this instance at once (others within POLICY_CHECK_MS). With
 * `openSteps: "recompute"` every running step's deadline is recomputed under the new version:
 * moved steps re-arm their SLA timers (the timer names are the step's, so the old ones are
 * replaced) and get a `step.rescheduled` timeline entry naming the version. The default, `keep`,
 * is the spec's rule: open steps keep the deadline they were given.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { policyHash } from '../../core/policy-versions/hash.ts';
import { PolicyVersionConflict, type OpenStepsMode, type PolicyOrigin, type PolicyVersion, type PolicyVersionStore } from '../../core/policy-versions/version.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { Clock } from '../../core/time/clock.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { holidayWarnings } from '../../policy/holiday-check.ts';
import { parsePolicy } from '../../policy/load.ts';
import { readActiveSteps } from './closed-steps.ts';
import type { Log } from './logger.ts';
import type { PolicyCache } from './policy-cache.ts';
import { seedPolicyVersions, type SeedSource } from './policy-seed.ts';
import { recomputeStep } from './step-recompute.ts';
import { armStepTimers } from './step-timers.ts';

export interface PublishDeps {
  policyVersions: PolicyVersionStore;
  repository: CaseRepository;
  timers: TimerScheduler;
  clock: Clock;
  log: Log;
  policyCache?: PolicyCache;
  /** The document version 1 is when the store is still empty (the configured file). */
  seed: () => SeedSource;
}

export interface PublishRequest {
  /** As written (JSON); validated here. */
  document: unknown;
  author: string;
  reason: string;
  source: PolicyOrigin;
  /** Recorded: the version a rollback republishes, or a console edit started from. */
  basedOn?: number;
  /** The version the caller saw in force: another one in force is a `PolicyVersionConflict`. */
  expectedCurrent?: number;
  openSteps: OpenStepsMode;
}

export interface MovedStep {
  caseId: string;
  step: string;
  attempt: number;
  dueBefore: string;
  due: string;
}

export interface PublishResult {
  version: PolicyVersion;
  /** Open steps whose deadline moved (empty under `keep`). */
  moved: MovedStep[];
  /** `sla check`'s warnings (holiday data that looks partial). */
  warnings: string[];
}

/** Throws `PolicyInvalid` (naming each field), `PolicyVersionConflict` (another publish came first, or `basedOn` is not the version in force). */
export async function publishPolicy(deps: PublishDeps, request: PublishRequest): Promise<PublishResult> {
  const document = parsePolicy(request.document, 'document');
  const compiled = compilePolicy(document);
  let current = await deps.policyVersions.currentVersion();
  if (current === undefined) current = (await seedPolicyVersions(deps.policyVersions, deps.seed(), deps.clock))?.version;
  if (request.expectedCurrent !== undefined && current !== undefined && request.expectedCurrent !== current) throw new PolicyVersionConflict(current);
  const version = await deps.policyVersions.append(current, {
    // As written: the schema's output has dates and times as numbers, which it would refuse as input.
    document: request.document as Record<string, unknown>,
    author: request.author,
    createdAt: toInstant(deps.clock.now()),
    reason: request.reason,
    source: request.source,
    ...(request.basedOn !== undefined ? { basedOn: request.basedOn } : {}),
    openSteps: request.openSteps,
    hash: policyHash(request.document),
  });
  await deps.policyCache?.refresh(true);
  const moved = request.openSteps === 'recompute' ? await recomputeOpenSteps(deps, compiled, version) : [];
  deps.log.info('policy version published', { version: version.version, author: version.author, openSteps: version.openSteps, moved: moved.length });
  return { version, moved, warnings: holidayWarnings(document) };
}

async function recomputeOpenSteps(deps: PublishDeps, policy: CompiledPolicy, version: PolicyVersion): Promise<MovedStep[]> {
  const active = await readActiveSteps({ repository: deps.repository, policy });
  const seen = new Set<string>();
  const steps: StepRecord[] = [];
  for (const step of [...active.queues.values(), ...active.awaiting.values()].flat()) {
    const key = `${step.caseId}#${step.step}#${step.attempt}`;
    if (!seen.has(key)) steps.push(step);
    seen.add(key);
  }
  const moved: MovedStep[] = [];
  for (const step of steps) {
    // A paused step is recomputed when it resumes; a breached one has breached.
    if (step.pausedNow || step.breachedAt !== undefined || step.due === undefined) continue;
    const view = await deps.repository.getCase(step.caseId);
    const outcome = recomputeStep(policy, step, view.timeline, deps.clock.now());
    if (outcome.kind !== 'deadline' || outcome.due === step.due) continue;
    const selector = { caseId: step.caseId, step: step.step, attempt: step.attempt };
    const result = await deps.repository.rescheduleStep(selector, { due: outcome.due, ...(outcome.warnAt !== undefined ? { warnAt: outcome.warnAt } : {}), provisional: outcome.provisional });
    if (!result.changed) continue;
    await armStepTimers(deps, result.step);
    await deps.repository.appendTimeline(step.caseId, {
      id: `step.rescheduled#${step.step}#${step.attempt}#v${version.version}`,
      at: toInstant(deps.clock.now()),
      kind: 'step.rescheduled',
      step: step.step,
      by: version.author,
      detail: { attempt: step.attempt, policyVersion: version.version, dueBefore: step.due, due: outcome.due, reason: version.reason },
    });
    moved.push({ ...selector, dueBefore: step.due, due: outcome.due });
  }
  return moved;
}
