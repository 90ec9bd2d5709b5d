/**
 * The assessment's weights and targets per score component (考核, issue 23; policy/assessment.ts):
 * a weight is relative (0 leaves the component out), so each one's share of the sum is shown beside
 * it with the sum. Unset components show the defaults of core/people/scorecard/assessment.ts.
 */
import { Card, InputNumber, Table, Typography } from 'antd';
import { DEFAULT_ASSESSMENT, ScoreComponent } from '../../../../core/people/scorecard/assessment.ts';
import type { PolicyInput } from '../../../../policy/schema.ts';
import type { ApiFieldIssue } from '../../api/error-words.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { componentWord } from '../../i18n/people-words.ts';
import { FieldErrors } from './field-errors.tsx';

type Assessment = NonNullable<PolicyInput['assessment']>;
const COMPONENTS = Object.values(ScoreComponent);

export function AssessmentForm({ assessment, issues, onChange }: { assessment: Assessment | undefined; issues: readonly ApiFieldIssue[]; onChange: (a: Assessment) => void }) {
  const { t, lang } = useI18n();
  const section: Assessment = assessment ?? {};
  const weights = { ...DEFAULT_ASSESSMENT.weights, ...section.weights };
  const targets = { ...DEFAULT_ASSESSMENT.targets, ...section.targets };
  const sum = COMPONENTS.reduce((s, c) => s + (typeof weights[c] === 'number' ? weights[c] : 0), 0);
  const set = (field: 'weights' | 'targets', c: ScoreComponent, value: number | null) => onChange({ ...section, [field]: { ...(field === 'weights' ? weights : targets), [c]: value } });
  return (
    <Card title={t('pf.assessment')} extra={<Typography.Text data-testid="weight-sum" strong>{t('pf.weightSum', { sum: round(sum) })}</Typography.Text>}>
      <Table<{ c: ScoreComponent }>
        size="small"
        pagination={false}
        rowKey="c"
        dataSource={COMPONENTS.map((c) => ({ c }))}
        columns={[
          { title: t('pf.component'), key: 'c', render: (_, { c }) => componentWord(c, lang) },
          {
            title: t('pf.weight'),
            key: 'weight',
            render: (_, { c }) => (
              <>
                <InputNumber aria-label={t('pf.weightOf', { component: componentWord(c, lang) })} value={weights[c]} onChange={(v) => set('weights', c, v)} />
                <FieldErrors issues={issues} path={`assessment.weights.${c}`} />
              </>
            ),
          },
          { title: t('pf.share'), key: 'share', render: (_, { c }) => (sum > 0 ? `${round((100 * (weights[c] ?? 0)) / sum)}%` : '—') },
          {
            title: t('pf.target'),
            key: 'target',
            render: (_, { c }) => (
              <>
                <InputNumber aria-label={t('pf.targetOf', { component: componentWord(c, lang) })} value={targets[c]} onChange={(v) => set('targets', c, v)} />
                <FieldErrors issues={issues} path={`assessment.targets.${c}`} />
              </>
            ),
          },
        ]}
      />
      {/* The schema's own check on the whole set ("give at least one component a weight above 0"). */}
      <FieldErrors issues={issues.filter((i) => /^body\.document\.assessment(\.weights|\.targets)?$/.test(i.path))} path="assessment" />
    </Card>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
