/** Form inputs for a step's completion fields, generated from its zod schema (forms/zod-fields.ts). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { Lang } from '../i18n/lang.ts';
import { FIELD_LABELS, labelOf } from '../i18n/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { FieldSpec } from '../forms/zod-fields.ts';

/** `serialNumbers` → `串号 serialNumbers`: the label people read with the API's name beside it. */
export function fieldLabel(name: string, lang: Lang): string {
  const label = labelOf(FIELD_LABELS, name, lang);
  return label === name ? name : `${label} (${name})`;
}

export interface FieldErrorProps {
  /** The API's message per field path (`fields.invoiceNo`), shown under that field. */
  errors: Record<string, string>;
}

export function CompletionFields({ specs, errors }: { specs: FieldSpec[] } & FieldErrorProps) {
  return (
    <>
      {specs.map((spec) => (
        <CompletionField key={spec.name} spec={spec} errors={errors} />
      ))}
    </>
  );
}

function CompletionField({ spec, errors }: { spec: FieldSpec } & FieldErrorProps) {
  const { lang, t } = useI18n();
  const label = fieldLabel(spec.name, lang);
  const error = errors[`fields.${spec.name}`];
  const itemProps = { label, required: spec.required, validateStatus: error ? ('error' as const) : undefined, help: error };
  switch (spec.kind) {
    case 'boolean':
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]} valuePropName="checked">
          <Switch aria-label={label} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]}>
          <InputNumber aria-label={label} min={spec.min} max={spec.max} precision={spec.integer ? 0 : undefined} style={{ width: 160 }} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]}>
          <Select aria-label={label} allowClear options={spec.options.map((value) => ({ value, label: fieldLabel(value, lang) }))} />
        </Form.Item>
      );
    case 'datetime':
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]}>
          <DatePicker aria-label={label} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      );
    case 'textList':
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]}>
          <Select aria-label={label} mode="tags" open={false} tokenSeparators={[',', ' ', ',']} suffixIcon={null} />
        </Form.Item>
      );
    case 'record':
      // One input per part (`fields.repairReferral.centre`), each with the API's error for it.
      return (
        <Form.Item label={label} required={spec.required} style={{ marginBottom: 0 }}>
          <Space wrap align="baseline">
            {spec.fields.map((sub) => {
              const subError = errors[`fields.${spec.name}.${sub.name}`] ?? (sub === spec.fields[0] ? error : undefined);
              const subLabel = fieldLabel(sub.name, lang);
              return (
                <Form.Item key={sub.name} name={['fields', spec.name, sub.name]} label={subLabel} required={sub.required && spec.required} validateStatus={subError ? 'error' : undefined} help={subError}>
                  <Input aria-label={`${label} ${subLabel}`} />
                </Form.Item>
              );
            })}
          </Space>
        </Form.Item>
      );
    case 'recordList':
      return (
        <Form.Item {...itemProps}>
          <Form.List name={['fields', spec.name]}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline">
                    {spec.fields.map((sub) => (
                      <Form.Item key={sub.name} name={[row.name, sub.name]} label={fieldLabel(sub.name, lang)}>
                        <Input />
                      </Form.Item>
                    ))}
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(row.name)}>
                      {t('action.removeItem')}
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
                  {t('action.addItem')} {label}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...itemProps} name={['fields', spec.name]}>
          <Input aria-label={label} />
        </Form.Item>
      );
  }
}
