import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../functions/shared/config.ts';
import { createDependencies } from '../../../functions/shared/dependencies.ts';
import { MissingConfiguration } from '../../../functions/shared/errors.ts';
import { FakeEventPublisher } from '../../support/fakes.ts';

describe('function configuration', () => {
  it('reads resource names under the environment names of the manifest ids', () => {
    const config = readConfig({ TABLE_CASES: 'sla-platform-cases', BUS_EVENTS: 'sla-platform-events', WORKFLOW_ORDER_ARN: 'arn:order', FUNCTION_SLA_TIMER_ARN: 'arn:timer' });
    expect([config.tableName('cases'), config.busName('events'), config.workflowArn('order'), config.functionArn('sla-timer')]).toEqual([
      'sla-platform-cases',
      'sla-platform-events',
      'arn:order',
      'arn:timer',
    ]);
    expect(config.policyPath()).toBeUndefined();
  });

  it('fails loudly, naming the variable, when one is missing or blank', () => {
    const config = readConfig({ BUS_EVENTS: ' ' });
    expect(() => config.tableName('cases')).toThrow(MissingConfiguration);
    expect(() => config.tableName('cases')).toThrow(/TABLE_CASES/);
    expect(() => config.busName('events')).toThrow(/BUS_EVENTS/);
    expect(() => config.timerScheduleGroup()).toThrow(/TIMER_SCHEDULE_GROUP/);
  });

  it('builds each dependency on first use, so an unused resource needs no variable', () => {
    const events = new FakeEventPublisher();
    const deps = createDependencies(readConfig({}), { events });
    expect(deps.events).toBe(events);
    expect(deps.policy.steps.has('order.review')).toBe(true);
    expect(() => deps.repository).toThrow(/TABLE_CASES/);
    expect(() => deps.timers).toThrow(/TIMER_SCHEDULE_GROUP/);
  });

  it('builds a dependency once', () => {
    const deps = createDependencies(readConfig({ TABLE_CASES: 't', AWS_REGION: 'us-east-1' }));
    expect(deps.repository).toBe(deps.repository);
  });
});
