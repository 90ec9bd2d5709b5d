/**
 * What a completed step recorded, on the case page: for `order.dispatch` the carrier by its name in
 * the console's language, whether the parcel is insured (保价, from the policy at dispatch) and
 * the tracking number. Nothing for steps without such a record.
 */
import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Descriptions } from 'antd';
import { usePolicy } from '../api/queries.ts';
import type { StepView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { word } from '../i18n/standard-words.ts';
import { CHECK_POINTS, type CheckPoint, type CheckPointResult } from '../../../core/lifecycles/checklists.ts';

/** Fields StepDetails words itself, per step (`any`: every step), which the generic field list leaves out. */
export const DETAILED_FIELDS: Record<string, readonly string[]> = {
  any: ['checklist', 'evidence'],
  'order.dispatch': ['checklist', 'evidence', 'carrier', 'insured', 'trackingNo'],
};

export function StepDetails({ step }: { step: StepView }) {
  if (step.status !== 'completed' || step.fields === null) return null;
  if (step.step === 'order.dispatch') return <DispatchDetails fields={step.fields} />;
  if (step.fields.checklist !== undefined) return <ChecklistDetails fields={step.fields} />;
  return null;
}

/** A call's checklist: each point ✓ or its corrected value; a quality claim's photos and 非人为. */
function ChecklistDetails({ fields }: { fields: Record<string, unknown> }) {
  const { lang } = useI18n();
  const checklist = fields.checklist as Record<string, CheckPointResult>;
  const evidence = fields.evidence as { photos: string[]; notManMade: boolean } | undefined;
  return (
    <Descriptions size="small" column={4} title={word('checklist.title', lang)} data-testid="checklist-details" style={{ marginBottom: 8 }}>
      {Object.entries(checklist).map(([point, r]) => (
        <Descriptions.Item key={point} label={CHECK_POINTS[point as CheckPoint]?.[lang] ?? point}>
          {r.status === 'confirmed' ? (
            <>
              <CheckCircleOutlined aria-hidden style={{ color: '#135200' }} /> {word('checklist.confirmed', lang)}
            </>
          ) : (
            `${word('checklist.corrected', lang)}: ${r.value}`
          )}
        </Descriptions.Item>
      ))}
      {evidence && <Descriptions.Item label={word('checklist.photos', lang)}>{evidence.photos.join(', ')}</Descriptions.Item>}
      {evidence?.notManMade && <Descriptions.Item label={word('checklist.notManMade', lang)}>✓</Descriptions.Item>}
    </Descriptions>
  );
}

function DispatchDetails({ fields }: { fields: Record<string, unknown> }) {
  const { lang } = useI18n();
  const carriers = usePolicy(undefined).data?.carriers ?? [];
  const id = typeof fields.carrier === 'string' ? fields.carrier : '';
  const carrier = carriers.find((c) => c.id === id);
  const insured = fields.insured === true;
  return (
    <Descriptions size="small" column={3} title={word('details.title', lang)} data-testid="dispatch-details" style={{ marginBottom: 8 }}>
      <Descriptions.Item label={word('carrier.label', lang)}>{carrier ? `${carrier.label[lang]} (${id})` : id}</Descriptions.Item>
      {typeof fields.insured === 'boolean' && (
        <Descriptions.Item label={word('carrier.insured', lang)}>
          {insured ? <CheckCircleOutlined aria-hidden style={{ color: '#135200' }} /> : <MinusCircleOutlined aria-hidden />} {word(insured ? 'carrier.insured' : 'carrier.notInsured', lang)}
        </Descriptions.Item>
      )}
      {typeof fields.trackingNo === 'string' && <Descriptions.Item label={word('carrier.trackingNo', lang)}>{fields.trackingNo}</Descriptions.Item>}
    </Descriptions>
  );
}
