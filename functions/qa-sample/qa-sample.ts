/**
 * The weekly quality-check draw (质检, issue 23; docs/people.md "Quality checks"): every Monday
 * morning the week before is sampled — per person, the policy's `assessment.qa.closedSteps` of the
 * steps they owned that were completed in it and `conversations` of the conversations they first
 * answered — and the checks land in the supervisor's QA queue (`GET /qa`). A rerun, or the
 * supervisor's `POST /qa/sample`, draws the same sample and adds nothing twice.
 */
import type { CaseRepository } from '../../core/cases/repository.ts';
import { analyzeConversation } from '../../core/chat/conversation.ts';
import type { ConversationStore } from '../../core/chat/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { sampleWeek } from '../../core/people/qa/sample.ts';
import type { QaStore } from '../../core/people/qa/store.ts';
import { mondayOf } from '../../core/people/scorecard/periods.ts';
import type { Clock } from '../../core/time/clock.ts';
import { formatDate, parseDate } from '../../core/time/civil.ts';
import { stepsClosedOn } from '../shared/closed-steps.ts';
import type { Log } from '../shared/logger.ts';

export interface QaSampleDeps {
  repository: Pick<CaseRepository, 'listStepsClosedOn'>;
  conversations: Pick<ConversationStore, 'listByDay'>;
  qa: QaStore;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
}

export interface QaSampleResult {
  /** The sampled week's Monday. */
  week: string;
  /** Checks in the sample. */
  sampled: number;
  /** Of those, the ones not stored before. */
  added: number;
}

/** `week`: a Monday `YYYY-MM-DD`; default the week before the current one (policy zone). */
export function createQaSample(deps: QaSampleDeps): (request?: { week?: string }) => Promise<QaSampleResult> {
  return async (request = {}) => {
    const now = deps.clock.now();
    const monday = request.week !== undefined ? parseDate(request.week) : mondayOf(deps.policy.zone.dayOf(now)) - 7;
    if (monday === undefined) throw new RangeError(`not a date: ${request.week}`);
    const week = formatDate(monday);
    const days = Array.from({ length: 7 }, (_, i) => formatDate(monday + i));
    const steps = (await Promise.all(days.map((day) => stepsClosedOn(deps.repository, day)))).flat();
    const seen = new Set<string>();
    const analyses = [];
    for (const day of days) {
      for (const c of await deps.conversations.listByDay(day)) {
        if (seen.has(c.conversationId)) continue;
        seen.add(c.conversationId);
        const analysis = analyzeConversation(c.messages, deps.policy.chat, now);
        // A conversation belongs to the week of its first customer message.
        const first = analysis.greeting?.askedAt;
        if (first !== undefined && days.includes(formatDate(deps.policy.zone.dayOf(first)))) analyses.push(analysis);
      }
    }
    const { qa } = deps.policy.assessment;
    const items = sampleWeek({ week, seed: qa.seed, closedSteps: qa.closedSteps, conversations: qa.conversations, steps, analyses, sampledAt: new Date(now).toISOString() });
    const added = await deps.qa.addSampled(items);
    deps.log.info('quality checks sampled', { week, sampled: items.length, added });
    return { week, sampled: items.length, added };
  };
}
