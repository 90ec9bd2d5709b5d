/**
 * Completion fields that need more than their zod schema to draw: the policy's carriers at
 * `order.dispatch`. The dialog leaves these fields out of the generated form and draws these instead.
 */
import type { ReactNode } from 'react';
import { CarrierField } from './carrier-field.tsx';

interface Widget {
  /** The completion fields this widget draws (`fields.<name>`). */
  fields: readonly string[];
  render: (errors: Record<string, string>) => ReactNode;
}

const WIDGETS: Readonly<Record<string, readonly Widget[]>> = {
  'order.dispatch': [{ fields: ['carrier'], render: (errors) => <CarrierField key="carrier" error={errors['fields.carrier']} /> }],
};

export function widgetsOf(step: string): readonly Widget[] {
  return WIDGETS[step] ?? [];
}

/** The fields a step's widgets draw, to leave out of the generated form. */
export function widgetFields(step: string): Set<string> {
  return new Set(widgetsOf(step).flatMap((w) => w.fields));
}
