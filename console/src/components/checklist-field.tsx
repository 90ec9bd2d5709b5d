/**
 * A verification call's checklist in the completion dialog (service-standards.md §12): one row per
 * point the step and outcome require (core/lifecycles/checklists.ts) — a checkbox "核对无误" or the
 * corrected value — and, for a quality claim, photo references and "非人为". The body is checked with
 * the API's own zod schema before it is sent, so the form and the API refuse the same things.
 */
import { Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { CHECK_POINTS, checklistOf, checklistSchema, MAX_PHOTOS, type CheckPoint } from '../../../core/lifecycles/checklists.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { word } from '../i18n/standard-words.ts';

export interface ChecklistContext {
  step: string;
  outcome: string | undefined;
  facts: Record<string, unknown>;
  errors: Record<string, string>;
}

interface PointValues {
  confirmed?: boolean;
  value?: string;
}
interface FormValues {
  checklist?: Partial<Record<CheckPoint, PointValues>>;
  evidence?: { photos?: string[]; notManMade?: boolean };
}

export function ChecklistField({ step, outcome, facts, errors }: ChecklistContext) {
  const { lang } = useI18n();
  const rule = checklistOf(step, outcome, facts);
  if (rule === undefined) return null;
  const errorOf = (path: string) => errors[path];
  return (
    <fieldset data-testid="checklist" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
      <legend style={{ width: 'auto', fontSize: 14, padding: '0 4px', margin: 0, border: 0 }}>{word('checklist.title', lang)}</legend>
      {errorOf('fields.checklist') && <Typography.Text type="danger">{errorOf('fields.checklist')}</Typography.Text>}
      {rule.points.map((point) => {
        const name = CHECK_POINTS[point][lang];
        const error = errorOf(`fields.checklist.${point}`) ?? errorOf(`fields.checklist.${point}.value`);
        return (
          <Form.Item key={point} label={`${name} (${point})`} required validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 8 }}>
            <Space wrap>
              <Form.Item name={['checklist', point, 'confirmed']} valuePropName="checked" noStyle>
                <Checkbox aria-label={`${name} ${word('checklist.confirmed', lang)}`}>{word('checklist.confirmed', lang)}</Checkbox>
              </Form.Item>
              <Form.Item name={['checklist', point, 'value']} noStyle>
                <Input aria-label={`${name} ${word('checklist.correctedTo', lang)}`} placeholder={word('checklist.correctedTo', lang)} style={{ width: 260 }} />
              </Form.Item>
            </Space>
          </Form.Item>
        );
      })}
      {rule.evidence && (
        <>
          <Form.Item label={`${word('checklist.photos', lang)} (photos, 1–${MAX_PHOTOS})`} name={['evidence', 'photos']} required validateStatus={errorOf('fields.evidence.photos') || errorOf('fields.evidence') ? 'error' : undefined} help={errorOf('fields.evidence.photos') ?? errorOf('fields.evidence')}>
            <Select aria-label={word('checklist.photos', lang)} mode="tags" open={false} tokenSeparators={[',', ' ', ',']} suffixIcon={null} />
          </Form.Item>
          <Form.Item name={['evidence', 'notManMade']} valuePropName="checked" required validateStatus={errorOf('fields.evidence.notManMade') ? 'error' : undefined} help={errorOf('fields.evidence.notManMade')}>
            <Checkbox>{word('checklist.notManMade', lang)}</Checkbox>
          </Form.Item>
        </>
      )}
    </fieldset>
  );
}

/**
 * The completion's `checklist`/`evidence` fields from the form: a ticked point is confirmed, an
 * unticked one with a value corrected. Checked with the API's schema: `{errors}` keyed as the
 * API's field paths (`fields.checklist.contact`) when it would be refused.
 */
export function checklistFields(values: FormValues, ctx: Omit<ChecklistContext, 'errors'>): { fields: Record<string, unknown> } | { errors: Record<string, string> } {
  const rule = checklistOf(ctx.step, ctx.outcome, ctx.facts);
  if (rule === undefined) return { fields: {} };
  const checklist: Record<string, unknown> = {};
  for (const point of rule.points) {
    const v = values.checklist?.[point];
    const value = v?.value?.trim();
    if (v?.confirmed) checklist[point] = { status: 'confirmed' };
    else if (value) checklist[point] = { status: 'corrected', value };
  }
  const body = { checklist, ...(rule.evidence ? { evidence: { photos: values.evidence?.photos ?? [], notManMade: values.evidence?.notManMade === true ? true : false } } : {}) };
  const parsed = checklistSchema(ctx.step, ctx.outcome, ctx.facts).safeParse(body);
  if (parsed.success) return { fields: Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) };
  return { errors: Object.fromEntries(parsed.error.issues.map((issue) => [['fields', ...issue.path.map(String)].join('.'), issue.message])) };
}
