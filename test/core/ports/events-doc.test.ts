import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domainEvent, eventSchemas } from '../../../core/ports/event-schemas.ts';
import { renderEventsDoc } from '../../../core/ports/events-doc.ts';
import { DetailType } from '../../../core/ports/events.ts';

const DOC = new URL('../../../docs/events.md', import.meta.url);

describe('docs/events.md', () => {
  it('is generated from the event schemas (UPDATE_EVENTS_DOC=1 rewrites it)', () => {
    const rendered = renderEventsDoc();
    if (process.env.UPDATE_EVENTS_DOC === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('documents every detail-type with a schema', () => {
    expect(Object.keys(eventSchemas).sort()).toEqual(Object.values(DetailType).sort());
    for (const type of Object.values(DetailType)) expect(renderEventsDoc()).toContain(`## ${type}\n`);
  });
});

describe('domainEvent', () => {
  it('checks the detail against its schema', () => {
    expect(() =>
      domainEvent(DetailType.SlaBreached, {
        scope: 'step',
        caseId: 'c',
        caseType: 'order',
        step: 'order.review',
        attempt: 1,
        role: 'ops-cs',
        due: 'not a time',
        breachedAt: '2025-03-03T02:30:00.000Z',
      }),
    ).toThrow(/due/);
  });

  it('refuses fields a schema does not declare', () => {
    const detail = { caseId: 'c', channel: 'alipay', requestedAt: '2025-03-03T02:30:00.000Z', extra: 1 };
    expect(() => domainEvent(DetailType.RefundRequested, detail as never)).toThrow();
  });
});
