/**
 * Completion fields that need more than their step's zod schema to draw: the policy's carriers at
 * `order.dispatch`, and the call checklists of the verification steps (core/lifecycles/checklists.ts).
 * The dialog leaves these fields out of the generated form and draws these instead; a widget with
 * `toFields` turns its form values into completion fields, or into errors keyed as the API's paths.
 */
import type { ReactNode } from 'react';
import { hasChecklist } from '../../../core/lifecycles/checklists.ts';
import { CarrierField } from './carrier-field.tsx';
import { ChecklistField, checklistFields, type ChecklistContext } from './checklist-field.tsx';

export type WidgetContext = ChecklistContext;

export interface Widget {
  /** The completion fields this widget draws (`fields.<name>`). */
  fields: readonly string[];
  render: (ctx: WidgetContext) => ReactNode;
  toFields?: (values: Record<string, unknown>, ctx: WidgetContext) => { fields: Record<string, unknown> } | { errors: Record<string, string> };
}

const carrier: Widget = { fields: ['carrier'], render: (ctx) => <CarrierField key="carrier" error={ctx.errors['fields.carrier']} /> };
const checklist: Widget = { fields: ['checklist', 'evidence'], render: (ctx) => <ChecklistField key="checklist" {...ctx} />, toFields: (values, ctx) => checklistFields(values, ctx) };

export function widgetsOf(step: string): readonly Widget[] {
  if (step === 'order.dispatch') return [carrier, checklist]; // a priority order's courier confirmation
  if (hasChecklist(step)) return [checklist];
  return [];
}

/** The fields a step's widgets draw, to leave out of the generated form. */
export function widgetFields(step: string): Set<string> {
  return new Set(widgetsOf(step).flatMap((w) => w.fields));
}
