import type { Database } from '../../sqlite/database.ts';
import { compilePattern, matchesPattern, type JsonObject, type ObjectMatcher } from '../pattern/index.ts';
import { targetInput } from '../delivery/input.ts';
import type { DeliveryOutbox } from '../delivery/outbox.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../delivery/retry-policy.ts';
import { targetKind, type DeliveryPayload } from '../delivery/targets.ts';
import type { ConfigStore } from '../store/config-store.ts';
import { RuleState, type RuleRecord, type TargetRecord } from '../store/records.ts';

/**
 * Matches events against a bus's enabled pattern rules and commits one outbox delivery per
 * matching target, in one transaction per PutEvents call: once PutEvents answers, every delivery
 * it caused survives kill -9. Patterns compile once per rule revision.
 */
export class EventRouter {
  private readonly compiled = new Map<string, { pattern: string; matcher: ObjectMatcher }>();

  constructor(
    private readonly db: Database,
    private readonly config: ConfigStore,
    private readonly outbox: DeliveryOutbox,
    private readonly defaultRetry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /** Routes events already on `busName`; returns how many deliveries were queued. */
  route(busName: string, events: readonly JsonObject[]): number {
    let queued = 0;
    // A rollback (a full disk) takes back the enqueued deliveries in memory too.
    this.outbox.atomically(() => this.db.transaction(() => {
      for (const rule of this.config.listRules(busName)) {
        if (rule.state === RuleState.DISABLED || rule.eventPattern === undefined) continue;
        const matcher = this.matcherOf(rule, rule.eventPattern);
        const targets = this.config.listTargets(busName, rule.name);
        if (targets.length === 0) continue;
        for (const event of events) {
          if (!matchesPattern(matcher, event)) continue;
          for (const target of targets) {
            this.outbox.enqueue(JSON.stringify(this.payloadOf(rule, target, event)), this.retryPolicyOf(target));
            queued++;
          }
        }
      }
    })());
    return queued;
  }

  private matcherOf(rule: RuleRecord, pattern: string): ObjectMatcher {
    const key = rule.arn;
    const hit = this.compiled.get(key);
    if (hit && hit.pattern === pattern) return hit.matcher;
    const matcher = compilePattern(pattern);
    this.compiled.set(key, { pattern, matcher });
    return matcher;
  }

  private payloadOf(rule: RuleRecord, target: TargetRecord, event: JsonObject): DeliveryPayload {
    return {
      kind: targetKind(target.Arn)!,
      arn: target.Arn,
      ...(target.RoleArn !== undefined ? { roleArn: target.RoleArn } : {}),
      input: targetInput(target, event, { name: rule.name, arn: rule.arn }),
      ...(target.HttpParameters?.HeaderParameters ? { headers: target.HttpParameters.HeaderParameters } : {}),
      ...(target.HttpParameters?.QueryStringParameters ? { query: target.HttpParameters.QueryStringParameters } : {}),
      rule: rule.arn,
      targetId: target.Id,
      eventId: typeof event.id === 'string' ? event.id : '',
    };
  }

  private retryPolicyOf(target: TargetRecord): RetryPolicy {
    return {
      maximumRetryAttempts: target.RetryPolicy?.MaximumRetryAttempts ?? this.defaultRetry.maximumRetryAttempts,
      maximumEventAgeSeconds: target.RetryPolicy?.MaximumEventAgeInSeconds ?? this.defaultRetry.maximumEventAgeSeconds,
    };
  }
}
