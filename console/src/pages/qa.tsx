/**
 * The quality-check queue (质检, `GET /qa`, supervisor; issue 23, docs/people.md): a sampled week's
 * checks per person, each with what the step recorded (outcome, fields, the checklist's points) or
 * the conversation's counts, and a form scoring it 1–5 per criterion of the policy with a note.
 */
import { Alert, Button, DatePicker, Form, Input, Modal, Rate, Select, Space, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { stepLabel } from '../../../core/lifecycles/step-labels.ts';
import { useDrawQa, useQaQueue, useScoreQa, type QaItem, type QaQueue } from '../api/people.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { peopleWord } from '../i18n/people-words.ts';
import { formatDateTime } from '../time/format.ts';

type Status = 'open' | 'scored' | 'all';

export default function QaPage() {
  const { t, lang } = useI18n();
  const [week, setWeek] = useState<string>();
  const [status, setStatus] = useState<Status>('all');
  const queue = useQaQueue(week, status);
  const draw = useDrawQa();
  const [scoring, setScoring] = useState<QaItem>();
  const shown = week ?? queue.data?.week;

  return (
    <section aria-labelledby="qa-title">
      <Typography.Title level={3} id="qa-title">
        {peopleWord('qa.title', lang)}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          {peopleWord('qa.week', lang)}{' '}
          <DatePicker
            picker="week"
            aria-label={peopleWord('qa.week', lang)}
            value={shown ? dayjs(shown) : null}
            allowClear={false}
            // A week is named by its Monday (the API's key).
            onChange={(d) => d && setWeek(d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD'))}
          />
        </label>
        <label>
          {peopleWord('qa.status', lang)}{' '}
          <Select<Status> aria-label={peopleWord('qa.status', lang)} value={status} onChange={setStatus} style={{ width: 120 }} options={(['all', 'open', 'scored'] as const).map((s) => ({ value: s, label: peopleWord(`qa.${s}`, lang) }))} />
        </label>
        <Button
          loading={draw.isPending}
          onClick={() =>
            draw.mutate(shown, {
              onSuccess: (r) => void message.success(peopleWord('qa.drawn', lang, { sampled: r.sampled, added: r.added })),
            })
          }
        >
          {peopleWord('qa.draw', lang)}
        </Button>
      </Space>
      {(queue.error || draw.error) && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: (queue.error ?? draw.error)?.message ?? '' })} style={{ marginBottom: 16 }} />}
      <Table<QaItem>
        size="small"
        loading={queue.isLoading}
        pagination={false}
        rowKey="id"
        locale={{ emptyText: peopleWord('qa.empty', lang) }}
        dataSource={queue.data?.items ?? []}
        columns={[
          { title: peopleWord('qa.person', lang), dataIndex: 'person' },
          { title: peopleWord('qa.kind', lang), key: 'kind', render: (_, i) => <Tag>{peopleWord(`qa.kind.${i.kind}`, lang)}</Tag> },
          { title: peopleWord('qa.subject', lang), key: 'subject', render: (_, i) => <Subject item={i} /> },
          { title: peopleWord('qa.at', lang), key: 'at', render: (_, i) => formatDateTime(i.at) },
          { title: peopleWord('qa.score', lang), key: 'score', render: (_, i) => <ScoreSummary item={i} criteria={queue.data?.criteria ?? []} /> },
          {
            title: '',
            key: 'action',
            render: (_, i) => (
              <Button size="small" type={i.score ? 'default' : 'primary'} onClick={() => setScoring(i)}>
                {peopleWord(i.score ? 'qa.rescore' : 'qa.scoreAction', lang)}
              </Button>
            ),
          },
        ]}
      />
      {scoring && queue.data && <ScoreForm item={scoring} criteria={queue.data.criteria} onClose={() => setScoring(undefined)} />}
    </section>
  );
}

function Subject({ item }: { item: QaItem }) {
  const { lang } = useI18n();
  const s = item.subject;
  if (item.kind === 'conversation') {
    return (
      <span>
        {String(s.conversationId)} · {peopleWord('qa.conversationFacts', lang, { messages: Number(s.customerMessages), questions: Number(s.questions), within: Number(s.repliesWithin) })}
      </span>
    );
  }
  const fields = (s.fields ?? {}) as Record<string, unknown>;
  return (
    <div>
      <Link to={`/cases/${encodeURIComponent(String(s.caseId))}`}>{stepLabel(String(s.step))[lang]}</Link>
      {s.outcome !== undefined && <Tag style={{ marginInlineStart: 8 }}>{String(s.outcome)}</Tag>}
      {Object.keys(fields).length > 0 && (
        <div>
          <Typography.Text type="secondary">{peopleWord('qa.recorded', lang)}: </Typography.Text>
          {Object.entries(fields).map(([k, v]) => (
            <span key={k} style={{ marginInlineEnd: 8 }}>
              {k}: {typeof v === 'object' ? JSON.stringify(v) : String(v)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

function ScoreSummary({ item, criteria }: { item: QaItem; criteria: QaQueue['criteria'] }) {
  const { lang } = useI18n();
  if (!item.score) return <Tag color="gold">{peopleWord('qa.open', lang)}</Tag>;
  const score = item.score;
  return (
    <span>
      {criteria.map((c) => `${c.label[lang]} ${score.scores[c.id] ?? '—'}`).join(' · ')}
      {score.note && <div>{score.note}</div>}
    </span>
  );
}

function ScoreForm({ item, criteria, onClose }: { item: QaItem; criteria: QaQueue['criteria']; onClose: () => void }) {
  const { t, lang } = useI18n();
  const score = useScoreQa();
  const [form] = Form.useForm<{ scores: Record<string, number>; note: string }>();
  const submit = (values: { scores: Record<string, number>; note?: string }) =>
    score.mutate(
      { id: item.id, scores: values.scores, note: values.note ?? '' },
      {
        onSuccess: () => {
          void message.success(peopleWord('qa.saved', lang));
          onClose();
        },
      },
    );
  return (
    <Modal open title={`${peopleWord('qa.scoreAction', lang)} · ${item.person}`} onCancel={onClose} okText={peopleWord('qa.save', lang)} onOk={() => form.submit()} confirmLoading={score.isPending}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scores: item.score?.scores ?? {}, note: item.score?.note ?? '' }}>
        {criteria.map((c) => (
          <Form.Item key={c.id} name={['scores', c.id]} label={c.label[lang]} rules={[{ required: true, message: c.label[lang] }]}>
            <Rate aria-label={c.label[lang]} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={peopleWord('qa.note', lang)}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {score.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: score.error.message })} />}
    </Modal>
  );
}
