/**
 * The pack dialog's serial numbers (串号): one input per unit of a serialized item, labelled by
 * item and unit ("串号 · 手机 A 128G 第 1/2 台"), none for accessories (issue 28 item 6). Which
 * units count is core/lifecycles/serialized-units.ts with the policy's SKU patterns, as the API
 * checks it. The inputs fill `fields.serialNumbers[k]` in item order.
 */
import { Form, Input, Typography } from 'antd';
import type { SerializedUnit } from '../../../core/lifecycles/serialized-units.ts';
import { serializedUnits } from '../../../core/lifecycles/serialized-units.ts';
import { useCase, usePolicy } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The case's serialized units, once both the case and the policy are loaded; undefined until then or when the case lists no items. */
export function useSerializedUnits(caseId: string, enabled: boolean): SerializedUnit[] | undefined {
  const view = useCase(caseId, { enabled });
  const skus = useSerializedSkus(enabled);
  return view.data && skus ? serializedUnits(view.data.data, skus) : undefined;
}

/** The policy's `serialNumbers.serializedSkus` (GET /policy, cached). */
export function useSerializedSkus(enabled = true): readonly string[] | undefined {
  return usePolicy(undefined, { enabled }).data?.serialNumbers.serializedSkus;
}

export function SerialInputs({ units, error }: { units: SerializedUnit[]; error: string | undefined }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('facts.serials')} required={units.length > 0} validateStatus={error ? 'error' : undefined} help={error} data-testid="serial-inputs">
      {units.length === 0 ? (
        <Typography.Text type="secondary">{t('serials.none')}</Typography.Text>
      ) : (
        units.map((u, k) => {
          const label = t('serials.unit', { item: `${u.name} (${u.sku})`, unit: u.unit, of: u.of });
          return (
            <Form.Item key={`${u.itemIndex}-${u.unit}`} name={['fields', 'serialNumbers', k]} label={label} style={{ marginBottom: 8 }}>
              <Input aria-label={label} autoFocus={k === 0} />
            </Form.Item>
          );
        })
      )}
    </Form.Item>
  );
}
