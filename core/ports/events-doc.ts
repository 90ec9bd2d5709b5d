/**
 * Renders docs/events.md from the event schemas, so the document cannot drift from the code
 * (test/core/ports/events-doc.test.ts compares them; `UPDATE_EVENTS_DOC=1` rewrites the file).
 */
import { ALARM_DETAIL_TYPES } from '../alarms/alarm.ts';
import { z } from 'zod';
import { eventSchemas } from './event-schemas.ts';
import { NOTICE_TRIGGER_TYPES } from '../notices/triggers.ts';
import { DetailType, EVENT_SOURCE } from './events.ts';
import { TimerKind } from './timers.ts';

export function renderEventsDoc(): string {
  const lines: string[] = [
    '# Events',
    '',
    '<!-- Generated from core/ports/event-schemas.ts by core/ports/events-doc.ts; edit the schemas, then run',
    '     UPDATE_EVENTS_DOC=1 npx vitest run test/core/ports/events-doc.test.ts -->',
    '',
    `Every event goes on the platform's custom bus (manifest bus \`events\`) with \`source\` \`${EVENT_SOURCE}\`, the`,
    'detail-type below as `detail-type`, and `detail` as described by its JSON schema. Instants are ISO-8601 UTC.',
    'Events are delivered at least once: consumers must tolerate repeats. The platform publishes an event',
    'only for a change it made (a repeated timer or request that changes nothing emits nothing).',
    '',
    `Routing: the manifest rule \`alarm-events\` sends ${ALARM_DETAIL_TYPES.map((t) => `\`${t}\``).join(', ')} to`,
    'the notify function, which posts them to the group robots (docs/alarms.md); the stack also sends `SlaBreached` to',
    'the SLA alarm (SNS topic and CloudWatch alarm on AWS). Other consumers subscribe with their own rules, e.g.',
    '`{"source": ["sla-platform"], "detail-type": ["PickupMissed"]}`.',
    '',
    `Customer notices (docs/notices.md): the rule \`notice-triggers\` sends ${NOTICE_TRIGGER_TYPES.map((t) => `\`${t}\``).join(', ')} to the`,
    '`customer-notices` function, which publishes a `CustomerNotice` for those that call for one; the rule `customer-notices`',
    'sends each `CustomerNotice` back to it, and it posts the notice to the storefront.',
    '',
    '| detail-type | when |',
    '|---|---|',
    ...Object.values(DetailType).map((type) => `| [\`${type}\`](#${type.toLowerCase()}) | ${firstSentence(eventSchemas[type].description)} |`),
    '',
    '## SLA timers',
    '',
    'One-time EventBridge Scheduler schedules invoke the `sla-timer` function with a `TimerPayload`',
    '(`core/ports/timers.ts`): `{"kind", "caseId", "step", "attempt", "at"}` where `kind` is one of',
    `${Object.values(TimerKind).map((k) => `\`${k}\``).join(', ')}. A timer is named after its case, step, attempt and kind, so`,
    'scheduling it again replaces it; a timer whose `at` is no longer the step\'s `warnAt`/`due` (the deadline',
    'moved on resume) does nothing. `case-warn`/`case-due` are a case-level promise\'s (the order handover: warning at',
    'its 24 h mark, breach after 2 working days); each is decided by one conditional write on the deadline\'s item, so',
    'two deliveries emit once. `batch-target` fires at an order step\'s `batchTargetAt` (service-standards.md §2) and raises',
    '`PickupAtRisk` once if the step is still open (paused included: the batch does not wait). The `sla-sweep` function',
    '(every 5 minutes) handles any step or case deadline whose warning or due timer was lost.',
    '',
  ];
  for (const type of Object.values(DetailType)) {
    const schema = eventSchemas[type];
    lines.push(`## ${type}`, '', schema.description ?? '', '', '```json', JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2), '```', '');
  }
  return lines.join('\n');
}

function firstSentence(text: string | undefined): string {
  const t = text ?? '';
  const end = /\.\s+(?=[A-Z])/.exec(t)?.index;
  return (end === undefined ? t : t.slice(0, end + 1)).replace(/\|/g, '\\|');
}
