/**
 * The case's timeline with a search box: an entry matches when its kind, step (id or name), who,
 * or the words it carries (a call checklist's points, e.g. "收货人 corrected: 李四") contain the text.
 */
import { Input, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ACTOR_LABELS, TIMELINE_LABELS } from '../i18n/fact-labels.ts';
import { labelOf, stepName } from '../i18n/labels.ts';
import { word } from '../i18n/standard-words.ts';
import type { Lang } from '../i18n/lang.ts';
import { CHECK_POINTS, type CheckPoint, type CheckPointResult } from '../../../core/lifecycles/checklists.ts';
import { formatWeekdayDateTime } from '../time/format.ts';

type Entry = CaseView['timeline'][number];

/**
 * The words an entry carries: a call checklist's points in the console's language (the stored
 * `text` is the server's English-status record), else the entry's own `text`.
 */
function textOf(entry: Entry, lang: Lang): string | undefined {
  const checklist = entry.detail?.checklist as Record<string, CheckPointResult> | undefined;
  if (checklist !== undefined && typeof checklist === 'object') {
    const points = Object.entries(checklist).map(([point, r]) => {
      const name = CHECK_POINTS[point as CheckPoint]?.[lang] ?? point;
      return r.status === 'confirmed' ? `${name} ${word('checklist.confirmed', lang)}` : `${name} ${word('checklist.corrected', lang)}: ${r.value ?? ''}`;
    });
    const evidence = entry.detail?.evidence as { photos?: string[] } | undefined;
    if (evidence?.photos) points.push(`${lang === 'zh' ? '照片' : 'Photos'} ${evidence.photos.join(', ')}`);
    return points.join('; ');
  }
  return typeof entry.detail?.text === 'string' ? entry.detail.text : undefined;
}

/** `extra`: what an entry of some kind adds in words (an escalation's level, a deferred pickup's reason). */
export function CaseTimeline({ entries, extra }: { entries: readonly Entry[]; extra?: (entry: Entry) => ReactNode }) {
  const { lang } = useI18n();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown =
    needle === ''
      ? entries
      : entries.filter((e) => [e.kind, labelOf(TIMELINE_LABELS, e.kind, lang), e.step, e.step ? stepName(e.step, lang) : undefined, e.by, e.by ? labelOf(ACTOR_LABELS, e.by, lang) : undefined, textOf(e, lang)].some((v) => v?.toLowerCase().includes(needle)));
  return (
    <>
      <Input.Search aria-label={word('timeline.search', lang)} placeholder={word('timeline.search', lang)} allowClear value={query} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 360, marginBottom: 16 }} />
      {shown.length === 0 ? (
        <Typography.Paragraph type="secondary">{word('timeline.none', lang)}</Typography.Paragraph>
      ) : (
        <Timeline
          items={shown.map((entry) => ({
            key: entry.id,
            content: (
              <span data-testid="timeline-entry">
                <time dateTime={entry.at}>{formatWeekdayDateTime(entry.at, lang)}</time> · <span data-kind={entry.kind}>{labelOf(TIMELINE_LABELS, entry.kind, lang)}</span>
                {entry.step && ` · ${stepName(entry.step, lang)}`}
                {entry.by && ` · ${labelOf(ACTOR_LABELS, entry.by, lang)}`}
                {textOf(entry, lang) && ` · ${textOf(entry, lang)}`}
                {extra?.(entry)}
              </span>
            ),
          }))}
        />
      )}
    </>
  );
}
